import { describe, expect, it } from 'vitest';
import type { BranchSnapshot } from '../../../src/domain/federation/tree';
import { buildFederationTree, totalMembers } from '../../../src/domain/federation/tree';
import type { FederationEntryId } from '../../../src/domain/federation/types';
import { CHAPTER, joinScenario, REGION, REGION_SECRET, GENESIS, reasonOf, signAs, validate } from './fixtures';

const leaveBody = (acceptId: FederationEntryId) => ({ type: 'leave-parent', childId: CHAPTER, parentId: REGION, acceptId }) as const;

describe('a chapter leaves its parent branch', () => {
  it('ends the parent link in the chapter’s document and the membership in the parent’s; the tree and counts follow', async () => {
    const s = await joinScenario();
    const acceptId = s.accept.id as FederationEntryId;
    const ownLeave = await signAs(s.chapterFounder, CHAPTER, leaveBody(acceptId), '2026-12-01T09:00:00Z');
    const parentLeave = await signAs(s.chapterFounder, REGION, leaveBody(acceptId), '2026-12-01T09:00:00Z');
    const chapter = await validate([s.link, ownLeave], { branchId: CHAPTER, level: 'local', authorized: [s.chapterFounder] });
    const region = await validate([s.request, s.accept, parentLeave], { branchId: REGION, level: 'regional', authorized: [s.regionConvener] });
    expect(reasonOf(chapter, ownLeave.id)).toBe('valid');
    expect(chapter.parentLink).toBeNull();
    expect(chapter.departures).toEqual([{ parentId: REGION, acceptId, entryId: ownLeave.id }]);
    // Recorded, not deleted: the request and its acceptance are still there, marked as left.
    expect(region.requests).toEqual([expect.objectContaining({ childId: CHAPTER, acceptedBy: acceptId, leftBy: parentLeave.id })]);

    const regionSnap: BranchSnapshot = { id: REGION, name: 'South East region', level: 'regional', memberCount: 2, federation: region };
    const chapterSnap: BranchSnapshot = { id: CHAPTER, name: 'Kent chapter', level: 'local', memberCount: 5, federation: chapter };
    for (const branches of [[regionSnap, chapterSnap], [regionSnap], [chapterSnap]]) {
      const tree = buildFederationTree(branches);
      const regionNode = tree.find((node) => node.id === REGION);
      expect(regionNode?.children ?? []).toEqual([]);
      if (regionNode) expect(totalMembers(regionNode)).toBe(2);
    }
  });

  it('ignores a leave signed by someone who does not speak for the chapter', async () => {
    const s = await joinScenario();
    const forged = await signAs(s.outsider, CHAPTER, leaveBody(s.accept.id as FederationEntryId));
    const forgedAbove = await signAs(s.outsider, REGION, leaveBody(s.accept.id as FederationEntryId));
    const chapter = await validate([s.link, forged], { branchId: CHAPTER, level: 'local', authorized: [s.chapterFounder] });
    expect(reasonOf(chapter, forged.id)).toBe('notAllowed');
    expect(chapter.parentLink?.id).toBe(s.link.id);
    const region = await validate([s.request, s.accept, forgedAbove], {
      branchId: REGION,
      level: 'regional',
      authorized: [s.regionConvener],
      childAuthority: (childId, key) => (childId === CHAPTER ? key === s.chapterFounder.publicKey : undefined),
    });
    expect(reasonOf(region, forgedAbove.id)).toBe('notAllowed');
    expect(region.requests[0]?.leftBy).toBeNull();
  });

  it('joining again takes a new request and acceptance, and the new link counts', async () => {
    const s = await joinScenario();
    const leave = await signAs(s.chapterFounder, CHAPTER, leaveBody(s.accept.id as FederationEntryId), '2026-12-01T09:00:00Z');
    const again = await signAs(s.chapterFounder, REGION, { type: 'join-request', childId: CHAPTER, childGenesis: GENESIS, childName: 'Kent chapter', childLevel: 'local' }, '2026-12-02T09:00:00Z');
    const accept = await signAs(s.regionConvener, REGION, { type: 'accept', requestId: again.id as FederationEntryId, childId: CHAPTER }, '2026-12-02T10:00:00Z');
    const link = await signAs(
      s.chapterFounder,
      CHAPTER,
      { type: 'parent-link', parentId: REGION, parentGenesis: GENESIS, parentSecret: REGION_SECRET, parentName: 'South East region', parentLevel: 'regional', acceptId: accept.id as FederationEntryId },
      '2026-12-02T11:00:00Z',
    );
    const chapter = await validate([s.link, leave, link], { branchId: CHAPTER, level: 'local', authorized: [s.chapterFounder] });
    expect(chapter.parentLink?.id).toBe(link.id);
  });
});
