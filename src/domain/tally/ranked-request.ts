/** The request a scanned ranked file stands for (ranked-scan.ts), with parseCandidatePoll's checks. */
import type { IndexedBallots } from './indexed-profile';
import type { Json } from './parse-fields';
import { parseMethod } from './parse-input';
import { defaultSeed } from './tie-break';

export interface RankedScan {
  readonly method: 'irv' | 'stv' | 'schulze';
  readonly candidates: readonly string[];
  readonly seats: number;
  readonly seed: string;
  readonly ballots: IndexedBallots;
}

/** null on any failure: the normal path then gives the result or its exact message. */
export function rankedRequest(values: ReadonlyMap<string, unknown>, candidates: readonly string[], ballots: IndexedBallots): RankedScan | null {
  const method = parseMethod(values.get('method') as Json | undefined);
  if (!method.ok || (method.value !== 'irv' && method.value !== 'stv' && method.value !== 'schulze')) return null;
  const seats = values.has('seats') ? values.get('seats') : 1;
  if (typeof seats !== 'number' || !Number.isInteger(seats) || seats < 1 || seats > candidates.length) return null;
  if (method.value === 'irv' && seats !== 1) return null;
  const seed = values.has('seed') ? values.get('seed') : defaultSeed(candidates);
  if (typeof seed !== 'string') return null;
  return { method: method.value, candidates, seats, seed, ballots };
}
