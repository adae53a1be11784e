/**
 * Consent decision: agree / stand aside / block, each with an optional reason.
 *
 * - Blocks are weighed like every vote (weight × count). The proposal fails when the block
 *   weight exceeds `blocksAllowed` (default 0: any block with positive weight stops it).
 * - Stand-asides never stop the proposal; they are recorded with their reasons.
 * - Turnout = weighted agree + stand aside + block. If turnout < `quorum` (default 0) the
 *   outcome is `noQuorum`. A proposal nobody agreed to fails (no consent was given).
 * - `blockReasons` / `standAsideReasons` list every non-empty (trimmed) reason, sorted by
 *   reason then voter (UTF-16 code units), so the list does not depend on ballot order.
 */
import { addExact, type ExactSum, exactValue } from './exact-sum';
import { atLeast, ballotMass, clearlyGreater, round6 } from './numbers';
import type { Weighted } from './types';
import type { Outcome } from './yes-no';

export type ConsentResponse = 'agree' | 'standAside' | 'block';

export interface ConsentBallot extends Weighted {
  readonly response: ConsentResponse;
  readonly reason?: string;
  /** Optional display name shown next to the reason. */
  readonly voter?: string;
}

export interface ConsentOptions {
  /** Block weight tolerated before the proposal fails (default 0). */
  readonly blocksAllowed?: number;
  /** Minimum weighted turnout; default 0. */
  readonly quorum?: number;
}

export interface ConsentReason {
  readonly reason: string;
  readonly voter?: string;
  readonly weight: number;
}

export interface ConsentResult {
  readonly method: 'consent';
  readonly outcome: Outcome;
  /** True when the block weight exceeded `blocksAllowed`. */
  readonly blocked: boolean;
  readonly agree: number;
  readonly standAside: number;
  readonly block: number;
  readonly turnout: number;
  readonly quorum: number;
  readonly blocksAllowed: number;
  readonly blockReasons: readonly ConsentReason[];
  readonly standAsideReasons: readonly ConsentReason[];
}

export function tallyConsent(ballots: readonly ConsentBallot[], options: ConsentOptions = {}): ConsentResult {
  const sums: Record<ConsentResponse, ExactSum> = { agree: [], standAside: [], block: [] };
  const all: ExactSum = [];
  const reasons: Record<'standAside' | 'block', ConsentReason[]> = { standAside: [], block: [] };
  for (const ballot of ballots) {
    if (!Object.hasOwn(sums, ballot.response)) continue;
    const mass = ballotMass(ballot);
    addExact(sums[ballot.response], mass);
    addExact(all, mass);
    const reason = ballot.reason?.trim() ?? '';
    if (ballot.response !== 'agree' && reason !== '') {
      const voter = ballot.voter?.trim();
      reasons[ballot.response].push(voter ? { reason, voter, weight: round6(mass) } : { reason, weight: round6(mass) });
    }
  }
  const agree = exactValue(sums.agree);
  const block = exactValue(sums.block);
  const turnout = exactValue(all);
  const quorum = Math.max(0, options.quorum ?? 0);
  const blocksAllowed = Math.max(0, options.blocksAllowed ?? 0);
  const blocked = clearlyGreater(block, blocksAllowed);
  let outcome: Outcome;
  if (!atLeast(turnout, quorum)) outcome = 'noQuorum';
  else if (blocked || !(agree > 0)) outcome = 'failed';
  else outcome = 'passed';
  return {
    method: 'consent',
    outcome,
    blocked,
    agree: round6(agree),
    standAside: round6(exactValue(sums.standAside)),
    block: round6(block),
    turnout: round6(turnout),
    quorum,
    blocksAllowed,
    blockReasons: reasons.block.sort(compareReasons),
    standAsideReasons: reasons.standAside.sort(compareReasons),
  };
}

const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

function compareReasons(a: ConsentReason, b: ConsentReason): number {
  return compareText(a.reason, b.reason) || compareText(a.voter ?? '', b.voter ?? '') || a.weight - b.weight;
}
