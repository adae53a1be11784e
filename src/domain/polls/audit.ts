/**
 * The audit record of a poll: everything needed to check the result by hand or with
 * `npm run --silent tally -- FILE.json` (which recounts the counted ballots; see audit-input.ts).
 */
import type { TallyResult } from '../tally/run';
import type { PollCount } from './count';
import { tallyPoll } from './tally-input';
import type { RejectedBallot, SignedBallot, SignedCloseRecord, SignedPoll, Voter } from './types';

export const AUDIT_FORMAT = 'chapterhouse-poll-audit';

export interface PollAudit {
  readonly format: typeof AUDIT_FORMAT;
  readonly version: 1;
  readonly pollId: string;
  readonly chapterId: string;
  readonly method: SignedPoll['method'];
  readonly options: readonly string[];
  readonly seats: number;
  readonly threshold: SignedPoll['threshold'];
  readonly quorum: number;
  readonly weights: {
    readonly rule: SignedPoll['weightRule'];
    readonly voters: readonly { readonly memberId: string; readonly name: string; readonly weight: number; readonly voted: boolean }[];
  };
  /** The signed poll definition (its id is the SHA-256 of its canonical JSON). */
  readonly poll: SignedPoll;
  /** The ballots that count, signed, with the member each belongs to and their weight. */
  readonly ballots: readonly { readonly memberId: string; readonly weight: number; readonly ballot: SignedBallot }[];
  readonly rejected: readonly RejectedBallot[];
  readonly closeRecord: SignedCloseRecord | null;
  readonly otherCloseRecords: readonly SignedCloseRecord[];
  readonly result: TallyResult;
  /**
   * Everything needed to re-judge the count (`npm run tally -- --verify FILE`): every member with
   * their devices as this device's membership log says, and every ballot and close record exactly
   * as stored (forged and rejected ones included).
   */
  readonly members?: readonly Voter[];
  readonly records?: { readonly ballots: readonly unknown[]; readonly closes: readonly unknown[] };
}

/** The raw material of a count, for the audit's verifiable part. */
export interface AuditSources {
  readonly voters: readonly Voter[];
  readonly ballots: readonly unknown[];
  readonly closes: readonly unknown[];
}

export function buildAudit(poll: SignedPoll, count: PollCount, sources?: AuditSources): PollAudit {
  return {
    format: AUDIT_FORMAT,
    version: 1,
    pollId: poll.id,
    chapterId: poll.chapterId,
    method: poll.method,
    options: poll.options,
    seats: poll.seats,
    threshold: poll.threshold,
    quorum: poll.quorum,
    weights: { rule: poll.weightRule, voters: count.voters },
    poll,
    ballots: count.counted.map((c) => ({ memberId: c.memberId, weight: c.weight, ballot: c.ballot })),
    rejected: count.rejected,
    closeRecord: count.chosenClose,
    otherCloseRecords: count.closes.filter((c) => !c.chosen).map((c) => c.record),
    result: tallyPoll(poll, count.counted),
    ...(sources ? { members: sources.voters, records: { ballots: sources.ballots, closes: sources.closes } } : {}),
  };
}
