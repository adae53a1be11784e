import { describe, expect, it } from 'vitest';
import { parseEntry } from '../../../src/domain/membership/shape';
import type { EntryId, MemberId } from '../../../src/domain/membership/types';
import { foundChapter, invalid, join, memberOf, newDevice, sign, VALID, validate, verdictOf } from './fixtures';

describe('join requests descend from the founding entry', () => {
  it('a request that never saw the founding entry is invalid even when it sorts after it', async () => {
    const { log, founder, found } = await foundChapter();
    const stray = await newDevice();
    // Parentless: retry until it sorts after the founding entry, where the old rule accepted it.
    let blind = await sign({ type: 'request', name: 'Blind', deviceKey: stray.publicKey }, stray, []);
    for (let n = 0; blind.id < found.id; n += 1) {
      blind = await sign({ type: 'request', name: `Blind ${n}`, deviceKey: stray.publicKey }, stray, []);
    }
    const admit = await log.add({ type: 'admit', requestId: blind.id }, founder, [blind, found]);
    const state = await validate([...log.entries, blind]);
    expect(verdictOf(state, blind)).toMatchObject(invalid('missingGenesis'));
    expect(verdictOf(state, admit)).toMatchObject(invalid('unknownRequest'));
    expect(state.members).toHaveLength(1);
  });

  it('a request under a rival founding entry is invalid when the genesis is pinned', async () => {
    const { log, founder, found } = await foundChapter();
    const mallory = await newDevice();
    const rival = await sign(
      { type: 'found', memberId: 'mallory00000000000001' as MemberId, name: 'Mallory', deviceKey: mallory.publicKey },
      mallory,
      [],
    );
    const friend = await newDevice();
    const request = await sign({ type: 'request', name: 'Friend', deviceKey: friend.publicKey }, friend, [rival]);
    const grace = await join(log, 'Grace', founder);
    const state = await validate([...log.entries, rival, request], { genesisId: found.id });
    expect(verdictOf(state, request)).toMatchObject(invalid('missingGenesis'));
    expect(memberOf(state, grace.memberId)?.status).toBe('active');
  });
});

describe('invites limited in uses', () => {
  it('admits at most maxUses people through one invite and shows the count', async () => {
    const { log, founder } = await foundChapter();
    const invite = await log.add({ type: 'invite', maxUses: 2, expiresAt: '2026-03-08T18:00:00.000Z' }, founder);
    const requests = [];
    for (const name of ['A', 'B', 'C']) {
      const device = await newDevice();
      requests.push(await log.add({ type: 'request', name, deviceKey: device.publicKey, inviteId: invite.id }, device));
    }
    const [ra, rb, rc] = requests as [(typeof requests)[0], (typeof requests)[0], (typeof requests)[0]];
    await log.add({ type: 'admit', requestId: ra.id }, founder);
    const halfway = await validate(log.entries);
    expect(halfway.invites).toEqual([
      { id: invite.id, issuer: memberOf(halfway, halfway.members[0]!.id)!.id, maxUses: 2, used: 1, expiresAt: '2026-03-08T18:00:00.000Z', blocked: null },
    ]);
    await log.add({ type: 'admit', requestId: rb.id }, founder);
    const third = await log.add({ type: 'admit', requestId: rc.id }, founder);
    const late = await newDevice();
    const fourth = await log.add({ type: 'request', name: 'D', deviceKey: late.publicKey, inviteId: invite.id }, late);

    const state = await validate(log.entries);
    expect(verdictOf(state, third)).toMatchObject(invalid('inviteUsedUp'));
    expect(verdictOf(state, fourth)).toMatchObject(invalid('inviteUsedUp'));
    expect(state.members.map((member) => member.name)).toEqual(['Ada', 'A', 'B']);
    expect(memberOf(state, ra.id as string as MemberId)?.inviteId).toBe(invite.id);
    expect(state.invites[0]).toMatchObject({ used: 2, maxUses: 2, blocked: 'inviteUsedUp' });
    // C asked in time but can no longer be admitted through this invite: listed as blocked.
    expect(state.pendingRequests).toEqual([
      { id: rc.id, name: 'C', deviceKey: expect.any(String), endorsers: [], inviteId: invite.id, blocked: 'inviteUsedUp' },
    ]);
  });

  it('counts concurrent admits deterministically: exactly one of two racing admits uses a one-use invite', async () => {
    const { log, founder } = await foundChapter();
    const grace = await join(log, 'Grace', founder);
    const invite = await log.add({ type: 'invite', maxUses: 1 }, founder);
    const a = await newDevice();
    const b = await newDevice();
    const ra = await log.add({ type: 'request', name: 'A', deviceKey: a.publicKey, inviteId: invite.id }, a, [invite]);
    const rb = await log.add({ type: 'request', name: 'B', deviceKey: b.publicKey, inviteId: invite.id }, b, [invite]);
    const admitA = await log.add({ type: 'admit', requestId: ra.id }, founder, [ra, rb]);
    const admitB = await log.add({ type: 'admit', requestId: rb.id }, grace.device, [ra, rb]);
    const forward = await validate(log.entries);
    const backward = await validate([...log.entries].reverse());
    expect(backward).toEqual(forward);
    const statuses = [verdictOf(forward, admitA).status, verdictOf(forward, admitB).status].sort();
    expect(statuses).toEqual(['invalid', 'valid']);
    expect(forward.members).toHaveLength(3);
    expect(forward.invites[0]).toMatchObject({ used: 1, blocked: 'inviteUsedUp' });
  });

  it('an invite from a non-member or an unknown invite admits nobody', async () => {
    const { log, founder, found } = await foundChapter();
    const outsider = await newDevice();
    const fake = await sign({ type: 'invite', maxUses: 5 }, outsider, [found]);
    const device = await newDevice();
    const viaFake = await sign({ type: 'request', name: 'Via fake', deviceKey: device.publicKey, inviteId: fake.id }, device, [fake]);
    const other = await newDevice();
    const viaNothing = await log.add(
      { type: 'request', name: 'Nowhere', deviceKey: other.publicKey, inviteId: 'nosuchinvite0000000000' as EntryId },
      other,
    );
    const state = await validate([...log.entries, fake, viaFake]);
    expect(verdictOf(state, fake)).toMatchObject(invalid('unknownAuthor'));
    expect(verdictOf(state, viaFake)).toMatchObject(invalid('unknownInvite'));
    expect(verdictOf(state, viaNothing)).toMatchObject(invalid('unknownInvite'));
    expect(state.invites).toEqual([]);
    expect(state.pendingRequests).toEqual([]);
    void founder;
  });

  it('an invite stops working once its device is revoked or its issuer leaves', async () => {
    const { log, founder } = await foundChapter();
    const grace = await join(log, 'Grace', founder);
    const phone = await newDevice();
    await log.add({ type: 'link-device', deviceKey: phone.publicKey }, grace.device);
    const invite = await log.add({ type: 'invite', maxUses: 5 }, phone);
    await log.add({ type: 'revoke-device', deviceKey: phone.publicKey }, grace.device);
    const device = await newDevice();
    const request = await log.add({ type: 'request', name: 'Late', deviceKey: device.publicKey, inviteId: invite.id }, device);
    const state = await validate(log.entries);
    expect(verdictOf(state, invite)).toMatchObject(VALID);
    expect(verdictOf(state, request)).toMatchObject(invalid('inviteWithdrawn'));
    expect(state.invites[0]).toMatchObject({ used: 0, blocked: 'inviteWithdrawn' });
  });

  it('rejects invites with an out-of-range limit as malformed', async () => {
    const { founder, found } = await foundChapter();
    for (const maxUses of [0, 1001, 1.5]) {
      const entry = await sign({ type: 'invite', maxUses }, founder, [found]);
      expect(parseEntry(entry)).toEqual({ ok: false, error: 'malformed' });
    }
  });
});
