/**
 * Single transferable vote (STV), multi-seat, weighted inclusive Gregory method.
 *
 * - Quota: Droop, floor(V / (seats + 1)) + 1, where V is the total weight × count of ballots
 *   with at least one valid preference (fractional weights included; the floor is taken of the
 *   weighted total). The quota is fixed for the whole count.
 * - Each round every ballot counts, at its current value, for its highest continuing candidate.
 *   Every candidate whose total reaches the quota (≥, relative tolerance 1e-9) is elected, at
 *   most as many as seats remain, highest total first.
 * - Surplus transfer (Gregory, weighted inclusive): every ballot held by a candidate elected
 *   with total T moves to its next continuing preference at its current value × (T − quota) / T;
 *   the candidate keeps exactly the quota. All surpluses of a round move at once, and a ballot
 *   skips every candidate already elected or eliminated. Values are never rounded internally.
 * - If the surpluses of the round are (nearly) zero, the same round goes on: when the continuing
 *   candidates are no more than the seats left, they are all elected (highest total first);
 *   otherwise the lowest continuing candidate is eliminated and its ballots move on at their
 *   current value. Elimination ties: earlier rounds, then seeded order (see irv.ts, tie-break.ts).
 * - No ballot with a valid preference → no winners (one round of zeros).
 * Round tallies show continuing candidates, candidates elected or eliminated in that round, and
 * earlier winners at the value they kept; `exhausted` is the value held by no candidate.
 */
import { exactSum } from './exact-sum';
import { atLeast, byName, clearlyGreater, round6 } from './numbers';
import { continuingIndices, Piles } from './piles';
import { type RankedProfile, rankedProfile } from './ranked-profile';
import { defaultSeed, orderByValue, pickLoser, seededPriority } from './tie-break';
import { clampSeats } from './totals-result';
import type { RankedBallot, Round, SeatOptions, TieBreak } from './types';

export interface StvResult {
  readonly method: 'stv';
  readonly seats: number;
  readonly seed: string;
  readonly quota: number;
  /** In order of election. */
  readonly winners: readonly string[];
  readonly rounds: readonly Round[];
  readonly totalWeight: number;
  readonly blank: number;
  readonly tieBreaks: readonly TieBreak[];
}

export function tallyStv(candidates: readonly string[], ballots: readonly RankedBallot[], options: SeatOptions = {}): StvResult {
  return stvFromProfile(rankedProfile(candidates, ballots), options);
}

/** Droop quota on a weighted total: floor(total / (seats + 1)) + 1. */
export const droopQuota = (total: number, seats: number): number => Math.floor(total / (seats + 1)) + 1;

export function stvFromProfile(profile: RankedProfile, options: SeatOptions = {}): StvResult {
  const { candidates, mass } = profile;
  const n = candidates.length;
  const seats = clampSeats(options.seats, n);
  const seed = options.seed ?? defaultSeed(candidates);
  const priority = seededPriority(seed, candidates);
  const valid = exactSum(mass);
  const quota = droopQuota(valid, seats);

  const continuing = new Uint8Array(n).fill(1);
  const shown = new Uint8Array(n).fill(1); // not eliminated in an earlier round
  const kept = new Float64Array(n);
  const elected = new Uint8Array(n);
  const piles = new Piles(profile);
  const history: Float64Array[] = [];
  const rounds: Round[] = [];
  const tieBreaks: TieBreak[] = [];
  const winners: number[] = [];

  const result = (): StvResult => ({
    method: 'stv',
    seats,
    seed,
    quota: round6(quota),
    winners: winners.map((c) => candidates[c]!),
    rounds,
    totalWeight: round6(profile.totalWeight),
    blank: round6(profile.blank),
    tieBreaks,
  });

  while (winners.length < seats) {
    const totals = piles.totals();
    const exhausted = piles.exhausted();
    const display = Float64Array.from(totals, (total, c) => (elected[c] === 1 ? kept[c]! : total));
    const visible = shown.slice();
    const electedNow: number[] = [];
    const eliminatedNow: number[] = [];
    const record = (): void => {
      rounds.push({
        round: rounds.length + 1,
        tally: byName(candidates, display, (c) => visible[c] === 1),
        exhausted: round6(exhausted),
        eliminated: eliminatedNow.map((c) => candidates[c]!),
        elected: electedNow.map((c) => candidates[c]!),
      });
      history.push(totals);
    };
    if (!(valid > 0)) {
      record();
      break;
    }

    // 1. Everyone at or above the quota is elected.
    const ranked = orderByValue(continuingIndices(continuing), totals, priority).flat();
    const factor = new Float64Array(n);
    let surplus = 0;
    for (const c of ranked) {
      if (winners.length === seats || !atLeast(totals[c]!, quota)) break;
      continuing[c] = 0;
      elected[c] = 1;
      winners.push(c);
      electedNow.push(c);
      const total = totals[c]!;
      kept[c] = Math.min(total, quota);
      factor[c] = total > quota ? (total - quota) / total : 0;
      surplus += Math.max(0, total - quota);
    }
    if (winners.length === seats) {
      record();
      break;
    }
    if (electedNow.length > 0) {
      // 2. Their ballots move on at value × (total − quota) / total.
      for (const c of electedNow) piles.release(c, continuing, factor[c]!);
      if (clearlyGreater(surplus, 0)) {
        record();
        continue;
      }
    }

    // 3. As many continuing candidates as seats left: elect them all.
    const left = continuingIndices(continuing);
    if (left.length <= seats - winners.length) {
      for (const c of orderByValue(left, totals, priority).flat()) {
        continuing[c] = 0;
        elected[c] = 1;
        kept[c] = totals[c]!;
        winners.push(c);
        electedNow.push(c);
      }
      record();
      break;
    }

    // 4. Eliminate the lowest continuing candidate.
    const lowest = orderByValue(left, totals, priority).at(-1)!;
    const pick = pickLoser(lowest, history, priority);
    if (pick.rule !== undefined) {
      tieBreaks.push({
        round: rounds.length + 1,
        purpose: 'eliminate',
        among: [...lowest].sort((a, b) => a - b).map((c) => candidates[c]!),
        chosen: [candidates[pick.loser]!],
        rule: pick.rule,
      });
    }
    continuing[pick.loser] = 0;
    shown[pick.loser] = 0;
    eliminatedNow.push(pick.loser);
    piles.release(pick.loser, continuing);
    record();
  }
  return result();
}
