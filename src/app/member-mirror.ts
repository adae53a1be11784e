import type * as Y from 'yjs';
import { readFederationLog } from '../crdt/federation-repository';
import { readMembershipLog } from '../crdt/membership-repository';
import { mirrorFederationEntries, mirrorMembershipEntries, readFederationMirrors, readMemberMirrors } from '../crdt/member-mirror-repository';
import type { HeldBranch } from './federation-keeper';

/** Passes at most: one per level a local chapter's entries climb (local → … → international). */
const MAX_PASSES = 3;

/**
 * Copies each held chapter's valid membership entries, unchanged, into the document of the parent
 * it recorded (when this device holds the parent too), so the parent can tell who belongs to its
 * member chapters without their documents (see member-mirror-repository.ts). Also copies the
 * chapter's own federation log and everything already mirrored into it, so a national or
 * international branch reaches the local chapters of its member regions, one document up per
 * device that holds both. Repeated until nothing new, so one device holding a whole path carries
 * the entries all the way up. Idempotent.
 */
export function mirrorMemberships(branches: readonly HeldBranch[]): void {
  const byId = new Map(branches.map((branch) => [branch.entry.id, branch] as const));
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    let added = 0;
    for (const child of branches) {
      const link = child.federation?.parentLink;
      const parent = link ? byId.get(link.parentId) : undefined;
      if (!parent || !child.membership) continue;
      const valid = new Set<string>(child.membership.verdicts.flatMap((verdict) => (verdict.status === 'valid' ? [verdict.id] : [])));
      added += mirrorUp(child.doc, child.entry.id, parent.doc, (entry) => valid.has(idOf(entry)));
    }
    if (added === 0) return;
  }
}

/**
 * One step up, from a member chapter's document to its parent's: the chapter's membership entries
 * that `isValid` (as this device judged them), its federation log, and the mirrors it holds of its
 * own member chapters. Readers validate everything again (branch-electorate.ts), so a copy can
 * only ever add signed entries, never make a forged one count. Returns how many entries were new.
 */
export function mirrorUp(child: Y.Doc, childId: string, parent: Y.Doc, isValid: (entry: unknown) => boolean): number {
  let added = mirrorMembershipEntries(parent, childId, readMembershipLog(child).filter(isValid));
  added += mirrorFederationEntries(parent, childId, joinRecords(readFederationLog(child)));
  for (const [id, entries] of readMemberMirrors(child)) added += mirrorMembershipEntries(parent, id, entries);
  for (const [id, entries] of readFederationMirrors(child)) added += mirrorFederationEntries(parent, id, joinRecords(entries));
  return added;
}

const JOIN_RECORDS: ReadonlySet<unknown> = new Set(['join-request', 'accept', 'leave-parent']);

/**
 * Only what tells who joined (requests, acceptances, leaves): never a parent-link, which carries
 * the parent's room secret and must not reach a document read by people outside that parent.
 */
const joinRecords = (entries: readonly unknown[]): unknown[] =>
  entries.filter((entry) => typeof entry === 'object' && entry !== null && JOIN_RECORDS.has((entry as { type?: unknown }).type));

const idOf = (entry: unknown): string => {
  const id = typeof entry === 'object' && entry !== null ? (entry as { id?: unknown }).id : undefined;
  return typeof id === 'string' ? id : '';
};
