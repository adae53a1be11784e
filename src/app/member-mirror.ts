import { readMembershipLog } from '../crdt/membership-repository';
import { mirrorMembershipEntries } from '../crdt/member-mirror-repository';
import type { HeldBranch } from './federation-keeper';

/**
 * Copies each held chapter's valid membership entries, unchanged, into the document of the parent
 * it recorded (when this device holds the parent too), so the parent can tell who belongs to its
 * member chapters without their documents (see member-mirror-repository.ts). Idempotent.
 */
export function mirrorMemberships(branches: readonly HeldBranch[]): void {
  const byId = new Map(branches.map((branch) => [branch.entry.id, branch] as const));
  for (const child of branches) {
    const link = child.federation?.parentLink;
    const parent = link ? byId.get(link.parentId) : undefined;
    if (!parent || !child.membership) continue;
    const valid = new Set<string>(child.membership.verdicts.flatMap((verdict) => (verdict.status === 'valid' ? [verdict.id] : [])));
    const entries = readMembershipLog(child.doc).filter((entry) => {
      const id = typeof entry === 'object' && entry !== null ? (entry as { id?: unknown }).id : undefined;
      return typeof id === 'string' && valid.has(id);
    });
    mirrorMembershipEntries(parent.doc, child.entry.id, entries);
  }
}
