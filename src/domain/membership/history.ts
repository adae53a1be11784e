import type { DeviceKey, EntryId, EntryType, MembershipEntry, Role } from './types';
import type { MembershipState } from './view';

/** One counted membership event, for the chapter's history list. Nothing is ever deleted. */
export interface HistoryItem {
  readonly id: EntryId;
  readonly type: EntryType;
  /** Informational: the signer's clock. */
  readonly createdAt: string;
  /** The signer's member name. */
  readonly actor: string;
  /** The member the entry is about (admitted, removed, given a role), if any. */
  readonly subject: string | null;
  readonly role: Role | null;
  readonly reason: string | null;
  readonly deviceKey: DeviceKey | null;
  readonly maxUses: number | null;
}

/**
 * The valid entries of a validated log, newest first (reverse log order). `raw` is the log as
 * stored; only entries the validator counted appear, so forged ones never make history.
 */
export function membershipHistory(state: MembershipState, raw: readonly unknown[]): readonly HistoryItem[] {
  const byId = new Map<string, MembershipEntry>();
  for (const value of raw) {
    if (typeof value === 'object' && value !== null && typeof (value as { id?: unknown }).id === 'string') {
      const entry = value as MembershipEntry;
      if (!byId.has(entry.id)) byId.set(entry.id, entry);
    }
  }
  const deviceOwner = new Map<string, string>();
  const memberName = new Map<string, string>();
  for (const member of state.members) {
    memberName.set(member.id, member.name);
    for (const device of member.devices) deviceOwner.set(device.key, member.name);
  }
  // Requests are named by their entry; their author device may never have been admitted.
  const requestName = (id: EntryId): string | null => {
    const request = byId.get(id);
    return request?.type === 'request' ? request.name : null;
  };
  const items: HistoryItem[] = [];
  for (const verdict of state.verdicts) {
    if (verdict.status !== 'valid') continue;
    const entry = byId.get(verdict.id);
    if (entry === undefined || entry.type === 'request') continue;
    items.push(describeEntry(entry, deviceOwner.get(entry.author) ?? '', memberName, requestName));
  }
  return items.reverse();
}

function describeEntry(
  entry: MembershipEntry,
  actor: string,
  memberName: ReadonlyMap<string, string>,
  requestName: (id: EntryId) => string | null,
): HistoryItem {
  const base = { id: entry.id, type: entry.type, createdAt: entry.createdAt, actor };
  const none = { subject: null, role: null, reason: null, deviceKey: null, maxUses: null };
  switch (entry.type) {
    case 'admit':
      return { ...base, ...none, subject: requestName(entry.requestId) };
    case 'grant-role':
    case 'revoke-role':
      return { ...base, ...none, subject: memberName.get(entry.memberId) ?? null, role: entry.role };
    case 'remove':
      return { ...base, ...none, subject: memberName.get(entry.memberId) ?? null, reason: entry.reason };
    case 'link-device':
    case 'revoke-device':
      return { ...base, ...none, deviceKey: entry.deviceKey };
    case 'invite':
      return { ...base, ...none, maxUses: entry.maxUses };
    case 'link-poll':
      return {
        ...base,
        ...none,
        subject: entry.requestId !== undefined ? requestName(entry.requestId) : (memberName.get(entry.memberId ?? '') ?? null),
      };
    default:
      return { ...base, ...none };
  }
}
