import type * as Y from 'yjs';
import { readChapter } from '../crdt/chapter-repository';
import { readMeetings } from '../crdt/meeting-repository';
import type { DocId } from '../domain/ids';
import type { ChapterSummaries, ChapterSummary } from '../persistence/chapter-summaries';
import { writeSummaryFrame } from '../persistence/summary-frame';
import { onIdle } from './idle';
import { frameOf } from './summary-frame';

const LATEST_MEETINGS = 5;
/** Typing bursts settle before the summary is rewritten (it is never on the typing path). */
const REWRITE_DELAY_MS = 2_000;

/** The summary of a chapter document as it is now; undefined while it has no chapter details. */
export function summarizeChapter(docId: DocId, doc: Y.Doc, now: string): ChapterSummary | undefined {
  const details = readChapter(doc);
  if (!details) return undefined;
  const meetings = readMeetings(doc);
  const latestMeetings = meetings
    .slice(-LATEST_MEETINGS)
    .reverse()
    .map((meeting) => ({ id: meeting.id, title: meeting.title, startsAt: meeting.startsAt }));
  return { docId, details, meetingCount: meetings.length, latestMeetings, writtenAt: now };
}

const sameContent = (a: ChapterSummary | undefined, b: ChapterSummary): boolean =>
  a !== undefined && JSON.stringify({ ...a, writtenAt: '' }) === JSON.stringify({ ...b, writtenAt: '' });

const whenIdle = (run: () => void): (() => void) => onIdle(run, REWRITE_DELAY_MS);

/**
 * Keeps the stored summary of a loaded document in step with it: once now, then after changes
 * (debounced, in idle time). Returns the function that stops it.
 */
export function keepChapterSummary(deps: {
  readonly docId: DocId;
  readonly doc: Y.Doc;
  readonly summaries: ChapterSummaries;
  readonly now: () => string;
}): () => void {
  let last: ChapterSummary | undefined;
  let cancel: (() => void) | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let stopped = false;
  const write = () => {
    cancel = null;
    const next = summarizeChapter(deps.docId, deps.doc, deps.now());
    if (!next) return;
    // Every time, not only on change: the language may have changed, or the frame never been kept.
    writeSummaryFrame(deps.docId, frameOf(next));
    if (sameContent(last, next)) return;
    last = next;
    void deps.summaries.write(next).catch(() => undefined);
  };
  const schedule = () => {
    if (timer !== null || cancel !== null) return;
    timer = setTimeout(() => {
      timer = null;
      cancel = whenIdle(write);
    }, REWRITE_DELAY_MS);
  };
  void deps.summaries.read(deps.docId).then((stored) => {
    if (stopped) return;
    last ??= stored;
    cancel ??= whenIdle(write);
  });
  deps.doc.on('update', schedule);
  return () => {
    stopped = true;
    deps.doc.off('update', schedule);
    if (timer !== null) clearTimeout(timer);
    cancel?.();
  };
}
