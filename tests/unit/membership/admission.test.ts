import { describe, expect, it } from 'vitest';
import { createAdmissionPolicy } from '../../../src/domain/membership/policy';
import type { MemberId } from '../../../src/domain/membership/types';
import {
  FOUNDER_ID,
  foundChapter,
  invalid,
  join,
  memberOf,
  newDevice,
  sign,
  VALID,
  validate,
  verdictOf,
} from './fixtures';

describe('founding and admission', () => {
  it('founder, request, admit: the newcomer becomes an active member', async () => {
    const { log, founder, found } = await foundChapter();
    const device = await newDevice();
    const request = await log.add({ type: 'request', name: 'Grace', deviceKey: device.publicKey }, device);

    const before = await validate(log.entries);
    expect(before.foundedBy).toBe(found.id);
    expect(before.members.map((member) => member.id)).toEqual([FOUNDER_ID]);
    expect(before.pendingRequests).toEqual([
      { id: request.id, name: 'Grace', deviceKey: device.publicKey, endorsers: [], inviteId: null, blocked: null },
    ]);

    const admit = await log.add({ type: 'admit', requestId: request.id }, founder);
    const after = await validate(log.entries);
    expect(after.verdicts.map(({ status }) => status)).toEqual(['valid', 'valid', 'valid']);
    expect(after.pendingRequests).toEqual([]);
    expect(memberOf(after, FOUNDER_ID)).toMatchObject({ founder: true, roles: ['convener'], status: 'active' });
    expect(memberOf(after, request.id as string as MemberId)).toEqual({
      id: request.id,
      name: 'Grace',
      founder: false,
      devices: [{ key: device.publicKey, addedBy: admit.id, revokedBy: null }],
      roles: [],
      admittedAt: admit.id,
      requestId: request.id,
      inviteId: null,
      status: 'active',
      endedBy: null,
      removal: null,
    });
  });

  it('admitted members can admit others under the any-member rule', async () => {
    const { log, founder } = await foundChapter();
    const grace = await join(log, 'Grace', founder);
    const linus = await join(log, 'Linus', grace.device);
    const state = await validate(log.entries);
    expect(state.members.map((member) => member.name)).toEqual(['Ada', 'Grace', 'Linus']);
    expect(memberOf(state, linus.memberId)?.status).toBe('active');
  });

  it('requires n distinct members under the n-members rule', async () => {
    const { log, founder } = await foundChapter();
    const grace = await join(log, 'Grace', founder);
    const rule = await log.add({ type: 'set-admission-rule', rule: { kind: 'n-members', n: 2 } }, founder);
    const device = await newDevice();
    const request = await log.add({ type: 'request', name: 'Linus', deviceKey: device.publicKey }, device);
    const first = await log.add({ type: 'admit', requestId: request.id }, founder);
    const again = await log.add({ type: 'admit', requestId: request.id }, founder);

    const halfway = await validate(log.entries);
    expect(verdictOf(halfway, rule)).toEqual({ id: rule.id, ...VALID });
    expect(halfway.admissionRule).toEqual({ kind: 'n-members', n: 2 });
    expect(verdictOf(halfway, first)).toMatchObject(VALID);
    expect(verdictOf(halfway, again)).toMatchObject(invalid('alreadyEndorsed'));
    expect(halfway.members).toHaveLength(2);
    expect(halfway.pendingRequests).toEqual([
      { id: request.id, name: 'Linus', deviceKey: device.publicKey, endorsers: [FOUNDER_ID], inviteId: null, blocked: null },
    ]);

    const second = await log.add({ type: 'admit', requestId: request.id }, grace.device);
    const late = await log.add({ type: 'admit', requestId: request.id }, founder);
    const done = await validate(log.entries);
    expect(verdictOf(done, second)).toMatchObject(VALID);
    expect(verdictOf(done, late)).toMatchObject(invalid('alreadyAdmitted'));
    expect(memberOf(done, request.id as string as MemberId)).toMatchObject({ admittedAt: second.id, status: 'active' });
    expect(done.pendingRequests).toEqual([]);
  });

  it('caps n at the active membership so a small chapter is never locked out', async () => {
    const { log, founder } = await foundChapter();
    const grace = await join(log, 'Grace', founder);
    await log.add({ type: 'set-admission-rule', rule: { kind: 'n-members', n: 5 } }, founder);
    const device = await newDevice();
    const request = await log.add({ type: 'request', name: 'Linus', deviceKey: device.publicKey }, device);
    await log.add({ type: 'admit', requestId: request.id }, founder);
    expect((await validate(log.entries)).members).toHaveLength(2);
    const second = await log.add({ type: 'admit', requestId: request.id }, grace.device);
    const state = await validate(log.entries);
    expect(memberOf(state, request.id as string as MemberId)?.admittedAt).toBe(second.id);
  });

  it('under the poll rule an admit must reference a linked poll that passed, checked by the pluggable policy', async () => {
    const { log, founder } = await foundChapter();
    await log.add({ type: 'set-admission-rule', rule: { kind: 'poll' } }, founder);
    const device = await newDevice();
    const request = await log.add({ type: 'request', name: 'Grace', deviceKey: device.publicKey }, device);
    await log.add({ type: 'link-poll', requestId: request.id, pollId: 'poll-lost' }, founder);
    await log.add({ type: 'link-poll', requestId: request.id, pollId: 'poll-won' }, founder);
    const bare = await log.add({ type: 'admit', requestId: request.id }, founder);
    const unlinked = await log.add({ type: 'admit', requestId: request.id, pollId: 'poll-other' }, founder);
    const lost = await log.add({ type: 'admit', requestId: request.id, pollId: 'poll-lost' }, founder);
    const won = await log.add({ type: 'admit', requestId: request.id, pollId: 'poll-won' }, founder);
    const closedPolls = new Set(['poll-won', 'poll-other', 'poll-lost']);
    const policy = createAdmissionPolicy({ passedPolls: new Set(['poll-won', 'poll-other']), closedPolls });

    const state = await validate(log.entries, { policy });
    expect(verdictOf(state, bare)).toMatchObject(invalid('pollRequired'));
    expect(verdictOf(state, unlinked)).toMatchObject(invalid('pollNotLinked'));
    expect(verdictOf(state, lost)).toMatchObject(invalid('pollNotPassed'));
    expect(verdictOf(state, won)).toMatchObject(VALID);
    expect(state.members).toHaveLength(2);
    // Without a close record the poll is still open: the admit waits and changes nothing.
    const open = await validate(log.entries, { policy: createAdmissionPolicy({ closedPolls: new Set(['poll-won']) }) });
    expect(verdictOf(open, lost)).toMatchObject({ status: 'pending', reason: 'awaitingVote' });
    expect(verdictOf(open, won)).toMatchObject(invalid('pollNotPassed'));
    expect(open.members).toHaveLength(1);
  });

  it('only conveners change the admission rule; bad rules are malformed', async () => {
    const { log, founder } = await foundChapter();
    const grace = await join(log, 'Grace', founder);
    const denied = await log.add({ type: 'set-admission-rule', rule: { kind: 'poll' } }, grace.device);
    const zero = await log.add({ type: 'set-admission-rule', rule: { kind: 'n-members', n: 0 } }, founder);
    const state = await validate(log.entries);
    expect(verdictOf(state, denied)).toMatchObject(invalid('notAllowed'));
    expect(verdictOf(state, zero)).toMatchObject(invalid('malformed'));
    expect(state.admissionRule).toEqual({ kind: 'any-member' });
  });

  it('rejects admits of unknown requests and requests for keys already in use', async () => {
    const { log, founder, found } = await foundChapter();
    const grace = await join(log, 'Grace', founder);
    const unknown = await log.add({ type: 'admit', requestId: found.id }, founder);
    const reused = await log.add({ type: 'request', name: 'Mallory', deviceKey: grace.device.publicKey }, grace.device);
    const state = await validate(log.entries);
    expect(verdictOf(state, unknown)).toMatchObject(invalid('unknownRequest'));
    expect(verdictOf(state, reused)).toMatchObject(invalid('deviceInUse'));
  });

  it('a second founding entry is invalid; a pinned genesis beats an earlier rival', async () => {
    const { log, founder, found } = await foundChapter();
    const mallory = await newDevice();
    const rival = await log.add(
      { type: 'found', memberId: 'mallory00000000000001' as MemberId, name: 'Mallory', deviceKey: mallory.publicKey },
      mallory,
      [],
    );
    const grace = await join(log, 'Grace', founder);
    const unpinned = await validate(log.entries);
    const winner = found.id < rival.id ? found : rival;
    const loser = winner === found ? rival : found;
    expect(unpinned.foundedBy).toBe(winner.id);
    expect(verdictOf(unpinned, loser)).toMatchObject(invalid('duplicateFounder'));

    const pinned = await validate(log.entries, { genesisId: found.id });
    expect(pinned.foundedBy).toBe(found.id);
    expect(verdictOf(pinned, rival)).toMatchObject(invalid('duplicateFounder'));
    expect(memberOf(pinned, grace.memberId)?.status).toBe('active');
    expect(pinned.members.map((member) => member.name)).toEqual(['Ada', 'Grace']);
  });

  it('nothing counts before the chapter is founded', async () => {
    const { log, founder, found } = await foundChapter();
    const stray = await newDevice();
    // A parentless entry sorts among the roots by id: retry until it sorts before the founding.
    let early = await sign({ type: 'request', name: 'Early', deviceKey: stray.publicKey }, stray, []);
    for (let name = 0; early.id > found.id; name += 1) {
      early = await sign({ type: 'request', name: `Early ${name}`, deviceKey: stray.publicKey }, stray, []);
    }
    const grace = await join(log, 'Grace', founder);
    const state = await validate([...log.entries, early]);
    expect(state.verdicts[0]).toEqual({ id: early.id, status: 'invalid', reason: 'notFounded' });
    expect(state.pendingRequests).toEqual([]);
    expect(memberOf(state, grace.memberId)?.status).toBe('active');
  });
});
