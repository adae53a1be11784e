import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import type { DocId } from '../../../src/domain/ids';
import { createCatalog, openCatalog } from '../../../src/persistence/catalog';
import { createDirectoryIndex, type DirectoryRow, directoryWords } from '../../../src/persistence/directory-index';

let name = '';
afterEach(async () => {
  await Dexie.delete(name);
});

const chapter = (docId: string, title: string, place: string, foundedOn: string): DirectoryRow => ({
  key: docId,
  kind: 'chapter',
  docId: docId as DocId,
  name: title,
  place,
  level: 'local',
  foundedOn,
  chapterName: '',
  skills: [],
  since: foundedOn,
  words: directoryWords(title, place),
});

const member = (docId: string, id: string, who: string, place: string, skills: string[], since: string): DirectoryRow => ({
  key: `${docId}/${id}`,
  kind: 'member',
  docId: docId as DocId,
  name: who,
  place,
  level: 'local',
  foundedOn: '',
  chapterName: 'x',
  skills,
  since,
  words: directoryWords(who, place, ...skills),
});

describe('directory index (Dexie)', () => {
  it('lists newest first and searches by name, place or skill prefix', async () => {
    name = `directory-${Math.random()}`;
    const catalog = createCatalog(openCatalog(name));
    const directory = createDirectoryIndex(catalog.directoryTable);
    await directory.replace('kentchapter000000' as DocId, [
      chapter('kentchapter000000', 'Kent chapter', 'Canterbury, Kent, UK', '2019-05-01'),
      member('kentchapter000000', 'm1', 'Ana Ruiz', 'Canterbury, Kent, UK', ['first aid', 'printing'], '2026-01-01T00:00:00Z'),
    ]);
    await directory.replace('dublinchapter0000' as DocId, [
      chapter('dublinchapter0000', 'Dublin chapter', 'Dublin, Ireland', '2024-02-02'),
      member('dublinchapter0000', 'm2', 'Ben Ó Súilleabháin', 'Dublin, Ireland', [], '2026-02-01T00:00:00Z'),
    ]);
    expect((await directory.newest('chapter', 10)).map((row) => row.name)).toEqual(['Dublin chapter', 'Kent chapter']);
    expect((await directory.newest('member', 10)).map((row) => row.name)).toEqual(['Ben Ó Súilleabháin', 'Ana Ruiz']);
    expect((await directory.search('print', 10)).map((row) => row.name)).toEqual(['Ana Ruiz']);
    expect((await directory.search('CANTER', 10)).map((row) => row.name)).toEqual(['Kent chapter', 'Ana Ruiz']);
    expect((await directory.search('súill', 10)).map((row) => row.name)).toEqual(['Ben Ó Súilleabháin']);
    expect((await directory.search('dublin chap', 10)).map((row) => row.name)).toEqual(['Dublin chapter']);
    expect(await directory.search('   ', 10)).toEqual([]);
    // Re-indexing a document replaces its rows: a member who left disappears.
    await directory.replace('kentchapter000000' as DocId, [chapter('kentchapter000000', 'Kent chapter', 'Canterbury, Kent, UK', '2019-05-01')]);
    expect(await directory.search('ana', 10)).toEqual([]);
    catalog.close();
  });
});
