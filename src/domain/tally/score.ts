/**
 * Score voting (0–5, sum): each candidate's total is Σ score × weight × count.
 *
 * Variant: a candidate left out of a ballot scores 0; scores outside 0..MAX_SCORE (or not
 * finite) and unknown names are ignored (parseTallyInput rejects them); a ballot with no
 * positive score is blank. Highest sum wins (not the average: abstaining from scoring
 * someone is a 0). Ties on the sum are broken by the seeded order (tie-break.ts); with
 * `seats` > 1 the highest sums win.
 */
import { countTotals } from './totals-result';
import type { ScoreBallot, SeatOptions, TotalsResult } from './types';

export const MAX_SCORE = 5;

export function tallyScore(candidates: readonly string[], ballots: readonly ScoreBallot[], options: SeatOptions = {}): TotalsResult {
  return countTotals('score', candidates, ballots, options, (ballot, mass, add) => {
    candidates.forEach((name, i) => {
      if (!Object.hasOwn(ballot.scores, name)) return;
      const score = ballot.scores[name];
      if (typeof score !== 'number' || !(score > 0 && score <= MAX_SCORE)) return;
      add(i, score * mass);
    });
  });
}
