/**
 * Polls: a signed definition, signed ballots and signed close records, all stored in the chapter
 * document. Everything here is plain data; validation and counting are pure functions (count.ts).
 */
import type { ChapterId, DeviceKey, MemberId } from '../membership/types';
import type { ConsentResponse } from '../tally/consent';
import type { YesNoVote } from '../tally/yes-no';

export const POLL_METHODS = ['yesno', 'consent', 'plurality', 'approval', 'score', 'irv', 'stv', 'schulze'] as const;
export type PollMethod = (typeof POLL_METHODS)[number];

/** Methods whose options are candidates the voter picks, ranks or scores. */
export const CANDIDATE_METHODS: readonly PollMethod[] = ['plurality', 'approval', 'score', 'irv', 'stv', 'schulze'];
export const RANKED_METHODS: readonly PollMethod[] = ['irv', 'stv', 'schulze'];

export type PollThreshold = 'simple' | 'twoThirds' | { readonly fraction: number };

/**
 * How much each ballot weighs, signed into the poll so every device (and the audit) applies the
 * same rule: 'equal' (1 per member of the electorate), or weights the creator set per member with
 * a stated reason ("in proportion to how much the decision affects them"). A member the custom
 * table does not list weighs 1.
 */
export type WeightRule = 'equal' | 'perChapter' | CustomWeights;
/**
 * 'perChapter' (polls of a branch put to member chapters): each affected chapter has a total say
 * of 1, split equally among those of its members whose ballot counts (chapter-weights.ts).
 */
export interface CustomWeights {
  readonly kind: 'custom';
  readonly reason: string;
  /**
   * Member id → weight (> 0, at most 3 decimals); in a poll put to member chapters, chapter id →
   * the weight of each voter of that chapter (the branch sets them per chapter).
   */
  readonly weights: Readonly<Record<string, number>>;
}

/**
 * Who may vote: every active member of the chapter, or a named subset fixed when the poll was
 * created (e.g. a project's participants, a working group). The subset is a snapshot, so later
 * changes to the project do not change who may vote in a running poll.
 */
export type PollScope = 'chapter' | GroupScope | ChaptersScope;
export interface GroupScope {
  readonly kind: 'group';
  readonly name: string;
  /** Sorted, distinct member ids. */
  readonly members: readonly MemberId[];
}

/**
 * A poll of a higher branch (region, nation, …) put to some of its member chapters: the voters are
 * the active members of those chapters, as their signed membership logs (mirrored into the
 * branch's document, see member-mirror) say. Names are for display; ids decide.
 */
export interface ChaptersScope {
  readonly kind: 'chapters';
  /** Sorted by id, distinct. */
  readonly chapters: readonly { readonly id: ChapterId; readonly name: string }[];
}

/** The meeting agenda item whose minutes record the outcome. */
export interface MinutesLink {
  readonly meetingId: string;
  readonly agendaItemId: string;
}

/** What the creator signs; the poll id is the SHA-256 of its canonical JSON. */
export interface PollDefinition {
  readonly v: 1;
  readonly kind: 'poll';
  readonly chapterId: ChapterId;
  readonly question: string;
  readonly description: string;
  /** Candidates / proposals; empty for yes/no and consent. */
  readonly options: readonly string[];
  readonly method: PollMethod;
  /** Winners to elect (STV; 1 otherwise). */
  readonly seats: number;
  /** yes/no only. */
  readonly threshold: PollThreshold;
  /** Minimum weighted turnout for yes/no and consent (0 = none). */
  readonly quorum: number;
  /** RFC 3339 UTC instant. */
  readonly closesAt: string;
  readonly showResultsBeforeClose: boolean;
  readonly allowBallotChange: boolean;
  /** Besides tellers and the creator, may any member sign the close record (after the deadline)? */
  readonly anyMemberMayClose: boolean;
  readonly scope: PollScope;
  readonly weightRule: WeightRule;
  /** Absent when the poll is not linked to a meeting's agenda. */
  readonly minutes?: MinutesLink;
  readonly createdBy: DeviceKey;
  readonly createdAt: string;
}

export interface SignedPoll extends PollDefinition {
  readonly id: string;
  readonly signature: string;
}

/** The choice payload of a ballot, by method. */
export type BallotChoice =
  | { readonly vote: YesNoVote; readonly reason?: string }
  | { readonly response: ConsentResponse; readonly reason?: string }
  | { readonly choice: string | null }
  | { readonly approved: readonly string[] }
  | { readonly scores: Readonly<Record<string, number>> }
  | { readonly ranking: readonly string[] };

/** What a voter's device signs. `seq` is the member's own counter for this poll (never a clock). */
export interface UnsignedBallot {
  readonly v: 1;
  readonly kind: 'ballot';
  readonly pollId: string;
  readonly chapterId: ChapterId;
  readonly voter: DeviceKey;
  readonly seq: number;
  readonly choice: BallotChoice;
  /** The voting device's clock: informative; a ballot claiming a time after the close is rejected. */
  readonly castAt: string;
}

export interface SignedBallot extends UnsignedBallot {
  readonly id: string;
  readonly signature: string;
}

/** Signed by a teller's (or allowed member's) device: names exactly the ballots it counted. */
export interface UnsignedCloseRecord {
  readonly v: 1;
  readonly kind: 'close';
  readonly pollId: string;
  readonly chapterId: ChapterId;
  readonly closer: DeviceKey;
  readonly closedAt: string;
  /** True when closed before the deadline by a teller's or the creator's decision. */
  readonly early: boolean;
  /** Sorted ids of the counted ballots. */
  readonly ballots: readonly string[];
}

export interface SignedCloseRecord extends UnsignedCloseRecord {
  readonly id: string;
  readonly signature: string;
}

/** Who may vote, as the membership log says (built from the validated members state). */
export interface Voter {
  readonly memberId: MemberId;
  /** In a poll put to member chapters: the chapter whose membership makes this person a voter. */
  readonly chapterId?: ChapterId;
  readonly name: string;
  readonly active: boolean;
  readonly isTeller: boolean;
  readonly devices: readonly { readonly key: DeviceKey; readonly revoked: boolean }[];
}

export type RejectReason =
  | 'malformed'
  | 'badSignature'
  | 'wrongPoll'
  | 'notAMember'
  | 'outsideScope'
  | 'revokedDevice'
  | 'invalidChoice'
  | 'afterClose'
  | 'superseded'
  | 'changeNotAllowed'
  | 'late';

export interface RejectedBallot {
  readonly id: string;
  readonly reason: RejectReason;
  /** The member the ballot's device belongs to, if any. */
  readonly memberId: MemberId | null;
  readonly voter: string;
}

export type CloseRejectReason =
  | 'malformed'
  | 'badSignature'
  | 'wrongPoll'
  | 'notAllowed'
  | 'tooEarly'
  | 'countsInvalidBallot'
  | 'twoBallotsOfOneMember';

export interface CountedBallot {
  readonly ballot: SignedBallot;
  readonly memberId: MemberId;
  readonly weight: number;
  /** The chapter the voter's weight comes from (polls put to member chapters). */
  readonly chapterId?: ChapterId;
}
