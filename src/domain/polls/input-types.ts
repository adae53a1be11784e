/** What the new-poll form hands to validation, and the typed errors it gets back. */
import type { ChapterId, DeviceKey } from '../membership/types';
import type { MinutesLink } from './types';

export type PollField = 'question' | 'description' | 'options' | 'method' | 'seats' | 'threshold' | 'quorum' | 'closesAt' | 'scope' | 'weights';

export type PollError =
  | { readonly field: PollField; readonly code: 'required' }
  | { readonly field: PollField; readonly code: 'tooLong'; readonly max: number }
  | { readonly field: 'options'; readonly code: 'tooFewOptions'; readonly min: number }
  | { readonly field: 'options'; readonly code: 'tooManyOptions'; readonly max: number }
  | { readonly field: 'options'; readonly code: 'duplicateOption'; readonly option: string }
  | { readonly field: 'seats'; readonly code: 'badSeats'; readonly max: number }
  | { readonly field: 'threshold'; readonly code: 'badThreshold' }
  | { readonly field: 'quorum'; readonly code: 'badQuorum' }
  | { readonly field: 'closesAt'; readonly code: 'invalidDate' }
  | { readonly field: 'closesAt'; readonly code: 'closesInPast' }
  | { readonly field: 'method'; readonly code: 'invalidChoice' }
  | { readonly field: 'scope'; readonly code: 'emptyScope' }
  | { readonly field: 'scope' | 'weights'; readonly code: 'unknownMember'; readonly member: string }
  | { readonly field: 'scope'; readonly code: 'unknownChapter'; readonly chapter: string }
  | { readonly field: 'weights'; readonly code: 'perChapterNeedsChapters' }
  | { readonly field: 'weights'; readonly code: 'badWeight'; readonly member: string; readonly max: number };

/** Who may vote, as entered: the whole chapter or a named list of members. */
export type ScopeInput =
  | { readonly kind: 'chapter' }
  | { readonly kind: 'group'; readonly name: string; readonly members: readonly string[] }
  /** A branch's poll put to some of its member chapters (ids of accepted member chapters). */
  | { readonly kind: 'chapters'; readonly chapters: readonly string[] };
/** Weights as entered: equal, or a number per member with the reason for them. */
export type WeightsInput =
  | { readonly kind: 'equal' }
  /** Equal per affected chapter, split among its voters (chapters scope only). */
  | { readonly kind: 'perChapter' }
  /** Per member id; per chapter id in a poll put to member chapters. */
  | { readonly kind: 'custom'; readonly reason: string; readonly weights: Readonly<Record<string, number>> };

export interface PollInput {
  readonly question: string;
  readonly description: string;
  /** One option per entry; blank entries are ignored. */
  readonly options: readonly string[];
  readonly method: string;
  readonly seats: number;
  readonly threshold: 'simple' | 'twoThirds' | 'custom';
  /** Percentage for a custom threshold (1–100). */
  readonly customThreshold: number;
  readonly quorum: number;
  /** RFC 3339 instant ('' when the date field is empty or invalid). */
  readonly closesAt: string;
  readonly showResultsBeforeClose: boolean;
  readonly allowBallotChange: boolean;
  readonly anyMemberMayClose: boolean;
  /** Default: the whole chapter. */
  readonly scope?: ScopeInput;
  /** Default: equal. */
  readonly weights?: WeightsInput;
  /** The agenda item whose minutes get the outcome (null/absent: none). */
  readonly minutes?: MinutesLink | null;
}

export interface PollContext {
  readonly chapterId: ChapterId;
  readonly createdBy: DeviceKey;
  /** Now, RFC 3339 (the caller's clock). */
  readonly now: string;
  /** Ids of the chapter's active members (needed for a group scope or custom weights). */
  readonly members?: readonly string[];
  /** A branch's accepted member chapters (needed for a poll put to member chapters). */
  readonly chapters?: readonly { readonly id: string; readonly name: string }[];
}

