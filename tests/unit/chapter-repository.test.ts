import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { chapterNotes, createChapterDocument, readChapter, updateChapter } from '../../src/crdt/chapter-repository';
import { checkSchema, SCHEMA_VERSION } from '../../src/crdt/schema';
import type { ChapterDetails } from '../../src/domain/chapter';

const details: ChapterDetails = {
  name: 'Vienna',
  location: { city: 'Vienna', region: 'Wien', country: 'Austria' },
  foundedOn: '2013-03-02',
  description: 'Protests, talks and workshops.',
  level: 'local',
};

const sync = (a: Y.Doc, b: Y.Doc) => {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
};

describe('chapter repository', () => {
  it('round-trips a chapter through a Yjs update', () => {
    const doc = new Y.Doc();
    createChapterDocument(doc, details, '2026-11-24T10:00:00.000Z');
    const copy = new Y.Doc();
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
    expect(readChapter(copy)).toEqual(details);
    expect(checkSchema(copy)).toEqual({ kind: 'current' });
    expect(copy.getMap('meta').get('schemaVersion')).toBe(SCHEMA_VERSION);
  });

  it('reads nothing from an empty document', () => {
    expect(readChapter(new Y.Doc())).toBeUndefined();
    expect(checkSchema(new Y.Doc())).toEqual({ kind: 'empty' });
  });

  it('merges concurrent edits to different fields', () => {
    const a = new Y.Doc();
    createChapterDocument(a, details, '2026-11-24T10:00:00.000Z');
    const b = new Y.Doc();
    sync(a, b);
    updateChapter(a, { ...details, name: 'Vienna chapter' });
    updateChapter(b, { ...details, description: 'Now with a reading group.' });
    sync(a, b);
    expect(readChapter(a)).toEqual({ ...details, name: 'Vienna chapter', description: 'Now with a reading group.' });
    expect(readChapter(b)).toEqual(readChapter(a));
  });

  it('keeps fields written by a newer version when this version edits', () => {
    const doc = new Y.Doc();
    createChapterDocument(doc, details, '2026-11-24T10:00:00.000Z');
    doc.getMap('chapter').set('futureField', 'keep me');
    doc.getMap('meta').set('schemaVersion', SCHEMA_VERSION + 1);
    updateChapter(doc, { ...details, name: 'Renamed' });
    expect(doc.getMap('chapter').get('futureField')).toBe('keep me');
    expect(checkSchema(doc)).toEqual({ kind: 'newer', version: SCHEMA_VERSION + 1 });
  });

  it('merges concurrent typing in the shared notes', () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    chapterNotes(a).apply({ index: 0, deleteCount: 0, insert: 'Agenda: ' });
    sync(a, b);
    chapterNotes(a).apply({ index: 8, deleteCount: 0, insert: 'bookfair' });
    chapterNotes(b).apply({ index: 0, deleteCount: 0, insert: '# Notes\n' });
    sync(a, b);
    expect(chapterNotes(a).read()).toBe('# Notes\nAgenda: bookfair');
    expect(chapterNotes(b).read()).toBe(chapterNotes(a).read());
  });

  it('reports remote changes to observers but not local ones', () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    const seen: unknown[] = [];
    chapterNotes(a).observeRemote((delta) => seen.push(delta));
    chapterNotes(a).apply({ index: 0, deleteCount: 0, insert: 'mine' });
    expect(seen).toEqual([]);
    sync(a, b);
    chapterNotes(b).apply({ index: 4, deleteCount: 0, insert: ' and yours' });
    sync(a, b);
    expect(seen).toEqual([[{ retain: 4 }, { insert: ' and yours' }]]);
  });
});
