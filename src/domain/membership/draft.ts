import {
  type ChapterId,
  type DeviceKey,
  ENTRY_LIMITS,
  type EntryBody,
  type EntryId,
  type MembershipEntry,
  type UnsignedEntry,
} from './types';

export interface DraftContext {
  readonly chapterId: ChapterId;
  readonly author: DeviceKey;
  /** The entries the author has seen that nothing else references (see `headsOf`). */
  readonly parents: ReadonlyArray<Pick<MembershipEntry, 'id' | 'counter'>>;
  readonly createdAt: string;
}

/** Max parent counter + 1; 1 when there are no parents. */
export function nextCounter(parents: ReadonlyArray<Pick<MembershipEntry, 'counter'>>): number {
  let max = 0;
  for (const parent of parents) max = Math.max(max, parent.counter);
  return max + 1;
}

/**
 * Builds the unsigned entry to hand to the signer: parents de-duplicated and sorted, and, past
 * the limit, only the latest ones kept (they still place the entry after everything it saw but
 * the oldest concurrent branches).
 */
export function draftEntry(body: EntryBody, context: DraftContext): UnsignedEntry {
  const unique = [...new Map(context.parents.map((parent) => [parent.id, parent] as const)).values()];
  const kept = unique
    .sort((a, b) => b.counter - a.counter || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .slice(0, ENTRY_LIMITS.parents);
  return {
    ...body,
    chapterId: context.chapterId,
    author: context.author,
    parents: kept.map((parent) => parent.id).sort(),
    counter: nextCounter(kept),
    createdAt: context.createdAt,
  } as UnsignedEntry;
}

/**
 * The entries no other entry names as a parent: what a new entry should reference. Pass only the
 * entries that validated (not pending, not forged) so new entries never hang on bad data.
 */
export function headsOf(
  entries: ReadonlyArray<Pick<MembershipEntry, 'id' | 'parents' | 'counter'>>,
): ReadonlyArray<Pick<MembershipEntry, 'id' | 'counter'>> {
  const referenced = new Set<EntryId>();
  for (const entry of entries) for (const parent of entry.parents) referenced.add(parent);
  const seen = new Set<EntryId>();
  const heads: Array<Pick<MembershipEntry, 'id' | 'counter'>> = [];
  for (const entry of entries) {
    if (referenced.has(entry.id) || seen.has(entry.id)) continue;
    seen.add(entry.id);
    heads.push({ id: entry.id, counter: entry.counter });
  }
  return heads.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
