import type { AdmissionRule, ChapterId, DeviceKey, EntryId, MemberId, Role } from './types';

/** What `validateLog` reports. Members are never deleted: leaving and removal are statuses. */
export type MemberStatus = 'active' | 'left' | 'removed';

export interface DeviceRecord {
  readonly key: DeviceKey;
  /** The entry that bound the device: 'found', the 'admit' that admitted the request, or 'link-device'. */
  readonly addedBy: EntryId;
  readonly revokedBy: EntryId | null;
}

export interface Removal {
  readonly entryId: EntryId;
  readonly reason: string;
  readonly decisionId: string | null;
}

export interface Member {
  readonly id: MemberId;
  readonly name: string;
  readonly founder: boolean;
  readonly devices: readonly DeviceRecord[];
  /** Roles held now, in ROLES order. Only confer rights while the member is active. */
  readonly roles: readonly Role[];
  /** The 'found' entry for the founder, else the 'admit' entry that completed the admission. */
  readonly admittedAt: EntryId;
  /** The member's 'request' entry (its id is the member id); null for the founder. */
  readonly requestId: EntryId | null;
  /** The limited invite ('invite' entry) the member came through, if any. */
  readonly inviteId: EntryId | null;
  readonly status: MemberStatus;
  /** The 'leave' or 'remove' entry that ended the membership. */
  readonly endedBy: EntryId | null;
  readonly removal: Removal | null;
}

export interface PendingRequest {
  readonly id: EntryId;
  readonly name: string;
  readonly deviceKey: DeviceKey;
  /** Members whose admits were counted so far (for the 'n-members' rule), in log order. */
  readonly endorsers: readonly MemberId[];
  readonly inviteId: EntryId | null;
  /** Set when the request came through an invite that can admit nobody more: admits would not count. */
  readonly blocked: InviteBlock | null;
}

/** A removal some members agreed to under the 'n-members' rule, not yet decided. */
export interface PendingRemoval {
  readonly memberId: MemberId;
  readonly agreed: readonly MemberId[];
}

/** A join request or a removal put to a chapter poll by a valid 'link-poll' entry. */
export interface PollLink {
  readonly pollId: string;
  readonly requestId: EntryId | null;
  readonly memberId: MemberId | null;
  /** The 'link-poll' entry and the member who signed it. */
  readonly linkedBy: EntryId;
  readonly linkedByMember: MemberId;
}

export type InviteBlock = 'inviteUsedUp' | 'inviteWithdrawn';

/** A limited invite and how many people it admitted so far. */
export interface InviteUsage {
  readonly id: EntryId;
  readonly issuer: MemberId;
  readonly maxUses: number;
  readonly used: number;
  readonly expiresAt: string | null;
  readonly blocked: InviteBlock | null;
}

export type InvalidReason =
  /** Not a well-formed entry of a known type. */
  | 'malformed'
  | 'unsupported'
  /** Another entry with the same id won (at most one content can hash to an id). */
  | 'duplicateId'
  | 'wrongChapter'
  /** Signature or id does not match the content. */
  | 'badSignature'
  | 'badCounter'
  /** Not the chapter's founding entry (a founder already exists, or the genesis is pinned). */
  | 'duplicateFounder'
  /** The chapter has no founder yet at this point. */
  | 'notFounded'
  /** The signing device is bound to no member. */
  | 'unknownAuthor'
  /** The signer asked to join but is not admitted, or has left or been removed. */
  | 'notAMember'
  | 'revokedDevice'
  /** The member lacks the right (e.g. the convener role) for this entry. */
  | 'notAllowed'
  | 'deviceInUse'
  | 'unknownDevice'
  | 'unknownRequest'
  | 'alreadyAdmitted'
  | 'alreadyEndorsed'
  | 'pollRequired'
  | 'pollNotPassed'
  /** The admit or removal names a poll no valid 'link-poll' entry put this request or member to. */
  | 'pollNotLinked'
  /** The poll already decides another request or removal. */
  | 'pollAlreadyLinked'
  | 'unknownMember'
  /** The target member has left or been removed. */
  | 'memberInactive'
  | 'roleAlreadyHeld'
  | 'roleNotHeld'
  /** Revoking this convener role would leave the chapter without an active convener. */
  | 'lastConvener'
  | 'alreadyRevoked'
  /** A join request that does not descend from the chapter's founding entry. */
  | 'missingGenesis'
  /** Names an invite that is not a valid 'invite' entry earlier in the log. */
  | 'unknownInvite'
  /** The invite already admitted as many people as it allows. */
  | 'inviteUsedUp'
  /** The invite's issuer has left or been removed, or the issuing device was revoked. */
  | 'inviteWithdrawn';

/**
 * 'missingParents': an earlier record it builds on has not arrived. 'awaitingVote': an admission
 * or removal put to a chapter poll that has no final close record yet (see policy.ts).
 */
export type PendingReason = 'missingParents' | 'awaitingVote';

export type EntryVerdict =
  | { readonly id: EntryId; readonly status: 'valid'; readonly reason: null }
  | { readonly id: EntryId; readonly status: 'invalid'; readonly reason: InvalidReason }
  | { readonly id: EntryId; readonly status: 'pending'; readonly reason: PendingReason };

export interface MembershipState {
  readonly chapterId: ChapterId;
  /** The valid 'found' entry, or null while the chapter has none. */
  readonly foundedBy: EntryId | null;
  readonly admissionRule: AdmissionRule;
  /** In order of admission. */
  readonly members: readonly Member[];
  /** Valid requests not admitted yet, in log order. */
  readonly pendingRequests: readonly PendingRequest[];
  /** Valid limited invites, in log order, with their use counts. */
  readonly invites: readonly InviteUsage[];
  /** Removals waiting for more members to agree (the 'n-members' rule). */
  readonly pendingRemovals: readonly PendingRemoval[];
  /** Requests and removals put to a chapter poll, in log order. */
  readonly pollLinks: readonly PollLink[];
  /**
   * One per distinct input entry: the ordered log first, then pending entries, then entries that
   * could not be placed (malformed, losing duplicates). Identical for any input order.
   */
  readonly verdicts: readonly EntryVerdict[];
}
