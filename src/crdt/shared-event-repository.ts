import type * as Y from 'yjs';
import type { SharedEventCopy, SharedStatus } from '../domain/organizing/shared-events';
import { SHARED_STATUSES, sharedCopyKey } from '../domain/organizing/shared-events';

/**
 * Copies of events member chapters shared with the federation, in a branch's document: one plain
 * value per `<chapter id>_<event id>` key. A whole value is replaced at once, so two devices
 * writing the same copy concurrently merge to one of two equal values; the branch's own `events`
 * map is never touched.
 */
const copiesMap = (doc: Y.Doc): Y.Map<unknown> => doc.getMap('sharedEvents');

const str = (value: unknown): string => (typeof value === 'string' ? value : '');

function readCopy(key: string, value: unknown): SharedEventCopy | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const raw = value as Record<string, unknown>;
  const copy: SharedEventCopy = {
    key,
    sourceId: str(raw.sourceId),
    sourceName: str(raw.sourceName),
    eventId: str(raw.eventId),
    title: str(raw.title),
    start: str(raw.start),
    end: str(raw.end),
    allDay: raw.allDay === true,
    timeZone: str(raw.timeZone),
    place: str(raw.place),
    link: str(raw.link),
    description: str(raw.description),
    updatedAt: str(raw.updatedAt),
    status: (SHARED_STATUSES as readonly unknown[]).includes(raw.status) ? (raw.status as SharedStatus) : 'withdrawn',
  };
  // A value stored under another event's key, or without readable times, is not shown.
  if (key !== sharedCopyKey(copy.sourceId, copy.eventId) || !copy.title) return undefined;
  return Number.isNaN(Date.parse(copy.start)) || Number.isNaN(Date.parse(copy.end)) ? undefined : copy;
}

export function readSharedCopies(doc: Y.Doc): ReadonlyMap<string, SharedEventCopy> {
  const out = new Map<string, SharedEventCopy>();
  for (const [key, value] of copiesMap(doc).entries()) {
    const copy = readCopy(key, value);
    if (copy) out.set(key, copy);
  }
  return out;
}

export function readSharedCopy(doc: Y.Doc, key: string): SharedEventCopy | undefined {
  return readCopy(key, copiesMap(doc).get(key));
}

/** Writes copies as planned by `planMirror` (one transaction; nothing at all when none). */
export function writeSharedCopies(doc: Y.Doc, copies: readonly SharedEventCopy[]): void {
  if (copies.length === 0) return;
  doc.transact(() => {
    for (const { key, ...value } of copies) copiesMap(doc).set(key, value);
  });
}

export function observeSharedCopies(doc: Y.Doc, listener: () => void): () => void {
  const copies = copiesMap(doc);
  const handler = () => listener();
  copies.observe(handler);
  return () => copies.unobserve(handler);
}
