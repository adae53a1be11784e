import { describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { ancestorChains, createEventMirror } from '../../../src/app/event-mirror';
import type { FeatureDeps } from '../../../src/app/feature-deps';
import type { BranchFederation } from '../../../src/app/federation';
import { createEvent, readEvents, setEventCancelled, updateEvent } from '../../../src/crdt/event-repository';
import { readSharedCopies, writeSharedCopies } from '../../../src/crdt/shared-event-repository';
import type { DocId } from '../../../src/domain/ids';
import type { CatalogEntry } from '../../../src/persistence/catalog';
import { federationEvents, planMirror, type SharedEventCopy, sharedCopyKey } from '../../../src/domain/organizing/shared-events';
import type { EventInput } from '../../../src/domain/organizing/validate';

const alice = { id: 'key-alice', name: 'Alice' };
const talk: EventInput = {
  title: 'Housing talk',
  start: '2026-05-01T18:00:00Z',
  end: '2026-05-01T20:00:00Z',
  place: 'Library',
  link: '',
  description: 'All welcome',
  shared: true,
};

/** What a device holding the chapter and an ancestor does on every change. */
const mirror = (chapter: Y.Doc, ancestor: Y.Doc, name = 'Kent chapter') =>
  writeSharedCopies(ancestor, planMirror('kent', name, readEvents(chapter), readSharedCopies(ancestor)));

const sync = (a: Y.Doc, b: Y.Doc) => {
  const toB = Y.encodeStateAsUpdate(a, Y.encodeStateVector(b));
  const toA = Y.encodeStateAsUpdate(b, Y.encodeStateVector(a));
  Y.applyUpdate(b, toB);
  Y.applyUpdate(a, toA);
};

const copy = (doc: Y.Doc, eventId = 'e1') => readSharedCopies(doc).get(sharedCopyKey('kent', eventId));

describe('shared event mirror', () => {
  it('copies a shared event into every ancestor, with the chapter named, and never touches the original', () => {
    const chapter = new Y.Doc();
    const region = new Y.Doc();
    const nation = new Y.Doc();
    createEvent(chapter, 'e1', talk, alice, '2026-03-01T10:00:00Z');
    createEvent(chapter, 'e2', { ...talk, title: 'Members only', shared: false }, alice, '2026-03-01T10:00:00Z');
    const before = Y.encodeStateAsUpdate(chapter);
    mirror(chapter, region);
    mirror(chapter, nation);
    for (const doc of [region, nation]) {
      expect([...readSharedCopies(doc).keys()]).toEqual(['kent_e1']);
      expect(copy(doc)).toMatchObject({ sourceId: 'kent', sourceName: 'Kent chapter', eventId: 'e1', title: 'Housing talk', place: 'Library', status: 'active' });
      // The ancestor's own events are not where copies go.
      expect(readEvents(doc)).toEqual([]);
    }
    expect(Y.encodeStateAsUpdate(chapter)).toEqual(before);
  });

  it('is idempotent: a second pass plans nothing and writes nothing', () => {
    const chapter = new Y.Doc();
    const region = new Y.Doc();
    createEvent(chapter, 'e1', talk, alice, '2026-03-01T10:00:00Z');
    mirror(chapter, region);
    let updates = 0;
    region.on('update', () => updates++);
    expect(planMirror('kent', 'Kent chapter', readEvents(chapter), readSharedCopies(region))).toEqual([]);
    mirror(chapter, region);
    expect(updates).toBe(0);
  });

  it('follows edits, cancelling, un-cancelling, unsharing and a renamed chapter', () => {
    const chapter = new Y.Doc();
    const region = new Y.Doc();
    createEvent(chapter, 'e1', talk, alice, '2026-03-01T10:00:00Z');
    mirror(chapter, region);
    updateEvent(chapter, 'e1', { ...talk, title: 'Housing talk (moved)', place: 'Town hall' }, '2026-03-02T10:00:00Z');
    mirror(chapter, region);
    expect(copy(region)).toMatchObject({ title: 'Housing talk (moved)', place: 'Town hall', updatedAt: '2026-03-02T10:00:00Z', status: 'active' });
    setEventCancelled(chapter, 'e1', true, '2026-03-03T10:00:00Z');
    mirror(chapter, region);
    expect(copy(region)?.status).toBe('cancelled');
    setEventCancelled(chapter, 'e1', false, '2026-03-04T10:00:00Z');
    mirror(chapter, region, 'Kent and Medway');
    expect(copy(region)).toMatchObject({ status: 'active', sourceName: 'Kent and Medway' });
    updateEvent(chapter, 'e1', { ...talk, shared: false }, '2026-03-05T10:00:00Z');
    mirror(chapter, region);
    expect(copy(region)?.status).toBe('withdrawn');
    // The original is still there, and still the chapter's.
    expect(readEvents(chapter).map((event) => event.title)).toEqual(['Housing talk']);
  });

  it('leaves copies alone when the original is missing (the chapter has not synced yet)', () => {
    const chapter = new Y.Doc();
    const region = new Y.Doc();
    createEvent(chapter, 'e1', talk, alice, '2026-03-01T10:00:00Z');
    mirror(chapter, region);
    expect(planMirror('kent', 'Kent chapter', [], readSharedCopies(region))).toEqual([]);
  });

  it('merges two devices mirroring offline into one copy, and a stale device never overwrites a newer copy', () => {
    const chapterA = new Y.Doc();
    const chapterB = new Y.Doc();
    createEvent(chapterA, 'e1', talk, alice, '2026-03-01T10:00:00Z');
    sync(chapterA, chapterB);
    // Device A edits; device B has not seen the edit. Both mirror into their copy of the region, offline.
    updateEvent(chapterA, 'e1', { ...talk, title: 'Renamed' }, '2026-03-02T10:00:00Z');
    const regionA = new Y.Doc();
    const regionB = new Y.Doc();
    mirror(chapterA, regionA);
    mirror(chapterB, regionB);
    sync(regionA, regionB);
    expect([...readSharedCopies(regionA).keys()]).toEqual(['kent_e1']);
    expect(readSharedCopies(regionA)).toEqual(readSharedCopies(regionB));
    // Whichever value won the merge, the next pass on either device ends on the newer original.
    mirror(chapterA, regionA);
    mirror(chapterB, regionB);
    sync(regionA, regionB);
    expect(copy(regionA)?.title).toBe('Renamed');
    expect(planMirror('kent', 'Kent chapter', readEvents(chapterB), readSharedCopies(regionB))).toEqual([]);
    expect(copy(regionB)?.title).toBe('Renamed');
  });
});

describe('federation events list', () => {
  const region = new Y.Doc();
  const nation = new Y.Doc();
  const chapter = new Y.Doc();
  createEvent(chapter, 'e1', talk, alice, '2026-03-01T10:00:00Z');
  createEvent(chapter, 'e2', { ...talk, title: 'Withdrawn' }, alice, '2026-03-01T10:00:00Z');
  createEvent(chapter, 'e3', { ...talk, title: 'Called off' }, alice, '2026-03-01T10:00:00Z');
  updateEvent(chapter, 'e2', { ...talk, title: 'Withdrawn', shared: false }, '2026-03-01T11:00:00Z');
  setEventCancelled(chapter, 'e3', true, '2026-03-01T11:00:00Z');
  // e2 was copied while still shared, then withdrawn.
  writeSharedCopies(region, planMirror('kent', 'Kent chapter', readEvents(chapter).map((e) => ({ ...e, shared: true, cancelled: false })), new Map()));
  writeSharedCopies(region, planMirror('kent', 'Kent chapter', readEvents(chapter), readSharedCopies(region)));
  writeSharedCopies(nation, planMirror('kent', 'Kent chapter', readEvents(chapter), readSharedCopies(nation)));
  const copies = [region, nation].flatMap((doc, i) => [...readSharedCopies(doc).values()].map((c) => ({ heldIn: ['region', 'nation'][i] ?? '', copy: c })));

  it('shows each shared event once though every ancestor holds a copy, cancelled ones marked, withdrawn ones hidden', () => {
    const rows = federationEvents([], copies);
    expect(rows.map((row) => (row.kind === 'shared' ? `${row.copy.title}:${row.copy.status}:${row.copy.sourceName}` : ''))).toEqual([
      'Housing talk:active:Kent chapter',
      'Called off:cancelled:Kent chapter',
    ]);
  });

  it('prefers the original on this device over its copies', () => {
    const own = readEvents(chapter).map((item) => ({ chapterId: 'kent', chapterName: 'Kent chapter', item }));
    const rows = federationEvents(own, copies);
    expect(rows).toHaveLength(3);
    expect(rows.every((row) => row.kind === 'own')).toBe(true);
  });
});

describe('ancestor chains', () => {
  const parents: Record<string, { id: string; onDevice: boolean } | null> = {
    kent: { id: 'region', onDevice: true },
    region: { id: 'nation', onDevice: true },
    nation: { id: 'world', onDevice: false },
    loop: { id: 'loop2', onDevice: true },
    loop2: { id: 'loop', onDevice: true },
  };
  const federationOf = (id: DocId) => {
    const parent = parents[id];
    return parent === undefined ? null : ({ parent: parent && { ...parent, name: parent.id } } as unknown as BranchFederation);
  };

  it('walks the parents held on this device, nearest first, and stops at a loop', () => {
    const chains = ancestorChains(['kent', 'region', 'nation', 'loop', 'alone'] as DocId[], federationOf);
    expect(chains.get('kent' as DocId)).toEqual(['region', 'nation']);
    expect(chains.get('region' as DocId)).toEqual(['nation']);
    expect(chains.has('nation' as DocId)).toBe(false);
    expect(chains.get('loop' as DocId)).toEqual(['loop2']);
    expect(chains.has('alone' as DocId)).toBe(false);
  });
});

describe('the running mirror', () => {
  it('copies an event shared after start into the parent, and writes again when a stale device overwrote the copy', async () => {
    const docs = new Map([
      ['kent', new Y.Doc()],
      ['region', new Y.Doc()],
    ]);
    const entries = [...docs.keys()].map((id) => ({ id, title: id, secret: 's', kind: 'chapter' }));
    const deps = {
      documents: { get: (id: string) => ({ doc: docs.get(id) }), openDocument: (id: string) => ({ doc: docs.get(id) }) },
    } as unknown as FeatureDeps;
    const parents: Record<string, string> = { kent: 'region' };
    const mirror = createEventMirror(deps, (id) => ({ parent: parents[id] ? { id: parents[id], name: '', onDevice: true } : null }) as unknown as BranchFederation);
    mirror.refresh(entries as unknown as readonly CatalogEntry[]);
    const kent = docs.get('kent') as Y.Doc;
    const region = docs.get('region') as Y.Doc;
    createEvent(kent, 'e1', talk, alice, '2026-03-01T10:00:00Z');
    await vi.waitFor(() => expect(copy(region)?.title).toBe('Housing talk'));
    // A device holding an older original wrote its copy over ours (a merge can pick either value).
    writeSharedCopies(region, [{ ...(copy(region) as SharedEventCopy), title: 'Old title', updatedAt: '2026-02-01T00:00:00Z' }]);
    await vi.waitFor(() => expect(copy(region)?.title).toBe('Housing talk'));
    mirror.stop();
    updateEvent(kent, 'e1', { ...talk, title: 'After stop' }, '2026-03-02T10:00:00Z');
    await Promise.resolve();
    expect(copy(region)?.title).toBe('Housing talk');
  });
});
