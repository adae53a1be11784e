import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { chapterNotes, readChapter, updateChapter } from '../../src/crdt/chapter-repository';
import { agendaNotes, readAgenda, readMeeting, updateAgendaItem, updateMeeting } from '../../src/crdt/meeting-repository';
import { checkSchema, metaMap, migrate, SCHEMA_VERSION } from '../../src/crdt/schema';

// Frozen bytes written by tests/fixtures/make-mixed-version.mjs (raw Yjs, not our repositories).
const fixture = JSON.parse(readFileSync(new URL('../fixtures/mixed-version.json', import.meta.url), 'utf8')) as {
  readonly previousRelease: string;
  readonly newerSchema: string;
};

const load = (base64: string): Y.Doc => {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, new Uint8Array(Buffer.from(base64, 'base64')));
  return doc;
};

/** What the other device holds after receiving everything this one has. */
const roundTrip = (doc: Y.Doc): Y.Doc => {
  const other = new Y.Doc();
  Y.applyUpdate(other, Y.encodeStateAsUpdate(doc));
  return other;
};

describe('a document written by another release', () => {
  it('is read by the current repositories', () => {
    const doc = load(fixture.previousRelease);
    expect(SCHEMA_VERSION).toBe(1);
    expect(checkSchema(doc)).toEqual({ kind: 'current' });
    expect(readChapter(doc)).toEqual({
      name: 'Leeds chapter',
      location: { city: 'Leeds', region: 'Yorkshire', country: 'UK' },
      foundedOn: '2019-05-01',
      description: 'Tenants union and bookfair.',
      level: 'local',
    });
    expect(chapterNotes(doc).read()).toBe('Minutes are kept here.');
    expect(readMeeting(doc, 'meeting-1')).toMatchObject({ title: 'General assembly', place: 'Community hall', facilitatorId: null });
    const [item] = readAgenda(doc, 'meeting-1');
    expect(item).toMatchObject({ title: 'Rent strike', timeboxMinutes: 20, presenter: { kind: 'guest', name: 'Jo' }, removed: false });
    expect(agendaNotes(doc, 'item-1')?.toString()).toBe('Agreed to leaflet the estate.');
  });

  it('keeps the fields this version does not know through its edits, on this device and the next', () => {
    const doc = load(fixture.previousRelease);
    migrate(doc);
    const chapter = readChapter(doc);
    if (!chapter) throw new Error('chapter missing');
    updateChapter(doc, { ...chapter, name: 'Leeds & Bradford', description: 'Renamed at the AGM.' });
    chapterNotes(doc).apply({ index: 0, deleteCount: 0, insert: 'Note: ' });
    const meeting = readMeeting(doc, 'meeting-1');
    if (!meeting) throw new Error('meeting missing');
    updateMeeting(doc, 'meeting-1', { ...meeting, place: 'Library' });
    const [item] = readAgenda(doc, 'meeting-1');
    if (!item) throw new Error('agenda item missing');
    updateAgendaItem(doc, 'item-1', { ...item, title: 'Rent strike vote', presenter: null });
    agendaNotes(doc, 'item-1')?.insert(0, 'Unanimous. ');

    for (const copy of [doc, roundTrip(doc)]) {
      expect(readChapter(copy)?.name).toBe('Leeds & Bradford');
      expect(copy.getMap('chapter').get('accessibilityNotes')).toBe('Step-free entrance at the side door.');
      expect(readMeeting(copy, 'meeting-1')?.place).toBe('Library');
      expect((copy.getMap('meetings').get('meeting-1') as Y.Map<unknown>).get('interpretation')).toEqual({ languages: ['en', 'pl'] });
      expect((copy.getMap('meetingAgenda').get('item-1') as Y.Map<unknown>).get('timerStartedAt')).toBe('later-release');
      expect(agendaNotes(copy, 'item-1')?.toString()).toBe('Unanimous. Agreed to leaflet the estate.');
      expect(copy.getMap('childcareRota').get('2025-03-10')).toBe('Sam');
      expect(chapterNotes(copy).read()).toBe('Note: Minutes are kept here.');
      expect(metaMap(copy).get('schemaVersion')).toBe(1);
    }
  });

  it('merges with concurrent edits from the other release without losing either side', () => {
    const older = load(fixture.previousRelease);
    const current = load(fixture.previousRelease);
    // The other release edits its unknown field and the notes while this one renames the chapter.
    older.getMap('chapter').set('accessibilityNotes', 'Lift out of order until May.');
    older.getText('chapterNotes').insert(0, 'From the old phone. ');
    const details = readChapter(current);
    if (!details) throw new Error('chapter missing');
    updateChapter(current, { ...details, name: 'Leeds IOPS' });
    Y.applyUpdate(current, Y.encodeStateAsUpdate(older));
    Y.applyUpdate(older, Y.encodeStateAsUpdate(current));
    for (const doc of [older, current]) {
      expect(readChapter(doc)?.name).toBe('Leeds IOPS');
      expect(doc.getMap('chapter').get('accessibilityNotes')).toBe('Lift out of order until May.');
      expect(chapterNotes(doc).read()).toBe('From the old phone. Minutes are kept here.');
    }
  });
});

describe('a document from a newer schema', () => {
  it('is reported as newer and never migrated down', () => {
    const doc = load(fixture.newerSchema);
    expect(checkSchema(doc)).toEqual({ kind: 'newer', version: 2 });
    migrate(doc);
    expect(metaMap(doc).get('schemaVersion')).toBe(2);
    expect(checkSchema(roundTrip(doc))).toEqual({ kind: 'newer', version: 2 });
  });

  it('turns a current document into a newer one when a newer device syncs', () => {
    const ours = load(fixture.previousRelease);
    const theirs = roundTrip(ours);
    // The newer release migrates its copy; the bump arrives here by sync.
    metaMap(theirs).set('schemaVersion', 2);
    const seen: string[] = [];
    ours.on('update', () => seen.push(checkSchema(ours).kind));
    Y.applyUpdate(ours, Y.encodeStateAsUpdate(theirs, Y.encodeStateVector(ours)));
    expect(seen).toEqual(['newer']);
  });
});
