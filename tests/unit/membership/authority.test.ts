import { describe, expect, it } from 'vitest';
import type { MemberId } from '../../../src/domain/membership/types';
import {
  FOUNDER_ID,
  foundChapter,
  invalid,
  join,
  memberOf,
  newDevice,
  OTHER_CHAPTER,
  VALID,
  validate,
  verdictOf,
} from './fixtures';

describe('who may sign what', () => {
  it('entries signed by a non-member key are invalid and never counted', async () => {
    const { log, founder } = await foundChapter();
    const mallory = await newDevice();
    const request = await log.add({ type: 'request', name: 'Mallory', deviceKey: mallory.publicKey }, mallory);
    const selfAdmit = await log.add({ type: 'admit', requestId: request.id }, mallory);
    const outsider = await newDevice();
    const grant = await log.add({ type: 'grant-role', memberId: FOUNDER_ID, role: 'teller' }, outsider);
    const removal = await log.add({ type: 'remove', memberId: FOUNDER_ID, reason: 'coup' }, outsider);
    await join(log, 'Grace', founder);

    const state = await validate(log.entries);
    expect(verdictOf(state, selfAdmit)).toMatchObject(invalid('notAMember'));
    expect(verdictOf(state, grant)).toMatchObject(invalid('unknownAuthor'));
    expect(verdictOf(state, removal)).toMatchObject(invalid('unknownAuthor'));
    expect(memberOf(state, FOUNDER_ID)).toMatchObject({ status: 'active', roles: ['convener'] });
    expect(state.pendingRequests.map((request) => request.name)).toEqual(['Mallory']);
  });

  it('an entry signed before its author was admitted stays invalid; later ones are valid', async () => {
    const { log, founder } = await foundChapter();
    const device = await newDevice();
    const spare = await newDevice();
    const later = await newDevice();
    const request = await log.add({ type: 'request', name: 'Grace', deviceKey: device.publicKey }, device);
    const early = await log.add({ type: 'link-device', deviceKey: spare.publicKey }, device);
    await log.add({ type: 'admit', requestId: request.id }, founder);
    const afterwards = await log.add({ type: 'link-device', deviceKey: later.publicKey }, device);

    const state = await validate(log.entries);
    expect(verdictOf(state, early)).toMatchObject(invalid('notAMember'));
    expect(verdictOf(state, afterwards)).toMatchObject(VALID);
    expect(memberOf(state, request.id as string as MemberId)?.devices.map((d) => d.key)).toEqual([
      device.publicKey,
      later.publicKey,
    ]);
  });

  it('a revoked device signs nothing valid after its revocation; earlier entries stay valid', async () => {
    const { log, founder } = await foundChapter();
    const grace = await join(log, 'Grace', founder);
    const phone = await newDevice();
    const link = await log.add({ type: 'link-device', deviceKey: phone.publicKey }, grace.device);
    const linus = await newDevice();
    const request = await log.add({ type: 'request', name: 'Linus', deviceKey: linus.publicKey }, linus);
    const before = await log.add({ type: 'admit', requestId: request.id }, phone);
    const revoke = await log.add({ type: 'revoke-device', deviceKey: phone.publicKey }, grace.device);
    const other = await newDevice();
    const late = await log.add({ type: 'link-device', deviceKey: other.publicKey }, phone);
    const twice = await log.add({ type: 'revoke-device', deviceKey: phone.publicKey }, grace.device);

    const state = await validate(log.entries);
    expect(verdictOf(state, link)).toMatchObject(VALID);
    expect(verdictOf(state, before)).toMatchObject(VALID);
    expect(verdictOf(state, revoke)).toMatchObject(VALID);
    expect(verdictOf(state, late)).toMatchObject(invalid('revokedDevice'));
    expect(verdictOf(state, twice)).toMatchObject(invalid('alreadyRevoked'));
    expect(memberOf(state, request.id as string as MemberId)?.status).toBe('active');
    expect(memberOf(state, grace.memberId)?.devices).toEqual([
      { key: grace.device.publicKey, addedBy: expect.any(String), revokedBy: null },
      { key: phone.publicKey, addedBy: link.id, revokedBy: revoke.id },
    ]);
  });

  it("a member cannot link another member's key or revoke another member's device", async () => {
    const { log, founder } = await foundChapter();
    const grace = await join(log, 'Grace', founder);
    const steal = await log.add({ type: 'link-device', deviceKey: founder.publicKey }, grace.device);
    const revoke = await log.add({ type: 'revoke-device', deviceKey: founder.publicKey }, grace.device);
    const stranger = await newDevice();
    const unknown = await log.add({ type: 'revoke-device', deviceKey: stranger.publicKey }, grace.device);
    const state = await validate(log.entries);
    expect(verdictOf(state, steal)).toMatchObject(invalid('deviceInUse'));
    expect(verdictOf(state, revoke)).toMatchObject(invalid('notAllowed'));
    expect(verdictOf(state, unknown)).toMatchObject(invalid('unknownDevice'));
  });

  it('rejects entries replayed from another chapter (wrongChapter)', async () => {
    const home = await foundChapter();
    await join(home.log, 'Grace', home.founder);
    const away = await foundChapter(OTHER_CHAPTER);
    const mallory = await join(away.log, 'Mallory', away.founder);
    // Replaying the other chapter's log verbatim: every entry verifies, but is bound to that chapter.
    const state = await validate([...home.log.entries, ...away.log.entries]);
    for (const entry of away.log.entries) expect(verdictOf(state, entry)).toMatchObject(invalid('wrongChapter'));
    expect(state.foundedBy).toBe(home.found.id);
    expect(state.members.map((member) => member.name)).toEqual(['Ada', 'Grace']);
    expect(memberOf(state, mallory.memberId)).toBeUndefined();

    // Re-binding an entry to this chapter changes its signed bytes.
    const moved = { ...away.found, chapterId: home.found.chapterId };
    const rebound = await validate([...home.log.entries, moved]);
    expect(verdictOf(rebound, moved)).toMatchObject(invalid('badSignature'));
    expect(rebound.members.map((member) => member.name)).toEqual(['Ada', 'Grace']);
  });

  it('roles: conveners grant and revoke; others may not; the last convener stays', async () => {
    const { log, founder } = await foundChapter();
    const grace = await join(log, 'Grace', founder);
    const linus = await join(log, 'Linus', founder);
    const secretary = await log.add({ type: 'grant-role', memberId: grace.memberId, role: 'secretary' }, founder);
    const byNonConvener = await log.add({ type: 'grant-role', memberId: linus.memberId, role: 'teller' }, grace.device);
    const last = await log.add({ type: 'revoke-role', memberId: FOUNDER_ID, role: 'convener' }, founder);
    const convener = await log.add({ type: 'grant-role', memberId: grace.memberId, role: 'convener' }, founder);
    const again = await log.add({ type: 'grant-role', memberId: grace.memberId, role: 'convener' }, founder);
    const teller = await log.add({ type: 'grant-role', memberId: linus.memberId, role: 'teller' }, grace.device);
    const stepDown = await log.add({ type: 'revoke-role', memberId: FOUNDER_ID, role: 'convener' }, grace.device);
    const founderNow = await log.add({ type: 'revoke-role', memberId: linus.memberId, role: 'teller' }, founder);
    const notHeld = await log.add({ type: 'revoke-role', memberId: linus.memberId, role: 'secretary' }, grace.device);

    const state = await validate(log.entries);
    expect(verdictOf(state, secretary)).toMatchObject(VALID);
    expect(verdictOf(state, byNonConvener)).toMatchObject(invalid('notAllowed'));
    expect(verdictOf(state, last)).toMatchObject(invalid('lastConvener'));
    expect(verdictOf(state, convener)).toMatchObject(VALID);
    expect(verdictOf(state, again)).toMatchObject(invalid('roleAlreadyHeld'));
    expect(verdictOf(state, teller)).toMatchObject(VALID);
    expect(verdictOf(state, stepDown)).toMatchObject(VALID);
    expect(verdictOf(state, founderNow)).toMatchObject(invalid('notAllowed'));
    expect(verdictOf(state, notHeld)).toMatchObject(invalid('roleNotHeld'));
    expect(state.members.map((member) => [member.name, member.roles])).toEqual([
      ['Ada', []],
      ['Grace', ['convener', 'secretary']],
      ['Linus', ['teller']],
    ]);
  });
});
