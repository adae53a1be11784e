/**
 * Yes / no / abstain with a threshold and a quorum.
 *
 * - Turnout = weighted yes + no + abstain. If turnout < `quorum` (a minimum weighted number of
 *   voters, default 0) the outcome is `noQuorum`, whatever the votes.
 * - Abstentions count for turnout only, never in the ratio: share = yes / (yes + no).
 * - `simple` (default): passes when yes is MORE than half of yes + no (a tie fails).
 *   `twoThirds`: passes when yes is AT LEAST two thirds of yes + no.
 *   `{ fraction, strict? }`: passes when share ≥ fraction (share > fraction if `strict`).
 *   A proposal with no yes votes never passes.
 * - Comparisons allow a relative tolerance of 1e-9, so 2 yes : 1 no passes two thirds even with
 *   fractional weights whose float sums are a hair off.
 */
import { addExact, type ExactSum, exactValue } from './exact-sum';
import { atLeast, ballotMass, clearlyGreater, round6 } from './numbers';
import type { Weighted } from './types';

export type YesNoVote = 'yes' | 'no' | 'abstain';

export interface YesNoBallot extends Weighted {
  readonly vote: YesNoVote;
}

export type Threshold = 'simple' | 'twoThirds' | { readonly fraction: number; readonly strict?: boolean };

export interface YesNoOptions {
  readonly threshold?: Threshold;
  /** Minimum weighted turnout (yes + no + abstain); default 0. */
  readonly quorum?: number;
}

export type Outcome = 'passed' | 'failed' | 'noQuorum';

export interface YesNoResult {
  readonly method: 'yesno';
  readonly outcome: Outcome;
  readonly yes: number;
  readonly no: number;
  readonly abstain: number;
  readonly turnout: number;
  readonly quorum: number;
  /** yes / (yes + no), or null when nobody voted yes or no. */
  readonly yesShare: number | null;
  readonly threshold: { readonly fraction: number; readonly strict: boolean };
}

export function thresholdOf(threshold: Threshold = 'simple'): { fraction: number; strict: boolean } {
  if (threshold === 'simple') return { fraction: 1 / 2, strict: true };
  if (threshold === 'twoThirds') return { fraction: 2 / 3, strict: false };
  return { fraction: threshold.fraction, strict: threshold.strict ?? false };
}

export function tallyYesNo(ballots: readonly YesNoBallot[], options: YesNoOptions = {}): YesNoResult {
  const sums: Record<YesNoVote, ExactSum> = { yes: [], no: [], abstain: [] };
  const all: ExactSum = [];
  for (const ballot of ballots) {
    if (!Object.hasOwn(sums, ballot.vote)) continue;
    const mass = ballotMass(ballot);
    addExact(sums[ballot.vote], mass);
    addExact(all, mass);
  }
  const yes = exactValue(sums.yes);
  const no = exactValue(sums.no);
  const abstain = exactValue(sums.abstain);
  const turnout = exactValue(all);
  const quorum = Math.max(0, options.quorum ?? 0);
  const threshold = thresholdOf(options.threshold);
  const decided = yes + no;
  const needed = threshold.fraction * decided;
  let outcome: Outcome;
  if (!atLeast(turnout, quorum)) outcome = 'noQuorum';
  else if (yes > 0 && (threshold.strict ? clearlyGreater(yes, needed) : atLeast(yes, needed))) outcome = 'passed';
  else outcome = 'failed';
  return {
    method: 'yesno',
    outcome,
    yes: round6(yes),
    no: round6(no),
    abstain: round6(abstain),
    turnout: round6(turnout),
    quorum,
    yesShare: decided > 0 ? round6(yes / decided) : null,
    threshold,
  };
}

