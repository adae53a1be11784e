/**
 * Instant-runoff voting (IRV, single winner).
 *
 * Each round counts every ballot (weight × count) for its highest-ranked continuing candidate.
 * A candidate with MORE than half of the votes still in play (ballots not exhausted) wins;
 * so does the last continuing candidate. Otherwise the single lowest candidate is eliminated
 * (one per round, candidates with zero votes included) and its ballots move on.
 *
 * Elimination ties: among the tied candidates, look back at earlier rounds from the most
 * recent: where their totals differed, only the ones with the fewest votes stay in the
 * running, until one is left; whatever is still tied after round 1 is settled by the seeded
 * order (the candidate latest in it is eliminated; see tie-break.ts). Totals equal up to a
 * relative 1e-9 count as tied.
 *
 * No ballot with a valid preference → no winner (one round of zeros). Ballots rank-truncated
 * or listing only eliminated candidates count as exhausted (reported per round).
 */
import { byName, clearlyGreater, round6 } from './numbers';
import { MaskRounds } from './irv-masks';
import { continuingIndices, Piles } from './piles';
import { type RankedProfile, rankedProfile } from './ranked-profile';
import { defaultSeed, orderByValue, pickLoser, seededPriority } from './tie-break';
import type { RankedBallot, Round, TieBreak } from './types';

export interface IrvOptions {
  readonly seed?: string;
}

export interface IrvResult {
  readonly method: 'irv';
  readonly seed: string;
  readonly winners: readonly string[];
  readonly rounds: readonly Round[];
  readonly totalWeight: number;
  readonly blank: number;
  readonly tieBreaks: readonly TieBreak[];
}

export function tallyIrv(candidates: readonly string[], ballots: readonly RankedBallot[], options: IrvOptions = {}): IrvResult {
  return irvFromProfile(rankedProfile(candidates, ballots, { mergeWhen: 'fractional' }), options);
}

export function irvFromProfile(profile: RankedProfile, options: IrvOptions = {}): IrvResult {
  const { candidates } = profile;
  const n = candidates.length;
  const seed = options.seed ?? defaultSeed(candidates);
  const priority = seededPriority(seed, candidates);
  const continuing = new Uint8Array(n).fill(1);
  // Same totals either way; prefix sets avoid moving ballots when the masses allow (irv-masks.ts).
  const piles = MaskRounds.fits(profile) ? new MaskRounds(profile) : new Piles(profile);
  const history: Float64Array[] = [];
  const rounds: Round[] = [];
  const tieBreaks: TieBreak[] = [];
  let winner = -1;

  for (let left = n; left > 0; left--) {
    const totals = piles.totals();
    const exhausted = piles.exhausted();
    const active = continuingIndices(continuing);
    const roundNo = rounds.length + 1;
    let activeSum = 0;
    for (const c of active) activeSum += totals[c]!;
    const record = (eliminated: number[], elected: number[]): void => {
      rounds.push({
        round: roundNo,
        tally: byName(candidates, totals, (c) => continuing[c] === 1 || eliminated.includes(c)),
        exhausted: round6(exhausted),
        eliminated: eliminated.map((c) => candidates[c]!),
        elected: elected.map((c) => candidates[c]!),
      });
    };
    if (!(activeSum > 0) && rounds.length === 0) {
      record([], []);
      break;
    }
    const ordered = orderByValue(active, totals, priority);
    const leader = ordered[0]![0]!;
    if (left === 1 || clearlyGreater(totals[leader]!, activeSum / 2)) {
      winner = leader;
      record([], [leader]);
      break;
    }
    const lowest = ordered.at(-1)!;
    const pick = pickLoser(lowest, history, priority);
    if (pick.rule !== undefined) {
      tieBreaks.push({
        round: roundNo,
        purpose: 'eliminate',
        among: [...lowest].sort((a, b) => a - b).map((c) => candidates[c]!),
        chosen: [candidates[pick.loser]!],
        rule: pick.rule,
      });
    }
    continuing[pick.loser] = 0;
    record([pick.loser], []);
    history.push(totals);
    piles.release(pick.loser, continuing);
  }

  return {
    method: 'irv',
    seed,
    winners: winner >= 0 ? [candidates[winner]!] : [],
    rounds,
    totalWeight: round6(profile.totalWeight),
    blank: round6(profile.blank),
    tieBreaks,
  };
}
