import {
  type AdmissionRule,
  DEFAULT_ADMISSION_RULE,
  type DeviceKey,
  type EntryId,
  type InviteEntry,
  type MemberId,
  type RequestEntry,
  ROLES,
  type Role,
} from './types';
import type { InviteBlock, InviteUsage, Member, MemberStatus, PendingRemoval, PendingRequest, PollLink, Removal } from './view';

/** Mutable replay state, private to the validator: it never escapes `validateLog`. */
export interface DeviceSlot {
  readonly key: DeviceKey;
  readonly memberId: MemberId;
  readonly addedBy: EntryId;
  revokedBy: EntryId | null;
}

export interface MemberSlot {
  readonly id: MemberId;
  readonly name: string;
  readonly founder: boolean;
  readonly devices: DeviceSlot[];
  readonly roles: Set<Role>;
  readonly admittedAt: EntryId;
  readonly requestId: EntryId | null;
  /** The limited invite the member came through, if any. */
  readonly inviteId: EntryId | null;
  status: MemberStatus;
  endedBy: EntryId | null;
  removal: Removal | null;
}

export interface RequestSlot {
  readonly entry: RequestEntry;
  readonly endorsers: Set<MemberId>;
  admitted: boolean;
}

export interface InviteSlot {
  readonly entry: InviteEntry;
  readonly issuer: MemberId;
  /** Requests through this invite admitted so far. */
  used: number;
}

export interface ReplayState {
  foundedBy: EntryId | null;
  rule: AdmissionRule;
  /** Members with status 'active'. */
  activeCount: number;
  readonly members: Map<MemberId, MemberSlot>;
  readonly devices: Map<DeviceKey, DeviceSlot>;
  readonly requests: Map<EntryId, RequestSlot>;
  /** Keys named by a valid request, admitted or not: no one else may claim them. */
  readonly requestedKeys: Set<DeviceKey>;
  readonly invites: Map<EntryId, InviteSlot>;
  /** Members who agreed (by a 'remove' entry) to remove an active member, under the 'n-members' rule. */
  readonly removals: Map<MemberId, Set<MemberId>>;
  /** Poll id → what it was put to a vote for (the first valid 'link-poll' entry naming it). */
  readonly pollLinks: Map<string, PollLink>;
  /** Placed entries that descend from the valid founding entry (the founding entry included). */
  readonly lineage: Set<EntryId>;
}

export function emptyState(): ReplayState {
  return {
    foundedBy: null,
    rule: DEFAULT_ADMISSION_RULE,
    activeCount: 0,
    members: new Map(),
    devices: new Map(),
    requests: new Map(),
    requestedKeys: new Set(),
    invites: new Map(),
    removals: new Map(),
    pollLinks: new Map(),
    lineage: new Set(),
  };
}

export interface NewMember {
  readonly id: MemberId;
  readonly name: string;
  readonly founder: boolean;
  readonly deviceKey: DeviceKey;
  readonly roles: readonly Role[];
  readonly admittedAt: EntryId;
  readonly requestId: EntryId | null;
  readonly inviteId: EntryId | null;
}

export function addMember(state: ReplayState, input: NewMember): void {
  const device: DeviceSlot = { key: input.deviceKey, memberId: input.id, addedBy: input.admittedAt, revokedBy: null };
  state.devices.set(device.key, device);
  state.activeCount += 1;
  state.members.set(input.id, {
    id: input.id,
    name: input.name,
    founder: input.founder,
    devices: [device],
    roles: new Set(input.roles),
    admittedAt: input.admittedAt,
    requestId: input.requestId,
    inviteId: input.inviteId,
    status: 'active',
    endedBy: null,
    removal: null,
  });
}

export const isKeyTaken = (state: ReplayState, key: DeviceKey): boolean =>
  state.devices.has(key) || state.requestedKeys.has(key);

export function endMembership(
  state: ReplayState,
  member: MemberSlot,
  status: Exclude<MemberStatus, 'active'>,
  endedBy: EntryId,
): void {
  member.status = status;
  member.endedBy = endedBy;
  state.activeCount -= 1;
}

export function countActiveWithRole(state: ReplayState, role: Role): number {
  let count = 0;
  for (const member of state.members.values()) {
    if (member.status === 'active' && member.roles.has(role)) count += 1;
  }
  return count;
}

export function snapshotMembers(state: ReplayState): readonly Member[] {
  return [...state.members.values()].map((member) => ({
    id: member.id,
    name: member.name,
    founder: member.founder,
    devices: member.devices.map(({ key, addedBy, revokedBy }) => ({ key, addedBy, revokedBy })),
    roles: ROLES.filter((role) => member.roles.has(role)),
    admittedAt: member.admittedAt,
    requestId: member.requestId,
    inviteId: member.inviteId,
    status: member.status,
    endedBy: member.endedBy,
    removal: member.removal,
  }));
}

export function snapshotRequests(state: ReplayState): readonly PendingRequest[] {
  const pending: PendingRequest[] = [];
  for (const [id, slot] of state.requests) {
    if (slot.admitted) continue;
    const inviteId = slot.entry.inviteId ?? null;
    const invite = inviteId === null ? undefined : state.invites.get(inviteId);
    pending.push({
      id,
      name: slot.entry.name,
      deviceKey: slot.entry.deviceKey,
      endorsers: [...slot.endorsers],
      inviteId,
      blocked: invite === undefined ? null : inviteBlock(state, invite),
    });
  }
  return pending;
}

/** Why an invite admits nobody more at this point, or null while it still does. */
export function inviteBlock(state: ReplayState, invite: InviteSlot): InviteBlock | null {
  const device = state.devices.get(invite.entry.author);
  const issuer = state.members.get(invite.issuer);
  // A lost device's or a departed member's links stop working with them.
  if (device === undefined || device.revokedBy !== null || issuer?.status !== 'active') return 'inviteWithdrawn';
  return invite.used >= invite.entry.maxUses ? 'inviteUsedUp' : null;
}

export function snapshotInvites(state: ReplayState): readonly InviteUsage[] {
  return [...state.invites.values()].map((invite) => ({
    id: invite.entry.id,
    issuer: invite.issuer,
    maxUses: invite.entry.maxUses,
    used: invite.used,
    expiresAt: invite.entry.expiresAt ?? null,
    blocked: inviteBlock(state, invite),
  }));
}

export function snapshotRemovals(state: ReplayState): readonly PendingRemoval[] {
  const pending: PendingRemoval[] = [];
  for (const [memberId, agreed] of state.removals) {
    if (state.members.get(memberId)?.status === 'active') pending.push({ memberId, agreed: [...agreed] });
  }
  return pending;
}

export const snapshotPollLinks = (state: ReplayState): readonly PollLink[] => [...state.pollLinks.values()];
