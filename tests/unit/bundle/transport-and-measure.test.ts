import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { DocId, RoomSecret } from '../../../src/domain/ids';
import { createBundleNetwork } from '../../../src/sync/bundle/bundle-transport';
import { measureBundle } from '../../../src/sync/bundle/measure';
import { contentOf, docId, secret } from './fixtures';

const room = { docId: docId(7), secret: secret(7) };

/** A stand-in for the coming dataset generator: a chapter with meetings, polls and members. */
function busyChapter(meetings: number, polls: number, members: number): Y.Doc {
  const doc = new Y.Doc();
  doc.transact(() => {
    const put = (name: string, count: number, make: (i: number) => Record<string, string | number>) => {
      const map = doc.getMap<Y.Map<string | number>>(name);
      for (let i = 0; i < count; i++) map.set(`${name}-${i}`, new Y.Map<string | number>(Object.entries(make(i))));
    };
    put('meetings', meetings, (i) => ({ title: `General meeting ${i}`, on: `2026-01-${(i % 28) + 1}`, notes: 'Agenda: '.repeat(20) }));
    put('polls', polls, (i) => ({ question: `Shall we adopt proposal ${i}?`, yes: i % 17, no: i % 5 }));
    put('members', members, (i) => ({ name: `Member ${i}`, role: i % 10 === 0 ? 'steward' : 'member' }));
  });
  return doc;
}

describe('bundle network', () => {
  it('moves changes only through bundle files, and only to holders of the room secret', async () => {
    const network = createBundleNetwork();
    const [a, b, outsider] = [new Y.Doc(), new Y.Doc(), new Y.Doc()];
    const connections = [
      network.transport.connect(a, room),
      network.transport.connect(b, room),
      network.transport.connect(outsider, { ...room, secret: 'another_secret_of_enough_length' as RoomSecret }),
    ];
    a.getText('notes').insert(0, 'handed over on a file');
    await network.settled();
    expect(contentOf(b)).toEqual(contentOf(a));
    expect(outsider.getText('notes').toString()).toBe('');
    expect(network.stats().files).toBeGreaterThan(0);
    expect(connections[0]?.state()).toEqual({ kind: 'connected', peers: 1 });
    for (const connection of connections) connection.destroy();
  });

  it('hands nothing to a paused member until it resumes', async () => {
    const network = createBundleNetwork();
    const [a, b] = [new Y.Doc(), new Y.Doc()];
    const ca = network.transport.connect(a, room);
    const cb = network.transport.connect(b, room);
    cb.pause();
    a.getText('notes').insert(0, 'while B was away');
    await network.settled();
    expect(b.getText('notes').toString()).toBe('');
    cb.resume();
    await network.settled();
    expect(b.getText('notes').toString()).toBe('while B was away');
    ca.destroy();
    cb.destroy();
  });
});

describe('measureBundle', () => {
  it('reports size and timings for a chapter, and re-import changes nothing', async () => {
    const doc = busyChapter(26, 50, 20);
    const result = await measureBundle([{ docId: 'busychapter00000001' as DocId, kind: 'chapter', title: 'Busy', doc }]);
    expect(result.documents).toBe(1);
    expect(result.updateBytes).toBe(Y.encodeStateAsUpdate(doc).length);
    expect(result.bundleBytes).toBeGreaterThan(0);
    expect(result.bundleBytes).toBeLessThan(result.updateBytes);
    for (const ms of [result.exportMs, result.decodeMs, result.importMs, result.reimportMs]) expect(ms).toBeGreaterThanOrEqual(0);
  });
});
