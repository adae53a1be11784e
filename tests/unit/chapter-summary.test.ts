import { createRoot } from 'solid-js';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { keepChapterSummary, summarizeChapter } from '../../src/app/chapter-summary';
import { createChapterActions } from '../../src/app/chapters';
import { createDocumentRegistry } from '../../src/app/documents';
import type { MembersStore } from '../../src/app/members';
import { createChapterDocument, readChapter, updateChapter } from '../../src/crdt/chapter-repository';
import { createMeeting } from '../../src/crdt/meeting-repository';
import type { ChapterDetails } from '../../src/domain/chapter';
import type { DocId, RoomSecret } from '../../src/domain/ids';
import { createCatalog, newCatalogEntry, openCatalog } from '../../src/persistence/catalog';
import { type ChapterSummaries, type ChapterSummary, createChapterSummaries } from '../../src/persistence/chapter-summaries';
import { openDocumentStorage } from '../../src/persistence/document-storage';
import { createMemoryNetwork } from '../../src/sync/memory-transport';

const details: ChapterDetails = {
  name: 'Bristol',
  location: { city: 'Bristol', region: '', country: 'UK' },
  foundedOn: '2019-03-01',
  description: 'Tenants and workers.',
  level: 'local',
};

let counter = 0;
const freshId = () => `summarytest${String(++counter).padStart(4, '0')}${Date.now()}` as DocId;
const meeting = (title: string, startsAt: string) => ({ title, startsAt, place: 'Hall', link: '', facilitatorId: null, noteTakerIds: [] });

function chapterDoc(meetings: number): Y.Doc {
  const doc = new Y.Doc();
  createChapterDocument(doc, details, '2026-01-01T00:00:00.000Z');
  for (let i = 1; i <= meetings; i++) createMeeting(doc, `m${i}`, meeting(`Meeting ${i}`, `2026-${String(i).padStart(2, '0')}-05T18:00:00Z`), 'member', '2026-01-01T00:00:00.000Z');
  return doc;
}

/** The summary store, telling each write to whoever waits for one (writes happen in idle time). */
function recordingSummaries(name: string) {
  const catalog = createCatalog(openCatalog(name));
  const store = createChapterSummaries(catalog.summaryTable);
  const waiting = new Set<(summary: ChapterSummary) => void>();
  const summaries: ChapterSummaries = {
    ...store,
    write: async (summary) => {
      await store.write(summary);
      for (const notify of waiting) notify(summary);
    },
  };
  const nextWrite = (check: (summary: ChapterSummary) => boolean) =>
    new Promise<ChapterSummary>((resolve) => {
      const notify = (summary: ChapterSummary) => {
        if (!check(summary)) return;
        waiting.delete(notify);
        resolve(summary);
      };
      waiting.add(notify);
    });
  return { catalog, summaries, nextWrite };
}

describe('chapter summary (read model)', () => {
  it('holds the details, the meeting count and the latest meetings, newest first', () => {
    const summary = summarizeChapter('d' as DocId, chapterDoc(7), '2026-11-30T00:00:00.000Z');
    expect(summary?.details).toEqual(details);
    expect(summary?.meetingCount).toBe(7);
    expect(summary?.latestMeetings.map((m) => m.title)).toEqual(['Meeting 7', 'Meeting 6', 'Meeting 5', 'Meeting 4', 'Meeting 3']);
  });

  it('is absent for a document without chapter details (a newcomer waiting for sync)', () => {
    expect(summarizeChapter('d' as DocId, new Y.Doc(), '2026-11-30T00:00:00.000Z')).toBeUndefined();
  });

  it('is written from the document, read back, and rewritten after a change', async () => {
    const { catalog, summaries, nextWrite } = recordingSummaries(`summary-catalog-${Date.now()}`);
    const docId = freshId();
    const doc = chapterDoc(2);
    const firstWrite = nextWrite((summary) => summary.details.name === 'Bristol');
    const stop = keepChapterSummary({ docId, doc, summaries, now: () => '2026-11-30T00:00:00.000Z' });
    await firstWrite;
    expect((await summaries.read(docId))?.meetingCount).toBe(2);
    const secondWrite = nextWrite((summary) => summary.details.name === 'Bristol & Bath');
    updateChapter(doc, { ...details, name: 'Bristol & Bath' });
    await secondWrite;
    const second = await summaries.read(docId);
    expect(second?.details.name).toBe('Bristol & Bath');
    expect(second?.latestMeetings[0]?.title).toBe('Meeting 2');
    stop();
    catalog.close();
  }, 15_000);

  it('is shown while the document is not on this device, gives way to the live one, and is never written to it', async () => {
    const { catalog, summaries, nextWrite } = recordingSummaries(`summary-view-${Date.now()}`);
    const documents = createDocumentRegistry({
      catalog,
      transport: createMemoryNetwork().transport,
      openStorage: openDocumentStorage,
      now: () => new Date().toISOString(),
      onFirstWrite: () => undefined,
    });
    documents.setOnline(false);
    const docId = freshId();
    const secret = 's'.repeat(43) as RoomSecret;
    // The summary store knows the chapter; its document store is gone (cleared, or never stored).
    await summaries.write({ docId, details: { ...details, name: 'Old name' }, meetingCount: 0, latestMeetings: [], writtenAt: '2026-01-01T00:00:00.000Z' });
    await catalog.put(newCatalogEntry({ id: docId, title: 'Old name', secret }, '2026-01-01T00:00:00.000Z'));
    const actions = createChapterActions({ catalog, documents, loadMembers: () => Promise.reject(new Error('unused')) as Promise<MembersStore>, summaries });
    const entry = await catalog.get(docId);
    if (!entry) throw new Error('no entry');

    await createRoot(async (dispose) => {
      const view = actions.viewChapter(entry);
      const opened = documents.get(docId);
      if (!opened) throw new Error('not open');
      await opened.storage.loaded;
      await summaries.read(docId);
      expect(view.loaded()).toBe(true);
      expect(view.details()).toBeUndefined();
      expect(view.summary()?.details.name).toBe('Old name');
      // Showing it wrote nothing into the document.
      expect(readChapter(opened.doc)).toBeUndefined();

      // The chapter arrives (from a peer): the live document wins at once, and the summary follows it.
      const rewritten = nextWrite((summary) => summary.details.name === 'Bristol');
      Y.applyUpdate(opened.doc, Y.encodeStateAsUpdate(chapterDoc(1)));
      expect(view.details()?.name).toBe('Bristol');
      expect(view.summary()).toBeUndefined();
      expect((await rewritten).meetingCount).toBe(1);
      dispose();
    });
    await documents.close(docId);
    catalog.close();
  }, 15_000);
});
