import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createDocumentRegistry, type SaveState } from '../../src/app/documents';
import { chapterNotes } from '../../src/crdt/chapter-repository';
import type { DocId, RoomSecret } from '../../src/domain/ids';
import { createCatalog, openCatalog } from '../../src/persistence/catalog';
import { isQuotaError, openDocumentStorage } from '../../src/persistence/document-storage';
import { createMemoryNetwork } from '../../src/sync/memory-transport';

// A full disk, as browsers report it: the write's transaction aborts with QuotaExceededError.
// fake-indexeddb's internal _abort(name) is what its own failed operations use.
const store = IDBObjectStore.prototype as unknown as { add: (this: IDBObjectStore, ...args: unknown[]) => IDBRequest };
const realAdd = store.add;
let diskFull = false;
store.add = function add(this: IDBObjectStore, ...args: unknown[]) {
  const request = realAdd.apply(this, args);
  if (diskFull) (this.transaction as unknown as { _abort(name: string): void })._abort('QuotaExceededError');
  return request;
};
afterEach(() => {
  diskFull = false;
});

let counter = 0;
const freshId = () => `quotatest${String(++counter).padStart(4, '0')}${Date.now()}` as DocId;
const type = (doc: Y.Doc, text: string) => {
  const notes = chapterNotes(doc);
  notes.apply({ index: notes.read().length, deleteCount: 0, insert: text });
};

describe('storage full while saving', () => {
  it('reports the failure, keeps the document in memory, and stores everything once space is back', async () => {
    const id = freshId();
    const doc = new Y.Doc();
    const storage = openDocumentStorage(id, doc);
    await storage.loaded;
    type(doc, 'Before. ');
    await storage.flushed();

    diskFull = true;
    type(doc, 'During. ');
    const failure = await storage.flushed().then(
      () => null,
      (error: unknown) => error,
    );
    expect(isQuotaError(failure)).toBe(true);
    expect(chapterNotes(doc).read()).toBe('Before. During. ');

    diskFull = false;
    type(doc, 'After.');
    await storage.flushed();
    await storage.destroy();
    const reopened = new Y.Doc();
    const again = openDocumentStorage(id, reopened);
    await again.loaded;
    // "During." was lost on disk and only recovered because the whole state was stored again.
    expect(chapterNotes(reopened).read()).toBe('Before. During. After.');
    await again.clear();
  });

  it('never shows "saved" while a write is lost, and shows it again once one succeeds', async () => {
    const catalog = createCatalog(openCatalog(`quota-catalog-${Date.now()}`));
    const documents = createDocumentRegistry({
      catalog,
      transport: createMemoryNetwork().transport,
      openStorage: openDocumentStorage,
      now: () => new Date().toISOString(),
      onFirstWrite: () => undefined,
    });
    documents.setOnline(false);
    const opened = documents.openDocument(freshId(), 's'.repeat(43) as RoomSecret);
    await opened.storage.loaded;
    const states: SaveState[] = [];
    opened.onSaveState((state) => states.push(state));
    const settled = () =>
      new Promise<SaveState>((resolve) => {
        const off = opened.onSaveState((state) => {
          if (state === 'saving') return;
          off();
          resolve(state);
        });
      });

    diskFull = true;
    let next = settled();
    type(opened.doc, 'Lost on disk. ');
    expect(await next).toBe('failed');
    expect(opened.saveState()).toBe('failed');
    expect(chapterNotes(opened.doc).read()).toBe('Lost on disk. ');

    diskFull = false;
    next = settled();
    type(opened.doc, 'Space freed.');
    expect(await next).toBe('saved');
    expect(states).toEqual(['saving', 'failed', 'saving', 'saved']);
    await documents.close(opened.docId);
  });
});
