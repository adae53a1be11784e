import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalFederationEntry } from '../../../src/domain/federation/canonical';
import type { FederationEntry } from '../../../src/domain/federation/types';
import { CHAPTER, joinScenario, OTHER, REGION, reasonOf, signAs, validate } from './fixtures';

describe('federation log validation', () => {
  it('counts a request accepted by a member with a role, and the chapter’s own link', async () => {
    const s = await joinScenario();
    const region = await validate([s.request, s.accept], { branchId: REGION, level: 'regional', authorized: [s.regionConvener] });
    expect(region.requests).toHaveLength(1);
    expect(region.requests[0]).toMatchObject({ childId: CHAPTER, childName: 'Kent chapter', acceptedBy: s.accept.id });
    expect(region.verdicts.every((verdict) => verdict.status === 'valid')).toBe(true);
    const chapter = await validate([s.link], { branchId: CHAPTER, level: 'local', authorized: [s.chapterFounder] });
    expect(chapter.parentLink?.id).toBe(s.link.id);
    expect(chapter.parentLink?.parentId).toBe(REGION);
  });

  it('rejects an acceptance signed by someone without a role in the branch', async () => {
    const s = await joinScenario();
    const forged = await signAs(s.outsider, REGION, { type: 'accept', requestId: s.request.id, childId: CHAPTER });
    const state = await validate([s.request, forged], { branchId: REGION, level: 'regional', authorized: [s.regionConvener] });
    expect(reasonOf(state, forged.id)).toBe('notAllowed');
    expect(state.requests[0]?.acceptedBy).toBeNull();
  });

  it('rejects an entry re-labelled with an authorized author but signed by another key', async () => {
    const s = await joinScenario();
    const outsiderAccept = await signAs(s.outsider, REGION, { type: 'accept', requestId: s.request.id, childId: CHAPTER });
    const forged = { ...outsiderAccept, author: s.regionConvener.publicKey };
    const state = await validate([s.request, forged], { branchId: REGION, level: 'regional', authorized: [s.regionConvener] });
    expect(reasonOf(state, forged.id)).toBe('badSignature');
    expect(state.requests[0]?.acceptedBy).toBeNull();
  });

  it('rejects a link written by a non-member of the chapter, and keeps the branch without a parent', async () => {
    const s = await joinScenario();
    const state = await validate([s.link], { branchId: CHAPTER, level: 'local', authorized: [s.outsider] });
    expect(reasonOf(state, s.link.id)).toBe('notAllowed');
    expect(state.parentLink).toBeNull();
  });

  it('refuses entries copied into another branch’s document', async () => {
    const s = await joinScenario();
    const state = await validate([s.request, s.accept], { branchId: OTHER, level: 'regional', authorized: [s.regionConvener] });
    expect(reasonOf(state, s.request.id)).toBe('wrongBranch');
    expect(reasonOf(state, s.accept.id)).toBe('wrongBranch');
    expect(state.requests).toEqual([]);
  });

  it('only lets a branch join a branch of a higher level', async () => {
    const s = await joinScenario();
    const local = await validate([s.request, s.accept], { branchId: REGION, level: 'local', authorized: [s.regionConvener] });
    expect(reasonOf(local, s.request.id)).toBe('levelNotBelow');
    expect(reasonOf(local, s.accept.id)).toBe('unknownRequest');
  });

  it('refuses a request whose signer has no right in the chapter, when this device holds the chapter', async () => {
    const s = await joinScenario();
    const state = await validate([s.request, s.accept], {
      branchId: REGION,
      level: 'regional',
      authorized: [s.regionConvener],
      childAuthority: (childId) => (childId === CHAPTER ? false : undefined),
    });
    expect(reasonOf(state, s.request.id)).toBe('notAllowed');
    expect(reasonOf(state, s.accept.id)).toBe('unknownRequest');
  });

  it('rejects an acceptance naming another chapter than its request', async () => {
    const s = await joinScenario();
    const wrong = await signAs(s.regionConvener, REGION, { type: 'accept', requestId: s.request.id, childId: OTHER });
    const state = await validate([s.request, wrong], { branchId: REGION, level: 'regional', authorized: [s.regionConvener] });
    expect(reasonOf(state, wrong.id)).toBe('mismatch');
  });

  it('reports malformed values and unknown types without counting them', async () => {
    const s = await joinScenario();
    const junk = [null, 42, 'x', { type: 'coup', id: 'y' }, { ...s.accept, extra: 1 }];
    const state = await validate([s.request, ...junk], { branchId: REGION, level: 'regional', authorized: [s.regionConvener] });
    expect(state.requests[0]?.acceptedBy).toBeNull();
    expect(state.verdicts.filter((verdict) => verdict.status === 'invalid').map((verdict) => verdict.status === 'invalid' && verdict.reason).sort()).toEqual([
      'malformed',
      'malformed',
      'malformed',
      'malformed',
      'unsupported',
    ]);
  });

  it('rejects any altered character of any signed field', async () => {
    const s = await joinScenario();
    const entries: readonly FederationEntry[] = [s.request, s.accept, s.link];
    await fc.assert(
      fc.asyncProperty(fc.nat(), fc.nat(), fc.nat(), fc.integer({ min: 1, max: 60 }), async (which, field, position, delta) => {
        const original = entries[which % entries.length]!;
        const keys = Object.keys(original).filter((key) => key !== 'signature' && typeof (original as unknown as Record<string, unknown>)[key] === 'string');
        const key = keys[field % keys.length]!;
        const value = (original as unknown as Record<string, string>)[key]!;
        const at = position % value.length;
        const changed = value.slice(0, at) + String.fromCharCode(((value.charCodeAt(at) - 32 + delta) % 95) + 32) + value.slice(at + 1);
        fc.pre(changed !== value);
        const altered = { ...original, [key]: changed };
        const branchId = original.branchId === REGION ? REGION : CHAPTER;
        const state = await validate(branchId === REGION ? [s.request, s.accept, altered].filter((e) => e !== original) : [altered], {
          branchId,
          level: branchId === REGION ? 'regional' : 'local',
          authorized: [s.regionConvener, s.chapterFounder],
        });
        const reason = reasonOf(state, (altered as { id: string }).id);
        expect(reason).not.toBe('valid');
        if (original === s.link) expect(state.parentLink).toBeNull();
        if (original === s.accept) expect(state.requests[0]?.acceptedBy ?? null).toBeNull();
        if (original === s.request) expect(state.requests.some((request) => request.id === s.request.id)).toBe(false);
      }),
      { numRuns: 150 },
    );
  });

  it('gives the same verdicts whatever order the entries arrive in, duplicates and forgeries included', async () => {
    const s = await joinScenario();
    const outsiderAccept = await signAs(s.outsider, REGION, { type: 'accept', requestId: s.request.id, childId: CHAPTER });
    const second = await signAs(s.regionConvener, REGION, { type: 'accept', requestId: s.request.id, childId: CHAPTER }, '2026-12-01T00:00:00Z');
    const forgedCopy = { ...s.accept, requestId: second.id };
    const pool: readonly unknown[] = [s.request, s.accept, second, outsiderAccept, forgedCopy, { ...s.request }, { bogus: true }];
    const options = { branchId: REGION, level: 'regional' as const, authorized: [s.regionConvener] };
    const reference = await validate(pool, options);
    expect(reference.requests[0]?.acceptedBy).toBe([s.accept.id, second.id].sort()[0]);
    await fc.assert(
      fc.asyncProperty(fc.shuffledSubarray([...pool], { minLength: pool.length, maxLength: pool.length }), async (shuffled) => {
        expect(await validate(shuffled, options)).toEqual(reference);
      }),
      { numRuns: 60 },
    );
  });

  it('signs with a domain separator, so a membership signature cannot pass as a federation one', async () => {
    const s = await joinScenario();
    expect(canonicalFederationEntry(s.request).startsWith('chapterhouse-federation-v1\n')).toBe(true);
  });

  it('picks the latest valid parent link on every device', async () => {
    const s = await joinScenario();
    const later = await signAs(s.chapterFounder, CHAPTER, { ...(s.link as Extract<FederationEntry, { type: 'parent-link' }>), type: 'parent-link' } as never, '2026-12-05T00:00:00Z');
    const a = await validate([s.link, later], { branchId: CHAPTER, level: 'local', authorized: [s.chapterFounder] });
    const b = await validate([later, s.link], { branchId: CHAPTER, level: 'local', authorized: [s.chapterFounder] });
    expect(a.parentLink?.id).toBe(later.id);
    expect(b).toEqual(a);
  });
});
