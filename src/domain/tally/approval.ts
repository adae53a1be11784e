/**
 * Approval voting: each ballot gives its weight × count to every candidate it approves.
 *
 * Variant: a candidate listed twice on one ballot counts once; unknown names are ignored; a
 * ballot approving nobody is blank. With `seats` > 1 the highest totals win.
 * Totals are summed exactly (order-independent); ties: see totals-result.ts and tie-break.ts.
 */
import { addExact, type ExactSum, exactValue } from './exact-sum';
import { ballotMass } from './numbers';
import { defaultSeed } from './tie-break';
import { clampSeats, totalsResult } from './totals-result';
import type { ApprovalBallot, SeatOptions, TotalsResult } from './types';

export function tallyApproval(candidates: readonly string[], ballots: readonly ApprovalBallot[], options: SeatOptions = {}): TotalsResult {
  const index = new Map(candidates.map((name, i) => [name, i]));
  const sums: ExactSum[] = candidates.map(() => []);
  const all: ExactSum = [];
  const blank: ExactSum = [];
  for (const ballot of ballots) {
    const mass = ballotMass(ballot);
    if (mass === 0) continue;
    addExact(all, mass);
    const approved = new Set<number>();
    for (const name of ballot.approved) {
      const i = index.get(name);
      if (i !== undefined) approved.add(i);
    }
    if (approved.size === 0) addExact(blank, mass);
    for (const i of approved) addExact(sums[i]!, mass);
  }
  return totalsResult({
    method: 'approval',
    candidates,
    totals: Float64Array.from(sums, exactValue),
    seats: clampSeats(options.seats, candidates.length),
    seed: options.seed ?? defaultSeed(candidates),
    totalWeight: exactValue(all),
    blank: exactValue(blank),
  });
}
