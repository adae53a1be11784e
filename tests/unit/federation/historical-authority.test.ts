import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { verifyFederationEntries } from '../../../src/crypto/federation-signing';
import { authorityTimeline } from '../../../src/domain/federation/authority';
import type { FederationBody, FederationEntry, UnsignedFederationEntry } from '../../../src/domain/federation/types';
import { validateFederationLog } from '../../../src/domain/federation/validate';
import type { MembershipEntry } from '../../../src/domain/membership/types';
import type { DeviceKeyPair } from '../../../src/crypto/ed25519';
import { signFederationEntry } from '../../../src/crypto/federation-signing';
import { CHAPTER as REGION_LOG, foundChapter, join, validate as validateMembership } from '../membership/fixtures';
import { CHAPTER, reasonOf } from './fixtures';

const REGION = REGION_LOG;

const signAt = (signer: DeviceKeyPair, body: FederationBody, heads?: readonly string[]): Promise<FederationEntry> =>
  signFederationEntry(
    { ...body, branchId: REGION, author: signer.publicKey, createdAt: '2026-11-30T12:00:00Z', ...(heads ? { membershipHeads: heads } : {}) } as UnsignedFederationEntry,
    signer,
  );

/**
 * The region's membership: Ada founds it, Grace joins, Ada makes Grace convener, Grace accepts a
 * chapter, then Grace loses the role and leaves. Linus joins and gets a role only later.
 */
async function regionHistory() {
  const { log, founder } = await foundChapter();
  const grace = await join(log, 'Grace', founder);
  const linus = await join(log, 'Linus', founder);
  const beforeRole = log.entries.at(-1)!;
  const grant = await log.add({ type: 'grant-role', memberId: grace.memberId, role: 'convener' }, founder);
  const revoke = await log.add({ type: 'revoke-role', memberId: grace.memberId, role: 'convener' }, founder);
  const leave = await log.add({ type: 'leave' }, grace.device);
  const linusRole = await log.add({ type: 'grant-role', memberId: linus.memberId, role: 'secretary' }, founder);
  return { log, founder, grace, linus, beforeRole, grant, revoke, leave, linusRole };
}

async function judge(membership: readonly MembershipEntry[], federation: readonly FederationEntry[]) {
  const state = await validateMembership(membership);
  const verified = await verifyFederationEntries(federation);
  return validateFederationLog(federation, (entry) => verified.has(entry), {
    branchId: REGION,
    branchLevel: 'regional',
    isAuthorized: authorityTimeline(state, membership),
  });
}

const requestBody: FederationBody = { type: 'join-request', childId: CHAPTER, childGenesis: 'G'.repeat(43), childName: 'Kent chapter', childLevel: 'local' };

describe('federation records judged against the membership at the point they were made', () => {
  it('an acceptance made while the signer held a role stays valid after they lose it and leave', async () => {
    const h = await regionHistory();
    const request = await signAt(h.founder, requestBody);
    const accept = await signAt(h.grace.device, { type: 'accept', requestId: request.id, childId: CHAPTER }, [h.grant.id]);
    const legacy = await signAt(h.grace.device, { type: 'accept', requestId: request.id, childId: CHAPTER });
    const state = await judge(h.log.entries, [request, accept, legacy]);
    expect(reasonOf(state, accept.id)).toBe('valid');
    // Without a point, a record is judged on today's membership: Grace has left.
    expect(reasonOf(state, legacy.id)).toBe('notAllowed');
    expect(state.requests[0]?.acceptedBy).toBe(accept.id);
  });

  it('a record made before the signer had a role does not count, though they hold one now', async () => {
    const h = await regionHistory();
    const request = await signAt(h.founder, requestBody);
    const early = await signAt(h.linus.device, { type: 'accept', requestId: request.id, childId: CHAPTER }, [h.beforeRole.id]);
    const late = await signAt(h.linus.device, { type: 'accept', requestId: request.id, childId: CHAPTER }, [h.linusRole.id]);
    const afterLeaving = await signAt(h.grace.device, { type: 'accept', requestId: request.id, childId: CHAPTER }, [h.leave.id]);
    const unknownPoint = await signAt(h.founder, { type: 'accept', requestId: request.id, childId: CHAPTER }, ['x'.repeat(43)]);
    const state = await judge(h.log.entries, [request, early, late, afterLeaving, unknownPoint]);
    expect(reasonOf(state, early.id)).toBe('notAllowed');
    expect(reasonOf(state, late.id)).toBe('valid');
    expect(reasonOf(state, afterLeaving.id)).toBe('notAllowed');
    expect(reasonOf(state, unknownPoint.id)).toBe('notAllowed');
  });

  it('property: a member speaks exactly between their role grant and its revocation, whatever order anything arrived in', async () => {
    const h = await regionHistory();
    const entries = h.log.entries;
    const grantAt = entries.indexOf(h.grant);
    const revokeAt = entries.indexOf(h.revoke);
    const request = await signAt(h.founder, requestBody);
    // One acceptance by Grace at every point of the (linear) log.
    const accepts = await Promise.all(entries.map((entry) => signAt(h.grace.device, { type: 'accept', requestId: request.id, childId: CHAPTER }, [entry.id])));
    const reference = await judge(entries, [request, ...accepts]);
    const expected = accepts.map((_, at) => (at >= grantAt && at < revokeAt ? 'valid' : 'notAllowed'));
    expect(accepts.map((accept) => reasonOf(reference, accept.id))).toEqual(expected);
    await fc.assert(
      fc.asyncProperty(fc.shuffledSubarray([...entries], { minLength: entries.length }), fc.shuffledSubarray([request, ...accepts], { minLength: accepts.length + 1 }), async (membership, federation) => {
        const state = await judge(membership, federation);
        expect(state.verdicts).toEqual(reference.verdicts);
        expect(state.requests).toEqual(reference.requests);
      }),
      { numRuns: 25 },
    );
  });
});
