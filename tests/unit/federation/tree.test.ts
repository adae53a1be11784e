import { describe, expect, it } from 'vitest';
import type { BranchSnapshot } from '../../../src/domain/federation/tree';
import { buildFederationTree, totalMembers } from '../../../src/domain/federation/tree';
import type { DocId } from '../../../src/domain/ids';
import { CHAPTER, joinScenario, REGION, validate } from './fixtures';

const NATION = 'nationalbranch00uk00' as DocId;

async function snapshots() {
  const s = await joinScenario();
  const region = await validate([s.request, s.accept], { branchId: REGION, level: 'regional', authorized: [s.regionConvener] });
  const chapter = await validate([s.link], { branchId: CHAPTER, level: 'local', authorized: [s.chapterFounder] });
  const regionSnap: BranchSnapshot = { id: REGION, name: 'South East region', level: 'regional', memberCount: 2, federation: region };
  const chapterSnap: BranchSnapshot = { id: CHAPTER, name: 'Kent chapter', level: 'local', memberCount: 5, federation: chapter };
  return { s, regionSnap, chapterSnap };
}

describe('federation tree', () => {
  it('nests a chapter under its region when both sides signed, with member counts', async () => {
    const { regionSnap, chapterSnap } = await snapshots();
    const nation: BranchSnapshot = { id: NATION, name: 'UK', level: 'national', memberCount: 1, federation: null };
    for (const order of [
      [regionSnap, chapterSnap, nation],
      [chapterSnap, nation, regionSnap],
    ]) {
      const tree = buildFederationTree(order);
      expect(tree.map((node) => node.name)).toEqual(['UK', 'South East region']);
      const region = tree[1]!;
      expect(region.memberCount).toBe(2);
      expect(region.children.map((child) => [child.name, child.memberCount, child.onDevice])).toEqual([['Kent chapter', 5, true]]);
      expect(totalMembers(region)).toBe(7);
    }
  });

  it('does not nest a chapter whose link the region never accepted', async () => {
    const { regionSnap, chapterSnap } = await snapshots();
    const unaccepted: BranchSnapshot = { ...regionSnap, federation: { ...regionSnap.federation!, requests: [] } };
    const tree = buildFederationTree([unaccepted, chapterSnap]);
    expect(tree.map((node) => [node.name, node.children.length])).toEqual([
      ['South East region', 0],
      ['Kent chapter', 0],
    ]);
  });

  it('shows a branch known only from the other side’s signed record', async () => {
    const { regionSnap, chapterSnap } = await snapshots();
    const fromChapter = buildFederationTree([chapterSnap]);
    expect(fromChapter).toHaveLength(1);
    expect(fromChapter[0]).toMatchObject({ name: 'South East region', onDevice: false, memberCount: null });
    expect(fromChapter[0]!.children[0]!.name).toBe('Kent chapter');
    const fromRegion = buildFederationTree([regionSnap]);
    expect(fromRegion[0]!.children[0]).toMatchObject({ name: 'Kent chapter', onDevice: false, memberCount: null });
  });
});
