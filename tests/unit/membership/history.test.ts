import { describe, expect, it } from 'vitest';
import { membershipHistory } from '../../../src/domain/membership/history';
import { foundChapter, join, newDevice, sign, validate } from './fixtures';

describe('membership history', () => {
  it('lists counted events newest first, with names, and never forged ones', async () => {
    const { log, founder, found } = await foundChapter();
    const grace = await join(log, 'Grace', founder);
    const phone = await newDevice();
    await log.add({ type: 'link-device', deviceKey: phone.publicKey }, grace.device);
    await log.add({ type: 'revoke-device', deviceKey: phone.publicKey }, grace.device);
    await log.add({ type: 'invite', maxUses: 5 }, founder);
    await log.add({ type: 'remove', memberId: grace.memberId, reason: 'Decided at the May meeting' }, founder);
    const outsider = await newDevice();
    const forged = await sign({ type: 'leave' }, outsider, [found]);
    const entries = [...log.entries, forged];
    const history = membershipHistory(await validate(entries), entries);
    expect(history.map((item) => [item.type, item.actor, item.subject])).toEqual([
      ['remove', 'Ada', 'Grace'],
      ['invite', 'Ada', null],
      ['revoke-device', 'Grace', null],
      ['link-device', 'Grace', null],
      ['admit', 'Ada', 'Grace'],
      ['found', 'Ada', null],
    ]);
    expect(history[0]?.reason).toBe('Decided at the May meeting');
    expect(history[1]?.maxUses).toBe(5);
    expect(history[2]?.deviceKey).toBe(phone.publicKey);
  });
});
