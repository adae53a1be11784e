import type { DeviceKey } from '../membership/types';
import type { MembershipState } from '../membership/view';

/**
 * Who may speak for a branch in the federation: an active member holding any role, or the
 * founder while active, signing from a device that is not revoked. Judged on the branch's
 * current membership (the federation log is not part of the membership DAG).
 */
export function authorityOf(state: MembershipState): (author: DeviceKey) => boolean {
  const allowed = new Set<string>();
  for (const member of state.members) {
    if (member.status !== 'active' || (!member.founder && member.roles.length === 0)) continue;
    for (const device of member.devices) if (device.revokedBy === null) allowed.add(device.key);
  }
  return (author) => allowed.has(author);
}

/** Active members: what the federation tree counts. */
export const activeMemberCount = (state: MembershipState): number => state.members.filter((m) => m.status === 'active').length;
