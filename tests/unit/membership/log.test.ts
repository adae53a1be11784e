import { describe, expect, it } from 'vitest';
import { createEntryVerifier, signEntry } from '../../../src/crypto/entry-signing';
import { draftEntry, headsOf } from '../../../src/domain/membership/draft';
import { orderLog } from '../../../src/domain/membership/order';
import type { EntryId, MembershipEntry } from '../../../src/domain/membership/types';
import { validateLog } from '../../../src/domain/membership/validate';
import { CHAPTER, foundChapter, invalid, join, newDevice, sign, VALID, validate, verdictOf } from './fixtures';

describe('log order and placement', () => {
  it('orders by counter then id, always after parents', async () => {
    const { log, founder, found } = await foundChapter();
    const a = await newDevice();
    const b = await newDevice();
    const ra = await log.add({ type: 'request', name: 'A', deviceKey: a.publicKey }, a, [found]);
    const rb = await log.add({ type: 'request', name: 'B', deviceKey: b.publicKey }, b, [found]);
    const admit = await log.add({ type: 'admit', requestId: ra.id }, founder, [ra, rb]);
    const map = new Map(log.entries.map((entry) => [entry.id, entry] as const));
    const { ordered, pending } = orderLog(map);
    const [first, second] = ra.id < rb.id ? [ra, rb] : [rb, ra];
    expect(ordered.map((entry) => entry.id)).toEqual([found.id, first.id, second.id, admit.id]);
    expect(pending).toEqual([]);
  });

  it('entries with missing parents are pending, shown but not counted, until the parent arrives', async () => {
    const { log, founder } = await foundChapter();
    const device = await newDevice();
    const request = await log.add({ type: 'request', name: 'Grace', deviceKey: device.publicKey }, device);
    const admit = await log.add({ type: 'admit', requestId: request.id }, founder);
    const withoutRequest = log.entries.filter((entry) => entry !== request);
    const partial = await validate(withoutRequest);
    expect(verdictOf(partial, admit)).toEqual({ id: admit.id, status: 'pending', reason: 'missingParents' });
    expect(partial.members).toHaveLength(1);
    const full = await validate(log.entries);
    expect(verdictOf(full, admit)).toMatchObject(VALID);
    expect(full.members).toHaveLength(2);
  });

  it('a forged copy claiming a genuine id loses to the genuine entry, whatever the order', async () => {
    const { log, founder } = await foundChapter();
    const grace = await join(log, 'Grace', founder);
    const grant = await log.add({ type: 'grant-role', memberId: grace.memberId, role: 'teller' }, founder);
    const forged = { ...grant, role: 'convener' } as MembershipEntry;
    const baseline = await validate(log.entries);
    for (const entries of [
      [...log.entries, forged],
      [forged, ...log.entries],
    ]) {
      const state = await validate(entries);
      expect(state.members).toEqual(baseline.members);
      expect(state.verdicts.filter((verdict) => verdict.id === grant.id)).toEqual([
        { id: grant.id, ...VALID },
        { id: grant.id, ...invalid('duplicateId') },
      ]);
    }
    // Alone, the forged copy is simply a bad signature.
    const alone = await validate([...log.entries.filter((entry) => entry !== grant), forged]);
    expect(verdictOf(alone, forged)).toMatchObject(invalid('badSignature'));
    expect(alone.members.map((member) => member.roles)).toEqual([['convener'], []]);
  });

  it('exact duplicates are merged into one verdict', async () => {
    const { log, founder } = await foundChapter();
    await join(log, 'Grace', founder);
    const state = await validate([...log.entries, ...log.entries.map((entry) => ({ ...entry }))]);
    expect(state.verdicts).toHaveLength(log.entries.length);
    expect(state.members).toHaveLength(2);
  });

  it('rejects a lying counter and malformed or unknown entries without throwing', async () => {
    const { log, found } = await foundChapter();
    const device = await newDevice();
    const request = await sign({ type: 'request', name: 'Grace', deviceKey: device.publicKey }, device, [found]);
    const { id: _id, signature: _signature, ...unsigned } = { ...request, counter: 7 };
    const lying = await signEntry(unsigned, device);
    const junk: unknown[] = [null, 42, 'x', { id: 'nope' }, { ...found, type: 'coronation' }, { ...found, extra: 1 }];
    const state = await validate([...log.entries, lying, ...(junk as MembershipEntry[])]);
    expect(verdictOf(state, lying)).toMatchObject(invalid('badCounter'));
    expect(state.verdicts.filter((verdict) => verdict.reason === 'malformed')).toHaveLength(5);
    expect(state.verdicts.filter((verdict) => verdict.reason === 'unsupported')).toHaveLength(1);
    expect(state.members).toHaveLength(1);
  });

  it('validateLog trusts nothing the injected check did not verify', async () => {
    const { log, founder } = await foundChapter();
    await join(log, 'Grace', founder);
    const none = validateLog(log.entries, () => false, { chapterId: CHAPTER });
    expect(none.verdicts.every((verdict) => verdict.reason === 'badSignature')).toBe(true);
    expect(none.members).toEqual([]);
    const verifier = createEntryVerifier();
    const set = await verifier.verifyAll(log.entries);
    const all = validateLog(log.entries, (entry) => set.has(entry), { chapterId: CHAPTER });
    expect(all.members).toHaveLength(2);
    expect(all.foundedBy).toBe(log.entries[0]!.id as EntryId);
  });
});

describe('drafting entries', () => {
  it('sorts and de-duplicates parents, computes the counter and caps the parent list', async () => {
    const { found, founder } = await foundChapter();
    const parents = Array.from({ length: 300 }, (_, i) => ({
      id: `p${String(i).padStart(20, '0')}` as EntryId,
      counter: i + 1,
    }));
    const draft = draftEntry(
      { type: 'leave' },
      { chapterId: CHAPTER, author: founder.publicKey, parents: [...parents, found, found], createdAt: '' },
    );
    expect(draft.parents).toHaveLength(256);
    expect([...draft.parents].sort()).toEqual(draft.parents);
    expect(draft.parents).not.toContain(parents[0]!.id);
    expect(draft.counter).toBe(301);
    expect(headsOf([found])).toEqual([{ id: found.id, counter: 1 }]);
  });
});
