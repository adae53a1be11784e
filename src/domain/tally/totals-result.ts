/**
 * Shared last step of plurality, approval and score: rank candidates by their totals.
 *
 * Highest total first; totals equal up to a relative 1e-9 are tied and stay in seeded order
 * (see tie-break.ts). Winners are the first `seats` candidates of that ranking among those with
 * a positive total, so a candidate nobody voted for never wins and a poll without votes has no
 * winner. A tie that straddles the last seat is reported in `tieBreaks` (rule `seed`).
 */
import { addExact, type ExactSum, exactValue } from './exact-sum';
import { ballotMass, byName, round6 } from './numbers';
import { defaultSeed, orderByValue, seededPriority } from './tie-break';
import type { SeatOptions, TieBreak, TotalsResult, Weighted } from './types';

export interface TotalsInput {
  readonly method: TotalsResult['method'];
  readonly candidates: readonly string[];
  readonly totals: Float64Array;
  readonly seats: number;
  readonly seed: string;
  readonly totalWeight: number;
  readonly blank: number;
}

export function totalsResult(input: TotalsInput): TotalsResult {
  const { candidates, totals, seats, seed } = input;
  const priority = seededPriority(seed, candidates);
  const groups = orderByValue(
    candidates.map((_, index) => index),
    totals,
    priority,
  );
  const winners: number[] = [];
  const tieBreaks: TieBreak[] = [];
  for (const group of groups) {
    const open = seats - winners.length;
    if (open <= 0 || !(totals[group[0]!]! > 0)) break;
    const taken = group.slice(0, open);
    if (taken.length < group.length) {
      tieBreaks.push({
        purpose: 'elect',
        among: [...group].sort((a, b) => a - b).map((i) => candidates[i]!),
        chosen: taken.map((i) => candidates[i]!),
        rule: 'seed',
      });
    }
    winners.push(...taken);
  }
  return {
    method: input.method,
    seats,
    seed,
    winners: winners.map((i) => candidates[i]!),
    ranking: groups.flat().map((i) => candidates[i]!),
    tally: byName(candidates, totals),
    totalWeight: round6(input.totalWeight),
    blank: round6(input.blank),
    tieBreaks,
  };
}

/** Clamps seats to 1..candidates (the tallies never throw; parseTallyInput reports bad seats). */
export function clampSeats(seats: number | undefined, candidateCount: number): number {
  const wanted = seats === undefined || !Number.isFinite(seats) ? 1 : Math.floor(seats);
  return Math.max(1, Math.min(wanted, Math.max(1, candidateCount)));
}

/**
 * The counting loop the totals methods share: every ballot's mass (weight × count) is added to
 * the total weight, then `credit` hands `add(candidate, share)` the candidates this ballot
 * supports; a ballot that credits nobody counts as blank. Sums are exact (order-independent).
 */
export function countTotals<B extends Weighted>(
  method: TotalsResult['method'],
  candidates: readonly string[],
  ballots: readonly B[],
  options: SeatOptions,
  credit: (ballot: B, mass: number, add: (candidate: number, amount: number) => void) => void,
): TotalsResult {
  const sums: ExactSum[] = candidates.map(() => []);
  const all: ExactSum = [];
  const blank: ExactSum = [];
  for (const ballot of ballots) {
    const mass = ballotMass(ballot);
    if (mass === 0) continue;
    addExact(all, mass);
    let credited = false;
    credit(ballot, mass, (candidate, amount) => {
      addExact(sums[candidate]!, amount);
      credited = true;
    });
    if (!credited) addExact(blank, mass);
  }
  return totalsResult({
    method,
    candidates,
    totals: Float64Array.from(sums, exactValue),
    seats: clampSeats(options.seats, candidates.length),
    seed: options.seed ?? defaultSeed(candidates),
    totalWeight: exactValue(all),
    blank: exactValue(blank),
  });
}
