import type { EntityTable } from 'dexie';
import type { ChapterDetails } from '../domain/chapter';
import type { DocId } from '../domain/ids';

/** A meeting as the chapter page lists it before the document is read. */
export interface SummaryMeeting {
  readonly id: string;
  readonly title: string;
  readonly startsAt: string;
}

/**
 * What the chapter page shows at once, before the document has been read from this device:
 * device-only, never synced, rewritten from the document after changes, never written back to it.
 */
export interface ChapterSummary {
  readonly docId: DocId;
  readonly details: ChapterDetails;
  readonly meetingCount: number;
  /** Newest first. */
  readonly latestMeetings: readonly SummaryMeeting[];
  readonly writtenAt: string;
}

export interface ChapterSummaries {
  read(docId: DocId): Promise<ChapterSummary | undefined>;
  write(summary: ChapterSummary): Promise<void>;
  remove(docId: DocId): Promise<void>;
}

export function createChapterSummaries(table: EntityTable<ChapterSummary, 'docId'>): ChapterSummaries {
  return {
    // A summary that cannot be read is only a slower start: the document still loads.
    read: (docId) => table.get(docId).catch(() => undefined),
    write: async (summary) => {
      await table.put(summary);
    },
    remove: async (docId) => {
      await table.delete(docId);
    },
  };
}
