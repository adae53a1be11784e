import type { DocId } from '../domain/ids';

/**
 * A chapter's summary as ready-to-paint text (already translated and formatted), kept so that
 * src/boot.ts can paint the chapter before any of the app's code has loaded.
 *
 * In localStorage rather than Dexie on purpose: it reads synchronously, so the very first frame
 * can show the chapter, and it needs no database code. It is a copy of the Dexie summary (itself
 * a copy of the document), small, device-only, and removed with the chapter's catalog entry.
 */
export interface SummaryFrame {
  readonly lang: string;
  readonly dir: 'ltr' | 'rtl';
  readonly name: string;
  /** Place and founding date, one line. */
  readonly sub: string;
  readonly description: string;
  /** What the page says while the document is read. */
  readonly status: string;
  /** Empty when the chapter has no meetings. */
  readonly heading: string;
  readonly meetings: readonly { readonly title: string; readonly date: string }[];
}

const PREFIX = 'chapterhouse:summary-frame:';
const frameKey = (docId: string): string => `${PREFIX}${docId}`;

const storage = (): Storage | null => {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    // A browser with storage blocked throws on access.
    return null;
  }
};

/** Best effort: a frame that cannot be kept (quota, blocked storage) only means a plainer start. */
export function writeSummaryFrame(docId: DocId, frame: SummaryFrame): void {
  try {
    storage()?.setItem(frameKey(docId), JSON.stringify(frame));
  } catch {
    // Nothing lost: the app paints from Dexie and the document as before.
  }
}

export function removeSummaryFrame(docId: DocId): void {
  try {
    storage()?.removeItem(frameKey(docId));
  } catch {
    // Blocked storage holds no frame.
  }
}

const isText = (value: unknown): value is string => typeof value === 'string';

/** The stored frame, or undefined if there is none or it is not in the expected shape. */
export function readSummaryFrame(docId: string): SummaryFrame | undefined {
  let value: unknown;
  try {
    value = JSON.parse(storage()?.getItem(frameKey(docId)) ?? 'null');
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null) return undefined;
  const frame = value as Record<string, unknown>;
  const texts = [frame.lang, frame.name, frame.sub, frame.description, frame.status, frame.heading];
  if (!texts.every(isText) || (frame.dir !== 'ltr' && frame.dir !== 'rtl') || !Array.isArray(frame.meetings)) return undefined;
  const meetings = frame.meetings as unknown[];
  const wellFormed = meetings.every((meeting) => typeof meeting === 'object' && meeting !== null && isText((meeting as { title?: unknown }).title) && isText((meeting as { date?: unknown }).date));
  return wellFormed ? (value as SummaryFrame) : undefined;
}
