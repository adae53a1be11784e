import type { BranchLevel } from '../chapter';
import type { Brand, DocId, RoomSecret } from '../ids';
import type { DeviceKey } from '../membership/types';

/**
 * The federation log: signed entries in a branch's own document. A chapter's join request and the
 * higher branch's acceptance live in the higher branch's document; the chapter records its parent
 * with a third signed entry in its own document ("both sides sign"). As with membership, anyone
 * holding a room secret can write anything, so validity comes from signatures and signer rights.
 */
export type FederationEntryId = Brand<string, 'FederationEntryId'>;

export interface FederationEnvelope {
  readonly id: FederationEntryId;
  /** The document the entry lives in: an entry copied into another branch is refused there. */
  readonly branchId: DocId;
  readonly author: DeviceKey;
  /** Informational; also breaks ties between parent links (latest wins). */
  readonly createdAt: string;
  /**
   * The heads of the membership log of the branch the author speaks for (sorted), as the author's
   * device saw it: the point of that log the record was made at. The signer must have had the
   * right to speak for the branch at that point, as for membership entries. Absent on records
   * made before this existed; those are judged on the current membership.
   */
  readonly membershipHeads?: readonly string[];
  readonly signature: string;
}

/** Written into the higher branch's document by a member of the joining chapter. */
export interface JoinRequestBody {
  readonly type: 'join-request';
  readonly childId: DocId;
  /** The joining branch's founding membership entry, so the parent can pin its membership. */
  readonly childGenesis: string;
  readonly childName: string;
  readonly childLevel: BranchLevel;
}

/** Written into the higher branch's document by one of its members with a role (or its founder). */
export interface AcceptBody {
  readonly type: 'accept';
  readonly requestId: FederationEntryId;
  readonly childId: DocId;
}

/**
 * Written into the joining branch's own document once accepted. It carries the parent's room
 * secret so every member's device can open (and keep syncing) the parent document.
 */
export interface ParentLinkBody {
  readonly type: 'parent-link';
  readonly parentId: DocId;
  readonly parentGenesis: string;
  readonly parentSecret: RoomSecret;
  readonly parentName: string;
  readonly parentLevel: BranchLevel;
  /** The parent's 'accept' entry this link completes. */
  readonly acceptId: FederationEntryId;
}

/**
 * A chapter leaves its parent branch: signed by someone who speaks for the chapter, written into
 * both documents (the chapter's own ends its parent link; the parent's marks the membership as
 * ended). Recorded, never deleted; joining again takes a new request and acceptance.
 */
export interface LeaveParentBody {
  readonly type: 'leave-parent';
  readonly childId: DocId;
  readonly parentId: DocId;
  /** The parent's 'accept' entry whose membership this ends. */
  readonly acceptId: FederationEntryId;
}

export type FederationBody = JoinRequestBody | AcceptBody | ParentLinkBody | LeaveParentBody;
export type FederationEntry = FederationEnvelope & FederationBody;
export type JoinRequestEntry = FederationEnvelope & JoinRequestBody;
export type AcceptEntry = FederationEnvelope & AcceptBody;
export type ParentLinkEntry = FederationEnvelope & ParentLinkBody;
export type LeaveParentEntry = FederationEnvelope & LeaveParentBody;

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
/** What gets signed: everything except the id (the hash of it) and the signature. */
export type UnsignedFederationEntry = DistributiveOmit<FederationEntry, 'id' | 'signature'>;

export const FEDERATION_LIMITS = { name: 120, createdAt: 64, reference: 128 } as const;

export type FederationInvalidReason =
  | 'malformed'
  | 'unsupported'
  /** Signed for another branch's document. */
  | 'wrongBranch'
  /** The id or signature does not match the content. */
  | 'badSignature'
  /** Another entry with the same id won. */
  | 'duplicateId'
  /** The signer is not an active member with a role, nor the founder, of the branch it speaks for. */
  | 'notAllowed'
  /** A branch may only join a branch of a higher level. */
  | 'levelNotBelow'
  /** An acceptance of a request that is missing or invalid. */
  | 'unknownRequest'
  /** An acceptance naming another chapter than its request. */
  | 'mismatch';

export type FederationVerdict =
  | { readonly id: FederationEntryId; readonly status: 'valid' }
  | { readonly id: FederationEntryId; readonly status: 'invalid'; readonly reason: FederationInvalidReason };

export interface JoinRequestView {
  readonly id: FederationEntryId;
  readonly childId: DocId;
  readonly childGenesis: string;
  readonly childName: string;
  readonly childLevel: BranchLevel;
  readonly author: DeviceKey;
  readonly createdAt: string;
  /** The valid acceptance, if any (the smallest id when several members accepted). */
  readonly acceptedBy: FederationEntryId | null;
  /** The chapter's valid 'leave-parent' entry that ended this membership, if it left. */
  readonly leftBy: FederationEntryId | null;
}

/** A parent this branch left (from the branch's own document). */
export interface Departure {
  readonly parentId: DocId;
  readonly acceptId: FederationEntryId;
  readonly entryId: FederationEntryId;
}

export interface FederationState {
  readonly branchId: DocId;
  /** Valid requests by chapter; accepted ones have `acceptedBy`. Sorted by (createdAt, id). */
  readonly requests: readonly JoinRequestView[];
  /** This branch's own record of its parent: the latest valid link it has not left, or null. */
  readonly parentLink: ParentLinkEntry | null;
  /** Parents this branch left, by its own signed record. */
  readonly departures: readonly Departure[];
  /** One per distinct entry, sorted by id: identical for any arrival order. */
  readonly verdicts: readonly FederationVerdict[];
}
