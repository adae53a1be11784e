import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { chapterNotes, createChapterDocument, readChapter } from '../../src/crdt/chapter-repository';
import type { ChapterDetails } from '../../src/domain/chapter';
import type { DocId, RoomSecret } from '../../src/domain/ids';
import { createCatalog, openCatalog } from '../../src/persistence/catalog';
import { openDocumentStorage } from '../../src/persistence/document-storage';

const details: ChapterDetails = {
  name: 'Kent',
  location: { city: 'Canterbury', region: 'Kent', country: 'UK' },
  foundedOn: '2013-06-01',
  description: '',
  level: 'local',
};

let counter = 0;
const freshId = () => `persistencetest${String(++counter).padStart(4, '0')}${Date.now()}` as DocId;

describe('document storage', () => {
  it('survives closing and reopening the document', async () => {
    const id = freshId();
    const first = new Y.Doc();
    const storage = openDocumentStorage(id, first);
    await storage.loaded;
    createChapterDocument(first, details, '2026-11-24T00:00:00.000Z');
    chapterNotes(first).apply({ index: 0, deleteCount: 0, insert: 'Every word counts.' });
    await storage.flushed();
    await storage.destroy();
    first.destroy();

    const second = new Y.Doc();
    const reopened = openDocumentStorage(id, second);
    await reopened.loaded;
    expect(readChapter(second)).toEqual(details);
    expect(chapterNotes(second).read()).toBe('Every word counts.');
    await reopened.destroy();
  });

  it('keeps edits made before the stored state finished loading', async () => {
    const id = freshId();
    const doc = new Y.Doc();
    const storage = openDocumentStorage(id, doc);
    chapterNotes(doc).apply({ index: 0, deleteCount: 0, insert: 'typed early' });
    await storage.loaded;
    await storage.flushed();
    await storage.destroy();
    const again = new Y.Doc();
    const reopened = openDocumentStorage(id, again);
    await reopened.loaded;
    expect(chapterNotes(again).read()).toBe('typed early');
    await reopened.clear();
  });
});

describe('catalog', () => {
  it('lists documents newest-opened first and applies partial updates', async () => {
    const catalog = createCatalog(openCatalog(`catalog-test-${Date.now()}`));
    const base = { kind: 'chapter' as const, secret: 's'.repeat(43) as RoomSecret, createdAt: '2026-01-01T00:00:00Z', lastSyncedAt: null };
    const a = freshId();
    const b = freshId();
    await catalog.put({ ...base, id: a, title: 'A', lastOpenedAt: '2026-01-01T00:00:00Z' });
    await catalog.put({ ...base, id: b, title: 'B', lastOpenedAt: '2026-01-02T00:00:00Z' });
    expect((await catalog.list()).map((e) => e.title)).toEqual(['B', 'A']);
    await catalog.touch(a, { lastOpenedAt: '2026-01-03T00:00:00Z', lastSyncedAt: '2026-01-03T00:00:00Z' });
    const list = await catalog.list();
    expect(list.map((e) => e.title)).toEqual(['A', 'B']);
    expect(list[0]).toMatchObject({ id: a, title: 'A', secret: base.secret, lastSyncedAt: '2026-01-03T00:00:00Z' });
    await catalog.writeSetting('x', { y: 1 });
    expect(await catalog.readSetting('x')).toEqual({ y: 1 });
    await catalog.remove(b);
    expect(await catalog.get(b)).toBeUndefined();
    catalog.close();
  });

  it("answers the start's reads from one snapshot, and never with what a write replaced", async () => {
    const name = `catalog-snapshot-${Date.now()}`;
    const writer = createCatalog(openCatalog(name));
    await writer.writeSetting('language', 'eo');
    await writer.writeSetting('syncSettings', { signaling: ['ws://a'] });
    writer.close();

    const db = openCatalog(name);
    const catalog = createCatalog(db);
    // The start's reads, issued together: all answered from one transaction.
    const [language, sync, device, entries] = await Promise.all([
      catalog.readSetting('language'),
      catalog.readSetting('syncSettings'),
      catalog.readDeviceKey(),
      catalog.list(),
    ]);
    expect([language, sync, device, entries]).toEqual(['eo', { signaling: ['ws://a'] }, undefined, []]);
    // Another tab writes: a second read of the same key goes to the database, not to the snapshot.
    await db.settings.put({ key: 'language', value: 'fr' });
    expect(await catalog.readSetting('language')).toBe('fr');
    // A write through this catalog retires the snapshot for every key.
    await db.settings.put({ key: 'profile', value: { displayName: 'Ada' } });
    await catalog.writeSetting('other', 1);
    expect(await catalog.readSetting('profile')).toEqual({ displayName: 'Ada' });
    catalog.close();
  });

  it('notifies subscribers of changes', async () => {
    const catalog = createCatalog(openCatalog(`catalog-live-${Date.now()}`));
    const id = freshId();
    const seen = new Promise<string[]>((resolve) => {
      const stop = catalog.subscribe((entries) => {
        if (entries.length === 0) return;
        stop();
        resolve(entries.map((e) => e.title));
      });
    });
    await catalog.put({
      id,
      kind: 'chapter',
      title: 'Live',
      secret: 's'.repeat(43) as RoomSecret,
      createdAt: '2026-01-01T00:00:00Z',
      lastOpenedAt: '2026-01-01T00:00:00Z',
      lastSyncedAt: null,
    });
    expect(await seen).toEqual(['Live']);
    catalog.close();
  });
});
