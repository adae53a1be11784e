/**
 * Who may vote, from validated membership states: the branch's own members, and for a branch's
 * poll put to member chapters, each accepted member chapter's members (tagged with the chapter).
 */
import type { BranchLevel } from '../chapter';
import type { FederationState } from '../federation/types';
import type { ChapterId } from '../membership/types';
import type { MembershipState } from '../membership/view';
import type { Voter } from './types';

export function votersOf(state: MembershipState | null, chapterId?: ChapterId): Voter[] {
  return (state?.members ?? []).map((member) => ({
    memberId: member.id,
    name: member.name,
    active: member.status === 'active',
    isTeller: member.roles.includes('teller'),
    devices: member.devices.map((device) => ({ key: device.key, revoked: device.revokedBy !== null })),
    ...(chapterId === undefined ? {} : { chapterId }),
  }));
}

/** A member chapter as the branch's signed federation records name it. */
export interface MemberChapterRef {
  readonly id: ChapterId;
  readonly name: string;
  /** The chapter's founding membership entry: its mirrored log is validated pinned to it. */
  readonly genesis: string;
  /** The level the chapter gave when it asked to join (its own federation log is judged at it). */
  readonly level: BranchLevel;
}

/**
 * Chapters whose request to join this branch a role holder of the branch accepted and that have
 * not left since, by id. A chapter that left is no longer affected by the branch's decisions.
 */
export function acceptedChapters(federation: FederationState | null): MemberChapterRef[] {
  const out = new Map<string, MemberChapterRef>();
  for (const request of federation?.requests ?? []) {
    // The earliest accepted request per chapter names its genesis (requests are sorted by time).
    if (request.acceptedBy !== null && request.leftBy === null && !out.has(request.childId)) out.set(request.childId, { id: request.childId, name: request.childName, genesis: request.childGenesis, level: request.childLevel });
  }
  return [...out.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
