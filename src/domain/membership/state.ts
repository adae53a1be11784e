import {
  type AdmissionRule,
  DEFAULT_ADMISSION_RULE,
  type DeviceKey,
  type EntryId,
  type MemberId,
  type RequestEntry,
  ROLES,
  type Role,
} from './types';
import type { Member, MemberStatus, PendingRequest, Removal } from './view';

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
  status: MemberStatus;
  endedBy: EntryId | null;
  removal: Removal | null;
}

export interface RequestSlot {
  readonly entry: RequestEntry;
  readonly endorsers: Set<MemberId>;
  admitted: boolean;
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
    status: member.status,
    endedBy: member.endedBy,
    removal: member.removal,
  }));
}

export function snapshotRequests(state: ReplayState): readonly PendingRequest[] {
  const pending: PendingRequest[] = [];
  for (const [id, slot] of state.requests) {
    if (slot.admitted) continue;
    pending.push({ id, name: slot.entry.name, deviceKey: slot.entry.deviceKey, endorsers: [...slot.endorsers] });
  }
  return pending;
}
