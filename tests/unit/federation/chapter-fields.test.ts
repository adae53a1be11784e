import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createChapterDocument, readChapter, updateChapter } from '../../../src/crdt/chapter-repository';
import { type ChapterInput, validateChapter } from '../../../src/domain/chapter';

const TODAY = '2026-11-30';
const base: ChapterInput = { name: 'Kent', city: 'Canterbury', region: 'Kent', country: 'UK', foundedOn: '2020-01-01', description: '' };

describe('chapter languages, links and level', () => {
  it('parses languages and links, dropping duplicates and blank lines', () => {
    const result = validateChapter(
      { ...base, languages: 'English, esperanto, , English, Esperanto', links: 'https://kent.example.org\n\nkent@example.org\n', level: 'regional' },
      TODAY,
    );
    expect(result.ok && result.value).toMatchObject({
      languages: ['English', 'esperanto'],
      links: ['https://kent.example.org', 'kent@example.org'],
      level: 'regional',
    });
  });

  it('refuses unsafe or unknown links and unknown levels, storing nothing', () => {
    for (const links of ['javascript:alert(1)', 'ftp://x.org', 'not a link', 'data:text/html,hi']) {
      const result = validateChapter({ ...base, links }, TODAY);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error).toEqual([{ field: 'links', code: 'invalidLink', value: links }]);
    }
    const level = validateChapter({ ...base, level: 'galactic' }, TODAY);
    expect(!level.ok && level.error).toEqual([{ field: 'level', code: 'invalidLevel' }]);
    const many = validateChapter({ ...base, languages: Array.from({ length: 21 }, (_, i) => `L${i}`).join(',') }, TODAY);
    expect(!many.ok && many.error[0]).toEqual({ field: 'languages', code: 'tooMany', max: 20 });
  });

  it('round-trips the new fields and still reads documents written without them', () => {
    const checked = validateChapter({ ...base, languages: 'English', links: 'https://kent.example.org', level: 'national' }, TODAY);
    if (!checked.ok) throw new Error('expected valid');
    const doc = new Y.Doc();
    createChapterDocument(doc, checked.value, '2026-11-30T00:00:00Z');
    const copy = new Y.Doc();
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
    expect(readChapter(copy)).toEqual(checked.value);

    const old = new Y.Doc();
    const legacy = old.getMap('chapter');
    legacy.set('name', 'Old chapter');
    legacy.set('foundedOn', '2001-01-01');
    expect(readChapter(old)).toEqual({
      name: 'Old chapter',
      location: { city: '', region: '', country: '' },
      foundedOn: '2001-01-01',
      description: '',
      level: 'local',
    });
    const bad = new Y.Doc();
    bad.getMap('chapter').set('name', 'X');
    bad.getMap('chapter').set('languages', 'not a list');
    bad.getMap('chapter').set('level', 'galactic');
    expect(readChapter(bad)).toMatchObject({ languages: [], level: 'local' });
  });

  it('edits keep a list unchanged when it is not part of the edit', () => {
    const doc = new Y.Doc();
    const checked = validateChapter({ ...base, languages: 'English' }, TODAY);
    if (!checked.ok) throw new Error('expected valid');
    createChapterDocument(doc, checked.value, '2026-11-30T00:00:00Z');
    const { languages: _omit, ...withoutLanguages } = checked.value;
    updateChapter(doc, { ...withoutLanguages, name: 'Kent & Medway' });
    expect(readChapter(doc)).toMatchObject({ name: 'Kent & Medway', languages: ['English'] });
  });
});
