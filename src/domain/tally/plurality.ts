/**
 * Plurality (single choice): each ballot gives its weight × count to one candidate.
 *
 * Variant: a `null` choice, or a candidate not on the list, is a blank ballot (counted in
 * `blank` and `totalWeight` only). With `seats` > 1 the highest totals win (block plurality).
 * Totals are summed exactly (order-independent); ties: see totals-result.ts and tie-break.ts.
 */
import { addExact, type ExactSum, exactValue } from './exact-sum';
import { ballotMass } from './numbers';
import { defaultSeed } from './tie-break';
import { clampSeats, totalsResult } from './totals-result';
import type { ChoiceBallot, SeatOptions, TotalsResult } from './types';

export function tallyPlurality(candidates: readonly string[], ballots: readonly ChoiceBallot[], options: SeatOptions = {}): TotalsResult {
  const index = new Map(candidates.map((name, i) => [name, i]));
  const sums: ExactSum[] = candidates.map(() => []);
  const all: ExactSum = [];
  const blank: ExactSum = [];
  for (const ballot of ballots) {
    const mass = ballotMass(ballot);
    if (mass === 0) continue;
    addExact(all, mass);
    const chosen = ballot.choice === null ? undefined : index.get(ballot.choice);
    if (chosen === undefined) addExact(blank, mass);
    else addExact(sums[chosen]!, mass);
  }
  return totalsResult({
    method: 'plurality',
    candidates,
    totals: Float64Array.from(sums, exactValue),
    seats: clampSeats(options.seats, candidates.length),
    seed: options.seed ?? defaultSeed(candidates),
    totalWeight: exactValue(all),
    blank: exactValue(blank),
  });
}
