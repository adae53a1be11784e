import type { BranchLevel } from '../chapter';
import { BRANCH_LEVELS } from '../chapter';
import type { DocId } from '../ids';
import type { FederationState } from './types';

/** What this device knows of one branch document it holds. */
export interface BranchSnapshot {
  readonly id: DocId;
  readonly name: string;
  readonly level: BranchLevel;
  /** Active members from the branch's validated membership log; null while not checked yet. */
  readonly memberCount: number | null;
  readonly federation: FederationState | null;
}

export interface FederationNode {
  readonly id: DocId;
  readonly name: string;
  readonly level: BranchLevel;
  readonly memberCount: number | null;
  /** False for a branch known only from another branch's records (its document is not here). */
  readonly onDevice: boolean;
  readonly children: readonly FederationNode[];
}

interface MutableNode {
  id: DocId;
  name: string;
  level: BranchLevel;
  memberCount: number | null;
  onDevice: boolean;
  parent: DocId | null;
}

/**
 * The federation as a forest, highest levels first. A chapter hangs under a branch only when both
 * sides signed: the branch accepted its request and the chapter recorded that acceptance. When
 * only one side's document is on this device, that side's signed record is taken as it stands.
 */
export function buildFederationTree(branches: readonly BranchSnapshot[]): readonly FederationNode[] {
  const nodes = new Map<DocId, MutableNode>();
  for (const branch of branches) {
    nodes.set(branch.id, { id: branch.id, name: branch.name, level: branch.level, memberCount: branch.memberCount, onDevice: true, parent: null });
  }
  const held = new Map(branches.map((branch) => [branch.id, branch] as const));
  for (const branch of branches) {
    const link = branch.federation?.parentLink;
    if (!link) continue;
    const parent = held.get(link.parentId);
    if (parent) {
      const accepted = parent.federation?.requests.some((r) => r.childId === branch.id && r.acceptedBy === link.acceptId && r.leftBy === null) ?? false;
      if (accepted) nodes.get(branch.id)!.parent = parent.id;
      continue;
    }
    if (!nodes.has(link.parentId)) {
      nodes.set(link.parentId, { id: link.parentId, name: link.parentName, level: link.parentLevel, memberCount: null, onDevice: false, parent: null });
    }
    nodes.get(branch.id)!.parent = link.parentId;
  }
  for (const branch of branches) {
    for (const request of branch.federation?.requests ?? []) {
      if (request.acceptedBy === null || request.leftBy !== null || held.has(request.childId) || nodes.has(request.childId)) continue;
      nodes.set(request.childId, {
        id: request.childId,
        name: request.childName,
        level: request.childLevel,
        memberCount: null,
        onDevice: false,
        parent: branch.id,
      });
    }
  }
  const children = new Map<DocId | null, MutableNode[]>();
  for (const node of nodes.values()) {
    // A parent chain that loops (only possible with forged levels) is cut at the node itself.
    const parent = node.parent !== null && !reaches(nodes, node.parent, node.id) ? node.parent : null;
    const list = children.get(parent) ?? [];
    list.push(node);
    children.set(parent, list);
  }
  const build = (parent: DocId | null): FederationNode[] =>
    (children.get(parent) ?? []).sort(byLevelThenName).map((node) => ({
      id: node.id,
      name: node.name,
      level: node.level,
      memberCount: node.memberCount,
      onDevice: node.onDevice,
      children: build(node.id),
    }));
  return build(null);
}

function reaches(nodes: ReadonlyMap<DocId, MutableNode>, from: DocId, target: DocId): boolean {
  const seen = new Set<DocId>();
  for (let at: DocId | null = from; at !== null; at = nodes.get(at)?.parent ?? null) {
    if (at === target) return true;
    if (seen.has(at)) return false;
    seen.add(at);
  }
  return false;
}

const byLevelThenName = (a: MutableNode, b: MutableNode): number =>
  BRANCH_LEVELS.indexOf(b.level) - BRANCH_LEVELS.indexOf(a.level) || a.name.localeCompare(b.name) || (a.id < b.id ? -1 : 1);

/** Total active members below and including a node (unknown counts count as zero). */
export function totalMembers(node: FederationNode): number {
  return (node.memberCount ?? 0) + node.children.reduce((sum, child) => sum + totalMembers(child), 0);
}
