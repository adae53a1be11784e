/**
 * Approval voting: each ballot gives its weight × count to every candidate it approves.
 *
 * Variant: a candidate listed twice on one ballot counts once; unknown names are ignored; a
 * ballot approving nobody is blank. With `seats` > 1 the highest totals win.
 * Totals are summed exactly (order-independent); ties: see totals-result.ts and tie-break.ts.
 */
import { countTotals } from './totals-result';
import type { ApprovalBallot, SeatOptions, TotalsResult } from './types';

export function tallyApproval(candidates: readonly string[], ballots: readonly ApprovalBallot[], options: SeatOptions = {}): TotalsResult {
  const index = new Map(candidates.map((name, i) => [name, i]));
  return countTotals('approval', candidates, ballots, options, (ballot, mass, add) => {
    const approved = new Set<number>();
    for (const name of ballot.approved) {
      const i = index.get(name);
      if (i !== undefined) approved.add(i);
    }
    for (const i of approved) add(i, mass);
  });
}
