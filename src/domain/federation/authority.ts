import type { DeviceKey, EntryId, MembershipEntry } from '../membership/types';
import type { MembershipState } from '../membership/view';

/** Whether a device may speak for a branch: at the point `heads` name, or now when they are absent. */
export type BranchAuthority = (author: DeviceKey, heads?: readonly string[]) => boolean;

/**
 * Who may speak for a branch in the federation: an active member holding any role, or the
 * founder while active, signing from a device that is not revoked. Judged on the branch's
 * current membership.
 */
export function authorityOf(state: MembershipState): (author: DeviceKey) => boolean {
  const allowed = new Set<string>();
  for (const member of state.members) {
    if (member.status !== 'active' || (!member.founder && member.roles.length === 0)) continue;
    for (const device of member.devices) if (device.revokedBy === null) allowed.add(device.key);
  }
  return (author) => allowed.has(author);
}

interface RoleChange {
  readonly at: number;
  readonly delta: 1 | -1;
}

/**
 * The same right, judged at a point of the membership log: after every entry `heads` name (their
 * latest place in the validated order). The signer must then have been an active member, with a
 * role or as the founder, on a device not yet revoked; later leaving, removal or revocation does
 * not undo a record made before. A head that is not a valid entry here places the record nowhere.
 * `log` is the raw membership log the state was validated from (for the role grants' order).
 */
export function authorityTimeline(state: MembershipState, log: readonly unknown[]): BranchAuthority {
  const now = authorityOf(state);
  const position = new Map<string, number>();
  let index = 0;
  for (const verdict of state.verdicts) if (verdict.status === 'valid') position.set(verdict.id, index++);
  const before = (id: EntryId | null, point: number): boolean => id !== null && (position.get(id) ?? Number.POSITIVE_INFINITY) <= point;
  const roleChanges = new Map<string, RoleChange[]>();
  for (const raw of log) {
    const entry = raw as Partial<MembershipEntry>;
    if (typeof entry !== 'object' || entry === null || (entry.type !== 'grant-role' && entry.type !== 'revoke-role')) continue;
    const at = typeof entry.id === 'string' ? position.get(entry.id) : undefined;
    if (at === undefined) continue;
    const changes = roleChanges.get(entry.memberId as string) ?? [];
    changes.push({ at, delta: entry.type === 'grant-role' ? 1 : -1 });
    roleChanges.set(entry.memberId as string, changes);
  }
  const owner = new Map<string, { readonly member: MembershipState['members'][number]; readonly device: MembershipState['members'][number]['devices'][number] }>();
  for (const member of state.members) for (const device of member.devices) owner.set(device.key, { member, device });

  return (author, heads) => {
    if (heads === undefined) return now(author);
    let point = -1;
    for (const head of heads) {
      const at = position.get(head);
      if (at === undefined) return false;
      point = Math.max(point, at);
    }
    const held = owner.get(author);
    if (held === undefined) return false;
    const { member, device } = held;
    const active = before(member.admittedAt, point) && !before(member.endedBy, point);
    const bound = before(device.addedBy, point) && !before(device.revokedBy, point);
    if (!active || !bound) return false;
    if (member.founder) return true;
    let roles = 0;
    for (const change of roleChanges.get(member.id) ?? []) if (change.at <= point) roles += change.delta;
    return roles > 0;
  };
}

/** Active members: what the federation tree counts. */
export const activeMemberCount = (state: MembershipState): number => state.members.filter((m) => m.status === 'active').length;
