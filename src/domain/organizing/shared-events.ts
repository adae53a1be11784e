import type { FromChapter } from './dashboard';
import type { ChapterEvent } from './types';

/**
 * Events a chapter shares with the federation. A device holding the chapter and its ancestor
 * branches keeps a copy of each shared event in every ancestor's document, under a key made of
 * the chapter's and the event's ids, so two devices mirroring offline write the same entry.
 * Copies are never removed: unsharing withdraws them, cancelling the original cancels them.
 */

/** active: shown; cancelled: the original was called off; withdrawn: no longer shared (hidden). */
export type SharedStatus = 'active' | 'cancelled' | 'withdrawn';
export const SHARED_STATUSES: readonly SharedStatus[] = ['active', 'cancelled', 'withdrawn'];

/** The event as its chapter last saved it (`updatedAt`: a device with an older original never overwrites a newer copy). */
export interface SharedEventCopy
  extends Pick<ChapterEvent, 'title' | 'start' | 'end' | 'allDay' | 'timeZone' | 'place' | 'link' | 'description' | 'updatedAt'> {
  readonly key: string;
  readonly sourceId: string;
  readonly sourceName: string;
  readonly eventId: string;
  readonly status: SharedStatus;
}

/** `_` never occurs in document or record ids, and is allowed in a page address. */
export const sharedCopyKey = (sourceId: string, eventId: string): string => `${sourceId}_${eventId}`;

export function copyOf(sourceId: string, sourceName: string, event: ChapterEvent): SharedEventCopy {
  return {
    key: sharedCopyKey(sourceId, event.id),
    sourceId,
    sourceName,
    eventId: event.id,
    title: event.title,
    start: event.start,
    end: event.end,
    allDay: event.allDay,
    timeZone: event.timeZone,
    place: event.place,
    link: event.link,
    description: event.description,
    updatedAt: event.updatedAt,
    status: !event.shared ? 'withdrawn' : event.cancelled ? 'cancelled' : 'active',
  };
}

const COPY_FIELDS = ['sourceId', 'sourceName', 'eventId', 'title', 'start', 'end', 'allDay', 'timeZone', 'place', 'link', 'description', 'updatedAt', 'status'] as const;

export const sameCopy = (a: SharedEventCopy, b: SharedEventCopy): boolean => COPY_FIELDS.every((field) => a[field] === b[field]);

/**
 * The copies to write into one ancestor so it matches the source chapter's events: new shared
 * events, changed ones, and withdrawn or cancelled ones. Nothing when already in step
 * (idempotent), and nothing over a copy newer than this device's original (stale devices wait).
 * An original missing here is left alone: the chapter may simply not have synced yet.
 */
export function planMirror(
  sourceId: string,
  sourceName: string,
  events: readonly ChapterEvent[],
  existing: ReadonlyMap<string, SharedEventCopy>,
): readonly SharedEventCopy[] {
  const writes: SharedEventCopy[] = [];
  for (const event of events) {
    const current = existing.get(sharedCopyKey(sourceId, event.id));
    if (!event.shared && (!current || current.status === 'withdrawn')) continue;
    const next = copyOf(sourceId, sourceName, event);
    if (current && (sameCopy(current, next) || current.updatedAt > next.updatedAt)) continue;
    writes.push(next);
  }
  return writes;
}

/** One row of an events list across the federation. */
export type ListedEvent =
  | { readonly kind: 'own'; readonly key: string; readonly entry: FromChapter<ChapterEvent> }
  | { readonly kind: 'shared'; readonly key: string; readonly heldIn: string; readonly copy: SharedEventCopy };

/**
 * Events of the branches on this device plus the copies other chapters shared into their
 * ancestors: an original on this device wins over its copies, withdrawn copies are hidden, and
 * of several copies of one event (one per ancestor) the newest is kept.
 */
export function federationEvents(
  own: readonly FromChapter<ChapterEvent>[],
  copies: readonly { readonly heldIn: string; readonly copy: SharedEventCopy }[],
): readonly ListedEvent[] {
  const rows = new Map<string, ListedEvent>();
  for (const entry of own) {
    const key = sharedCopyKey(entry.chapterId, entry.item.id);
    rows.set(key, { kind: 'own', key, entry });
  }
  for (const { heldIn, copy } of copies) {
    if (copy.status === 'withdrawn') continue;
    const known = rows.get(copy.key);
    if (known && (known.kind === 'own' || known.copy.updatedAt >= copy.updatedAt)) continue;
    rows.set(copy.key, { kind: 'shared', key: copy.key, heldIn, copy });
  }
  return [...rows.values()];
}

/** The fields every listed event has, whichever kind it is. */
export function listedTimes(row: ListedEvent): Pick<ChapterEvent, 'title' | 'start' | 'end' | 'allDay' | 'timeZone' | 'place'> & { readonly cancelled: boolean; readonly chapterName: string } {
  if (row.kind === 'own') return { ...row.entry.item, chapterName: row.entry.chapterName };
  return { ...row.copy, cancelled: row.copy.status === 'cancelled', chapterName: row.copy.sourceName };
}
