import type { Result } from '../result';
import { err, ok } from '../result';
import type { AdmissionPolicy } from './policy';
import type { MemberSlot, ReplayState } from './state';
import { addMember, countActiveWithRole, endMembership, inviteBlock, isKeyTaken } from './state';
import type { AdmitEntry, DeviceKey, EntryId, FoundEntry, LinkPollEntry, MemberId, MembershipEntry, RequestEntry } from './types';
import type { InvalidReason } from './view';

/**
 * The rules, applied to one entry at its place in the deterministic order. An entry that breaks
 * a rule changes nothing. Rights:
 * - 'found': the chapter's single founding entry; the founder starts with the convener role.
 * - 'request': anyone, self-signed by the new device, descending from the founding entry; the key
 *   must not be in use; a named invite must be valid and not used up.
 * - 'invite': any active member; it admits at most `maxUses` requests that name it.
 * - 'admit': any active member, counted by the AdmissionPolicy under the current rule.
 * - 'link-device' / 'revoke-device' / 'leave': the member, for their own devices / membership.
 * - 'grant-role' / 'revoke-role' / 'set-admission-rule': active conveners only.
 * - 'remove': a convener, enough members under the 'n-members' rule, or any member once a linked
 *   removal poll passed (see applyRemove).
 * - An admit or removal decided by a poll counts only once the poll's final close record passes
 *   it; before the close it is pending ('awaitingVote'), after a failed close invalid (policy.ts).
 * - 'link-poll': any active member puts a pending request or an active member's removal to a poll;
 *   one poll decides one thing.
 * Every member-signed entry needs an active member's unrevoked device at that point.
 */
export interface RuleContext {
  readonly policy: AdmissionPolicy;
  /** When set, only this 'found' entry can found the chapter (see ValidateOptions). */
  readonly genesisId: EntryId | null;
}

/** null: applied. 'awaitingVote': changes nothing until its poll closes (a pending verdict). */
export type Verdict = InvalidReason | 'awaitingVote' | null;

export function applyEntry(state: ReplayState, entry: MembershipEntry, context: RuleContext): Verdict {
  if (entry.type === 'found') return applyFound(state, entry, context.genesisId);
  if (state.foundedBy === null) return 'notFounded';
  if (entry.type === 'request') return applyRequest(state, entry);
  const author = resolveAuthor(state, entry.author);
  if (!author.ok) return author.error;
  const member = author.value;
  switch (entry.type) {
    case 'invite':
      state.invites.set(entry.id, { entry, issuer: member.id, used: 0 });
      return null;
    case 'admit':
      return applyAdmit(state, entry, member, context.policy);
    case 'link-device':
      return linkDevice(state, member, entry.deviceKey, entry.id);
    case 'revoke-device':
      return revokeDevice(state, member, entry.deviceKey, entry.id);
    case 'leave':
      endMembership(state, member, 'left', entry.id);
      return null;
    case 'set-admission-rule':
      if (!member.roles.has('convener')) return 'notAllowed';
      state.rule = entry.rule;
      return null;
    case 'grant-role':
    case 'revoke-role':
      return applyGovernance(state, entry, member);
    case 'remove':
      return applyRemove(state, entry, member, context.policy);
    case 'link-poll':
      return applyLinkPoll(state, entry, member);
  }
}

function resolveAuthor(state: ReplayState, key: DeviceKey): Result<MemberSlot, InvalidReason> {
  const device = state.devices.get(key);
  if (device === undefined) return err(state.requestedKeys.has(key) ? 'notAMember' : 'unknownAuthor');
  if (device.revokedBy !== null) return err('revokedDevice');
  const member = state.members.get(device.memberId);
  if (member === undefined || member.status !== 'active') return err('notAMember');
  return ok(member);
}

function applyFound(state: ReplayState, entry: FoundEntry, genesisId: EntryId | null): Verdict {
  if (state.foundedBy !== null || (genesisId !== null && entry.id !== genesisId)) return 'duplicateFounder';
  state.foundedBy = entry.id;
  addMember(state, {
    id: entry.memberId,
    name: entry.name,
    founder: true,
    deviceKey: entry.deviceKey,
    roles: ['convener'],
    admittedAt: entry.id,
    requestId: null,
    inviteId: null,
  });
  return null;
}

function applyRequest(state: ReplayState, entry: RequestEntry): Verdict {
  // The newcomer must have seen the founding entry: a request beside it could never be placed after it for sure.
  if (!entry.parents.some((parent) => state.lineage.has(parent))) return 'missingGenesis';
  if (isKeyTaken(state, entry.deviceKey)) return 'deviceInUse';
  if (entry.inviteId !== undefined) {
    const invite = state.invites.get(entry.inviteId);
    if (invite === undefined) return 'unknownInvite';
    const blocked = inviteBlock(state, invite);
    if (blocked !== null) return blocked;
  }
  state.requests.set(entry.id, { entry, endorsers: new Set(), admitted: false });
  state.requestedKeys.add(entry.deviceKey);
  return null;
}

function applyAdmit(state: ReplayState, entry: AdmitEntry, member: MemberSlot, policy: AdmissionPolicy): Verdict {
  const slot = state.requests.get(entry.requestId);
  if (slot === undefined) return 'unknownRequest';
  const newId = slot.entry.id as string as MemberId;
  if (slot.admitted || state.members.has(newId)) return 'alreadyAdmitted';
  if (slot.endorsers.has(member.id)) return 'alreadyEndorsed';
  const invite = slot.entry.inviteId === undefined ? undefined : state.invites.get(slot.entry.inviteId);
  const blocked = invite === undefined ? null : inviteBlock(state, invite);
  if (blocked !== null) return blocked;
  slot.endorsers.add(member.id);
  const link = entry.pollId === undefined ? undefined : state.pollLinks.get(entry.pollId);
  const outcome = policy.decide({
    rule: state.rule,
    request: slot.entry,
    admit: entry,
    endorsers: slot.endorsers,
    activeMembers: state.activeCount,
    pollLinked: link?.requestId === slot.entry.id,
  });
  if (outcome.kind === 'rejected' || outcome.kind === 'awaitingVote') {
    slot.endorsers.delete(member.id);
    return outcome.kind === 'rejected' ? outcome.reason : 'awaitingVote';
  }
  if (outcome.kind === 'admitted') {
    slot.admitted = true;
    if (invite !== undefined) invite.used += 1;
    addMember(state, {
      id: newId,
      name: slot.entry.name,
      founder: false,
      deviceKey: slot.entry.deviceKey,
      roles: [],
      admittedAt: entry.id,
      requestId: slot.entry.id,
      inviteId: slot.entry.inviteId ?? null,
    });
  }
  return null;
}

function linkDevice(state: ReplayState, member: MemberSlot, key: DeviceKey, entryId: EntryId): Verdict {
  if (isKeyTaken(state, key)) return 'deviceInUse';
  const device = { key, memberId: member.id, addedBy: entryId, revokedBy: null };
  member.devices.push(device);
  state.devices.set(key, device);
  return null;
}

function revokeDevice(state: ReplayState, member: MemberSlot, key: DeviceKey, entryId: EntryId): Verdict {
  const device = state.devices.get(key);
  if (device === undefined) return 'unknownDevice';
  if (device.memberId !== member.id) return 'notAllowed';
  if (device.revokedBy !== null) return 'alreadyRevoked';
  device.revokedBy = entryId;
  return null;
}

type GovernanceEntry = Extract<MembershipEntry, { type: 'grant-role' | 'revoke-role' }>;
type RemoveEntry = Extract<MembershipEntry, { type: 'remove' }>;

function applyLinkPoll(state: ReplayState, entry: LinkPollEntry, member: MemberSlot): Verdict {
  if (state.pollLinks.has(entry.pollId)) return 'pollAlreadyLinked';
  if (entry.requestId !== undefined) {
    const slot = state.requests.get(entry.requestId);
    if (slot === undefined) return 'unknownRequest';
    if (slot.admitted) return 'alreadyAdmitted';
  } else if (entry.memberId !== undefined) {
    const target = state.members.get(entry.memberId);
    if (target === undefined) return 'unknownMember';
    if (target.status !== 'active') return 'memberInactive';
  }
  state.pollLinks.set(entry.pollId, {
    pollId: entry.pollId,
    requestId: entry.requestId ?? null,
    memberId: entry.memberId ?? null,
    linkedBy: entry.id,
    linkedByMember: member.id,
  });
  return null;
}

/**
 * A convener removes at once; any member removes when the entry names a removal poll linked to
 * this member that passed. Under the 'n-members' rule, other members' removals count as
 * agreement, and the member is removed once as many agree as an admission needs (capped at the
 * other active members, as for admission). Under other rules only conveners remove.
 */
function applyRemove(state: ReplayState, entry: RemoveEntry, member: MemberSlot, policy: AdmissionPolicy): Verdict {
  const target = state.members.get(entry.memberId);
  if (target === undefined) return 'unknownMember';
  if (target.status !== 'active') return 'memberInactive';
  if (target.id === member.id) return 'notAllowed';
  const complete = (): Verdict => {
    endMembership(state, target, 'removed', entry.id);
    target.removal = { entryId: entry.id, reason: entry.reason, decisionId: entry.decisionId ?? null };
    return null;
  };
  if (member.roles.has('convener')) return complete();
  if (entry.decisionId !== undefined && state.pollLinks.get(entry.decisionId)?.memberId === target.id) {
    // Any member carries out a removal the chapter voted for; until the close it waits, a failed poll refuses it.
    const status = policy.pollStatus(entry.decisionId);
    return status === 'passed' ? complete() : status === 'open' ? 'awaitingVote' : 'pollNotPassed';
  }
  if (state.rule.kind !== 'n-members') return 'notAllowed';
  let agreed = state.removals.get(target.id);
  if (agreed === undefined) {
    agreed = new Set();
    state.removals.set(target.id, agreed);
  }
  if (agreed.has(member.id)) return 'alreadyEndorsed';
  agreed.add(member.id);
  return agreed.size >= Math.min(state.rule.n, state.activeCount - 1) ? complete() : null;
}

function applyGovernance(state: ReplayState, entry: GovernanceEntry, member: MemberSlot): Verdict {
  if (!member.roles.has('convener')) return 'notAllowed';
  const target = state.members.get(entry.memberId);
  if (target === undefined) return 'unknownMember';
  if (target.status !== 'active') return 'memberInactive';
  switch (entry.type) {
    case 'grant-role':
      if (target.roles.has(entry.role)) return 'roleAlreadyHeld';
      target.roles.add(entry.role);
      return null;
    case 'revoke-role':
      if (!target.roles.has(entry.role)) return 'roleNotHeld';
      if (entry.role === 'convener' && countActiveWithRole(state, 'convener') <= 1) return 'lastConvener';
      target.roles.delete(entry.role);
      return null;
  }
}
