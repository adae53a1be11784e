import type { ActionItemId, AgendaItemId, DecisionId, MeetingId, MemberId, PollId } from './ids';

/** Someone named in the minutes: an admitted member, or a guest known only by name. */
export type PersonRef =
  | { readonly kind: 'member'; readonly memberId: MemberId }
  | { readonly kind: 'guest'; readonly name: string };

export interface MeetingDetails {
  readonly title: string;
  /** ISO 8601 date-time with an explicit offset (Z or ±hh:mm); chapters span time zones. */
  readonly startsAt: string;
  /** Physical place; empty when online only. */
  readonly place: string;
  /** Online meeting link (http/https); empty when in person only. Both are set for hybrid meetings. */
  readonly link: string;
  readonly facilitatorId: MemberId | null;
  readonly noteTakerIds: readonly MemberId[];
}

export interface Meeting extends MeetingDetails {
  readonly id: MeetingId;
}

export interface AgendaItemDetails {
  readonly title: string;
  readonly presenter: PersonRef | null;
  readonly timeboxMinutes: number;
  readonly pollId: PollId | null;
}

export interface AgendaItem extends AgendaItemDetails {
  readonly id: AgendaItemId;
  /** Fractional-index key: items sort by it (code units), ties by id, so concurrent inserts converge. */
  readonly orderKey: string;
}

export interface Attendance {
  /** Members checked in. */
  readonly memberIds: readonly MemberId[];
  /** Guests by name; they never count towards quorum. */
  readonly guests: readonly string[];
}

export type DecisionMethod = 'consensus' | 'consent' | 'majority' | 'poll' | 'other';

export const DECISION_METHODS: readonly DecisionMethod[] = ['consensus', 'consent', 'majority', 'poll', 'other'];

export interface DecisionCounts {
  readonly for: number;
  readonly against: number;
  readonly abstain: number;
  readonly standAside: number;
  readonly block: number;
}

export const COUNT_KEYS: readonly (keyof DecisionCounts)[] = ['for', 'against', 'abstain', 'standAside', 'block'];

/** A minority position, recorded verbatim (never trimmed or reworded). */
export interface Dissent {
  readonly who: PersonRef;
  readonly position: string;
}

export interface DecisionDetails {
  readonly text: string;
  readonly method: DecisionMethod;
  /** Null when nothing was counted (e.g. consensus reached without a show of hands). */
  readonly counts: DecisionCounts | null;
  readonly pollId: PollId | null;
  readonly dissent: readonly Dissent[];
}

export interface Decision extends DecisionDetails {
  readonly id: DecisionId;
}

export type ActionStatus = 'open' | 'done' | 'dropped';

export const ACTION_STATUSES: readonly ActionStatus[] = ['open', 'done', 'dropped'];

export interface ActionItemDetails {
  readonly what: string;
  readonly ownerId: MemberId | null;
  /** ISO calendar date, yyyy-mm-dd, or null when there is no deadline. */
  readonly due: string | null;
  readonly status: ActionStatus;
}

export interface ActionItem extends ActionItemDetails {
  readonly id: ActionItemId;
  readonly meetingId: MeetingId;
  readonly agendaItemId: AgendaItemId | null;
}

export type MinutesStatus = 'draft' | 'final';

export type QuorumRule = { readonly kind: 'count'; readonly min: number } | { readonly kind: 'percent'; readonly percent: number };

export interface QuorumResult {
  readonly met: boolean;
  readonly present: number;
  readonly required: number;
}

/** One agenda item as minuted: its notes (Markdown) and the decisions taken under it, in order. */
export interface MinutesItem {
  readonly item: AgendaItem;
  readonly notes: string;
  readonly decisions: readonly Decision[];
}

/** Everything the minutes of one meeting say, frozen; the unit that is serialized, hashed and signed. */
export interface MinutesSnapshot {
  readonly meeting: Meeting;
  readonly status: MinutesStatus;
  readonly attendance: Attendance;
  /** Quorum as it stood at the meeting (membership changes later, so it is frozen here). */
  readonly quorum: QuorumResult | null;
  readonly items: readonly MinutesItem[];
  readonly actionItems: readonly ActionItem[];
}
