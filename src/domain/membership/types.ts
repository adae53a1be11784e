import type { Brand, DocId } from '../ids';

/**
 * Membership is a signed, append-only log inside the chapter document. Entries arrive through the
 * CRDT in any order and from anyone holding the room secret: validity comes from signatures and
 * from replaying the log, never from the transport.
 */

/** base64url(SHA-256(canonical bytes)); computed by the caller (the domain does no crypto). */
export type EntryId = Brand<string, 'EntryId'>;
/** base64url of a raw 32-byte Ed25519 public key. */
export type DeviceKey = Brand<string, 'DeviceKey'>;
/** The founder's id is chosen at founding; every other member's id is the id of their 'request' entry. */
export type MemberId = Brand<string, 'MemberId'>;
/** Chapters are documents: the chapter id is the chapter document's id. */
export type ChapterId = DocId;

export const ROLES = ['convener', 'secretary', 'teller'] as const;
export type Role = (typeof ROLES)[number];

export type AdmissionRule =
  | { readonly kind: 'any-member' }
  | { readonly kind: 'n-members'; readonly n: number }
  | { readonly kind: 'poll' };

export const DEFAULT_ADMISSION_RULE: AdmissionRule = { kind: 'any-member' };

/** Fields every entry carries. `createdAt` is informational only and never used for ordering. */
export interface EntryEnvelope {
  readonly id: EntryId;
  readonly chapterId: ChapterId;
  /** The signing device. */
  readonly author: DeviceKey;
  /** Ids of the entries the author had seen (sorted, unique): the entry comes after all of them. */
  readonly parents: readonly EntryId[];
  /** Max parent counter + 1; 1 for an entry without parents. */
  readonly counter: number;
  readonly createdAt: string;
  /** base64url of the 64-byte Ed25519 signature over the canonical form. */
  readonly signature: string;
}

export interface FoundBody {
  readonly type: 'found';
  readonly memberId: MemberId;
  readonly name: string;
  /** Must equal `author`: the founder's first device signs the founding. */
  readonly deviceKey: DeviceKey;
}

export interface RequestBody {
  readonly type: 'request';
  readonly name: string;
  /** Must equal `author`: a request is self-signed by the newcomer's new device. */
  readonly deviceKey: DeviceKey;
  /** The 'invite' entry of the link the newcomer came through, when it was limited in uses. */
  readonly inviteId?: EntryId;
}

/** A member issued an invite link that admits at most `maxUses` people (unlimited links need no entry). */
export interface InviteBody {
  readonly type: 'invite';
  readonly maxUses: number;
  /** When the link stops working (checked by the joining device; recorded here for display). */
  readonly expiresAt?: string;
}

export interface AdmitBody {
  readonly type: 'admit';
  readonly requestId: EntryId;
  /** Required when the admission rule is 'poll'. */
  readonly pollId?: string;
}

export interface LinkDeviceBody {
  readonly type: 'link-device';
  readonly deviceKey: DeviceKey;
}

export interface RevokeDeviceBody {
  readonly type: 'revoke-device';
  readonly deviceKey: DeviceKey;
}

export interface GrantRoleBody {
  readonly type: 'grant-role';
  readonly memberId: MemberId;
  readonly role: Role;
}

export interface RevokeRoleBody {
  readonly type: 'revoke-role';
  readonly memberId: MemberId;
  readonly role: Role;
}

export interface LeaveBody {
  readonly type: 'leave';
}

export interface RemoveBody {
  readonly type: 'remove';
  readonly memberId: MemberId;
  readonly reason: string;
  /** The decision or poll that decided the removal, if any (recorded, not interpreted). */
  readonly decisionId?: string;
}

/**
 * A member put a join request (or a member's removal) to a chapter poll: the poll decides it once
 * it has a final close record whose result passes. Exactly one of requestId / memberId is set.
 */
export interface LinkPollBody {
  readonly type: 'link-poll';
  readonly pollId: string;
  readonly requestId?: EntryId;
  readonly memberId?: MemberId;
}

export interface SetAdmissionRuleBody {
  readonly type: 'set-admission-rule';
  readonly rule: AdmissionRule;
}

export type EntryBody =
  | FoundBody
  | RequestBody
  | InviteBody
  | AdmitBody
  | LinkDeviceBody
  | RevokeDeviceBody
  | GrantRoleBody
  | RevokeRoleBody
  | LeaveBody
  | RemoveBody
  | LinkPollBody
  | SetAdmissionRuleBody;

export type EntryType = EntryBody['type'];

type Signed<B> = EntryEnvelope & B;

export type FoundEntry = Signed<FoundBody>;
export type RequestEntry = Signed<RequestBody>;
export type AdmitEntry = Signed<AdmitBody>;
export type InviteEntry = Signed<InviteBody>;
export type LinkPollEntry = Signed<LinkPollBody>;
export type MembershipEntry =
  | FoundEntry
  | RequestEntry
  | InviteEntry
  | AdmitEntry
  | Signed<LinkDeviceBody>
  | Signed<RevokeDeviceBody>
  | Signed<GrantRoleBody>
  | Signed<RevokeRoleBody>
  | Signed<LeaveBody>
  | Signed<RemoveBody>
  | Signed<LinkPollBody>
  | Signed<SetAdmissionRuleBody>;

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** What gets signed: everything except the id (derived from it) and the signature. */
export type UnsignedEntry = DistributiveOmit<MembershipEntry, 'id' | 'signature'>;

export const ENTRY_LIMITS = {
  name: 120,
  reason: 2_000,
  reference: 128,
  createdAt: 64,
  parents: 256,
  n: 1_000,
  maxUses: 1_000,
} as const;
