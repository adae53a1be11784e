import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { connectAfter } from '../../src/app/connect-after-load';
import { chapterNotes, createChapterDocument, readChapter } from '../../src/crdt/chapter-repository';
import type { DocId } from '../../src/domain/ids';
import { openDocumentStorage } from '../../src/persistence/document-storage';
import type { SyncConnection, SyncState } from '../../src/sync/transport';

let counter = 0;
const freshId = () => `quietload${String(++counter).padStart(4, '0')}${Date.now()}` as DocId;

async function storedChapter(id: DocId) {
  const doc = new Y.Doc();
  const storage = openDocumentStorage(id, doc);
  await storage.loaded;
  createChapterDocument(doc, { name: 'Leeds', location: { city: 'Leeds', region: '', country: 'UK' }, foundedOn: '', description: '', level: 'local' }, '2026-11-24T00:00:00.000Z');
  chapterNotes(doc).apply({ index: 0, deleteCount: 0, insert: 'Stored words.' });
  await storage.flushed();
  await storage.destroy();
  doc.destroy();
}

describe('loading a stored document', () => {
  it('does not encode the stored state again for update listeners, but tells them it changed', async () => {
    const id = freshId();
    await storedChapter(id);
    const doc = new Y.Doc();
    const updates: Uint8Array[] = [];
    doc.on('update', (update: Uint8Array) => updates.push(update));
    const storage = openDocumentStorage(id, doc);
    await storage.loaded;
    expect(readChapter(doc)?.name).toBe('Leeds');
    // One notice, carrying no content (the bytes are already on disk).
    expect(updates).toHaveLength(1);
    const probe = new Y.Doc();
    Y.applyUpdate(probe, updates[0] as Uint8Array);
    expect(probe.store.clients.size).toBe(0);

    // Edits after loading reach listeners and the disk as before.
    chapterNotes(doc).apply({ index: 0, deleteCount: 0, insert: 'New. ' });
    expect(updates.length).toBe(2);
    expect((updates[1] as Uint8Array).length).toBeGreaterThan(2);
    await storage.flushed();
    await storage.destroy();
    doc.destroy();

    const again = new Y.Doc();
    const reopened = openDocumentStorage(id, again);
    await reopened.loaded;
    expect(chapterNotes(again).read()).toBe('New. Stored words.');
    await reopened.destroy();
  });

  it('sends no notice for an empty store', async () => {
    const doc = new Y.Doc();
    let notices = 0;
    doc.on('update', () => notices++);
    const storage = openDocumentStorage(freshId(), doc);
    await storage.loaded;
    expect(notices).toBe(0);
    await storage.destroy();
  });
});

describe('connecting after the load', () => {
  const fakeConnection = (): SyncConnection & { readonly paused: () => boolean; readonly destroyed: () => boolean } => {
    let paused = false;
    let destroyed = false;
    const state: SyncState = { kind: 'connected', peers: 1 };
    return {
      state: () => state,
      onState: () => () => undefined,
      pause: () => {
        paused = true;
      },
      resume: () => {
        paused = false;
      },
      destroy: () => {
        destroyed = true;
      },
      paused: () => paused,
      destroyed: () => destroyed,
    };
  };

  it('starts the connection only once the document is read, keeping a pause asked for meanwhile', async () => {
    let release: () => void = () => undefined;
    const ready = new Promise<void>((resolve) => {
      release = resolve;
    });
    const inner = fakeConnection();
    let started = 0;
    const connection = connectAfter(ready, () => {
      started++;
      return inner;
    });
    connection.pause();
    expect(connection.state()).toEqual({ kind: 'paused' });
    expect(started).toBe(0);
    release();
    await ready;
    await Promise.resolve();
    expect(started).toBe(1);
    expect(inner.paused()).toBe(true);
    connection.resume();
    expect(inner.paused()).toBe(false);
    expect(connection.state()).toEqual({ kind: 'connected', peers: 1 });
  });

  it('never starts once destroyed', async () => {
    let started = 0;
    const connection = connectAfter(Promise.resolve(), () => {
      started++;
      return fakeConnection();
    });
    connection.destroy();
    await Promise.resolve();
    await Promise.resolve();
    expect(started).toBe(0);
  });
});
