/**
 * Plurality (single choice): each ballot gives its weight × count to one candidate.
 *
 * Variant: a `null` choice, or a candidate not on the list, is a blank ballot (counted in
 * `blank` and `totalWeight` only). With `seats` > 1 the highest totals win (block plurality).
 * Totals are summed exactly (order-independent); ties: see totals-result.ts and tie-break.ts.
 */
import { countTotals } from './totals-result';
import type { ChoiceBallot, SeatOptions, TotalsResult } from './types';

export function tallyPlurality(candidates: readonly string[], ballots: readonly ChoiceBallot[], options: SeatOptions = {}): TotalsResult {
  const index = new Map(candidates.map((name, i) => [name, i]));
  return countTotals('plurality', candidates, ballots, options, (ballot, mass, add) => {
    const chosen = ballot.choice === null ? undefined : index.get(ballot.choice);
    if (chosen !== undefined) add(chosen, mass);
  });
}
