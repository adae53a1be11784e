import { describe, expect, it } from 'vitest';
import { foundChapter, invalid, join, memberOf, newDevice, VALID, validate, verdictOf } from './fixtures';

describe('leaving and removal are recorded, never deleted', () => {
  it('a member who leaves stays listed as left and signs nothing valid afterwards', async () => {
    const { log, founder } = await foundChapter();
    const grace = await join(log, 'Grace', founder);
    const leave = await log.add({ type: 'leave' }, grace.device);
    const newcomer = await newDevice();
    const request = await log.add({ type: 'request', name: 'Linus', deviceKey: newcomer.publicKey }, newcomer);
    const admit = await log.add({ type: 'admit', requestId: request.id }, grace.device);
    const again = await log.add({ type: 'leave' }, grace.device);

    const state = await validate(log.entries);
    expect(verdictOf(state, leave)).toMatchObject(VALID);
    expect(verdictOf(state, admit)).toMatchObject(invalid('notAMember'));
    expect(verdictOf(state, again)).toMatchObject(invalid('notAMember'));
    expect(memberOf(state, grace.memberId)).toMatchObject({
      name: 'Grace',
      status: 'left',
      endedBy: leave.id,
      removal: null,
    });
    expect(state.members.map((member) => member.status)).toEqual(['active', 'left']);
  });

  it('a convener removes a member with a reason and decision; the member stays listed as removed', async () => {
    const { log, founder } = await foundChapter();
    const grace = await join(log, 'Grace', founder);
    const linus = await join(log, 'Linus', founder);
    const byMember = await log.add({ type: 'remove', memberId: linus.memberId, reason: 'spite' }, grace.device);
    const remove = await log.add(
      { type: 'remove', memberId: grace.memberId, reason: 'Decided at the June meeting', decisionId: 'poll-42' },
      founder,
    );
    const twice = await log.add({ type: 'remove', memberId: grace.memberId, reason: 'again' }, founder);
    const byRemoved = await log.add({ type: 'remove', memberId: linus.memberId, reason: 'x' }, grace.device);
    const selfRemoval = await log.add({ type: 'remove', memberId: linus.memberId, reason: 'x' }, linus.device);

    const state = await validate(log.entries);
    expect(verdictOf(state, byMember)).toMatchObject(invalid('notAllowed'));
    expect(verdictOf(state, remove)).toMatchObject(VALID);
    expect(verdictOf(state, twice)).toMatchObject(invalid('memberInactive'));
    expect(verdictOf(state, byRemoved)).toMatchObject(invalid('notAMember'));
    expect(verdictOf(state, selfRemoval)).toMatchObject(invalid('notAllowed'));
    expect(memberOf(state, grace.memberId)).toMatchObject({
      status: 'removed',
      endedBy: remove.id,
      removal: { entryId: remove.id, reason: 'Decided at the June meeting', decisionId: 'poll-42' },
    });
    expect(state.members.map((member) => [member.name, member.status])).toEqual([
      ['Ada', 'active'],
      ['Grace', 'removed'],
      ['Linus', 'active'],
    ]);
  });

  it('a removed member’s keys cannot be reused to rejoin; a new device can ask again', async () => {
    const { log, founder } = await foundChapter();
    const grace = await join(log, 'Grace', founder);
    await log.add({ type: 'remove', memberId: grace.memberId, reason: 'left town' }, founder);
    const reuse = await log.add({ type: 'request', name: 'Grace', deviceKey: grace.device.publicKey }, grace.device);
    const back = await join(log, 'Grace', founder);
    const state = await validate(log.entries);
    expect(verdictOf(state, reuse)).toMatchObject(invalid('deviceInUse'));
    expect(state.members.map((member) => [member.name, member.status])).toEqual([
      ['Ada', 'active'],
      ['Grace', 'removed'],
      ['Grace', 'active'],
    ]);
    expect(memberOf(state, back.memberId)?.status).toBe('active');
  });
});

describe('removal under the admission rule', () => {
  it('under the n-members rule, members other than conveners remove together once enough agree', async () => {
    const { log, founder } = await foundChapter();
    const grace = await join(log, 'Grace', founder);
    const linus = await join(log, 'Linus', founder);
    const omar = await join(log, 'Omar', founder);
    await log.add({ type: 'set-admission-rule', rule: { kind: 'n-members', n: 2 } }, founder);
    const first = await log.add({ type: 'remove', memberId: omar.memberId, reason: 'Never came' }, grace.device);
    const repeat = await log.add({ type: 'remove', memberId: omar.memberId, reason: 'Still never came' }, grace.device);
    const halfway = await validate(log.entries);
    expect(verdictOf(halfway, first)).toMatchObject(VALID);
    expect(verdictOf(halfway, repeat)).toMatchObject(invalid('alreadyEndorsed'));
    expect(memberOf(halfway, omar.memberId)?.status).toBe('active');
    expect(halfway.pendingRemovals).toEqual([{ memberId: omar.memberId, agreed: [grace.memberId] }]);

    const second = await log.add({ type: 'remove', memberId: omar.memberId, reason: 'Agreed' }, linus.device);
    const done = await validate(log.entries);
    expect(verdictOf(done, second)).toMatchObject(VALID);
    expect(memberOf(done, omar.memberId)).toMatchObject({ status: 'removed', endedBy: second.id, removal: { reason: 'Agreed' } });
    expect(done.pendingRemovals).toEqual([]);
  });
});
