/**
 * Score voting (0–5, sum): each candidate's total is Σ score × weight × count.
 *
 * Variant: a candidate left out of a ballot scores 0; scores outside 0..MAX_SCORE (or not
 * finite) and unknown names are ignored (parseTallyInput rejects them); a ballot with no
 * positive score is blank. Highest sum wins (not the average: abstaining from scoring
 * someone is a 0). Ties on the sum are broken by the seeded order (tie-break.ts); with
 * `seats` > 1 the highest sums win.
 */
import { addExact, type ExactSum, exactValue } from './exact-sum';
import { ballotMass } from './numbers';
import { defaultSeed } from './tie-break';
import { clampSeats, totalsResult } from './totals-result';
import type { ScoreBallot, SeatOptions, TotalsResult } from './types';

export const MAX_SCORE = 5;

export function tallyScore(candidates: readonly string[], ballots: readonly ScoreBallot[], options: SeatOptions = {}): TotalsResult {
  const sums: ExactSum[] = candidates.map(() => []);
  const all: ExactSum = [];
  const blank: ExactSum = [];
  for (const ballot of ballots) {
    const mass = ballotMass(ballot);
    if (mass === 0) continue;
    addExact(all, mass);
    let scoredAny = false;
    candidates.forEach((name, i) => {
      if (!Object.hasOwn(ballot.scores, name)) return;
      const score = ballot.scores[name];
      if (typeof score !== 'number' || !(score > 0 && score <= MAX_SCORE)) return;
      addExact(sums[i]!, score * mass);
      scoredAny = true;
    });
    if (!scoredAny) addExact(blank, mass);
  }
  return totalsResult({
    method: 'score',
    candidates,
    totals: Float64Array.from(sums, exactValue),
    seats: clampSeats(options.seats, candidates.length),
    seed: options.seed ?? defaultSeed(candidates),
    totalWeight: exactValue(all),
    blank: exactValue(blank),
  });
}
