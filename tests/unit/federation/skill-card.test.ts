import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { signSkillCard, verifySkillCards } from '../../../src/crypto/federation-signing';
import { latestCards, type SkillCard } from '../../../src/domain/federation/skill-card';
import { CHAPTER, newDevice, OTHER } from './fixtures';

async function latest(cards: readonly unknown[]) {
  const verified = await verifySkillCards(cards);
  return latestCards(cards, CHAPTER, (card) => verified.has(card));
}

describe('skill cards', () => {
  it('keeps the latest signed card per device and ignores forged, altered or misplaced ones', async () => {
    const [ana, mallory] = await Promise.all([newDevice(), newDevice()]);
    const first = await signSkillCard({ branchId: CHAPTER, author: ana.publicKey, skills: ['printing'], createdAt: '2026-11-01T00:00:00Z' }, ana);
    const second = await signSkillCard({ branchId: CHAPTER, author: ana.publicKey, skills: ['first aid'], createdAt: '2026-11-02T00:00:00Z' }, ana);
    const byMallory = await signSkillCard({ branchId: CHAPTER, author: mallory.publicKey, skills: ['lockpicking'], createdAt: '2026-12-01T00:00:00Z' }, mallory);
    const forged: SkillCard = { ...byMallory, author: ana.publicKey };
    const altered: SkillCard = { ...second, skills: ['surveillance'], createdAt: '2026-12-31T00:00:00Z' };
    const elsewhere = await signSkillCard({ branchId: OTHER, author: ana.publicKey, skills: ['x'], createdAt: '2027-01-01T00:00:00Z' }, ana);
    const pool: readonly unknown[] = [first, second, forged, altered, elsewhere, { junk: 1 }, null];
    const reference = await latest(pool);
    expect([...reference.keys()]).toEqual([ana.publicKey]);
    expect(reference.get(ana.publicKey)?.skills).toEqual(['first aid']);
    await fc.assert(
      fc.asyncProperty(fc.shuffledSubarray([...pool], { minLength: pool.length, maxLength: pool.length }), async (shuffled) => {
        expect(await latest(shuffled)).toEqual(reference);
      }),
      { numRuns: 30 },
    );
  });
});
