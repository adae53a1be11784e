import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { chapterNotes, createChapterDocument, readChapter, updateChapter } from '../../src/crdt/chapter-repository';
import type { ChapterDetails } from '../../src/domain/chapter';
import type { DocId, RoomSecret } from '../../src/domain/ids';
import type { SyncConnection, SyncTransport } from '../../src/sync/transport';
import { waitForDocs } from '../helpers/wait';

export interface TransportHarness {
  /** A transport instance standing for one device; called once per peer. */
  readonly deviceTransport: () => SyncTransport;
  readonly dispose?: () => Promise<void> | void;
  /** How long a scenario may wait for data to arrive (real networks need longer than memory). */
  readonly patienceMs?: number;
}

const details: ChapterDetails = {
  name: 'Contract chapter',
  location: { city: 'Oregon City', region: 'Oregon', country: 'USA' },
  foundedOn: '2012-12-12',
  description: '',
  level: 'local',
};

let rooms = 0;
const freshRoom = () => ({
  docId: `contractroom${String(++rooms).padStart(6, '0')}` as DocId,
  secret: `secret-${rooms}-${'x'.repeat(30)}` as RoomSecret,
});

const sameState = (docs: readonly Y.Doc[]) => {
  const [first, ...rest] = docs.map((doc) => Buffer.from(Y.encodeStateVector(doc)).toString('base64'));
  return rest.every((vector) => vector === first);
};

/**
 * The contract every sync transport passes (the automerge-repo pattern): the same
 * scenarios against WebRTC rooms, pairing and file bundles as against memory.
 */
export function describeTransportContract(name: string, makeHarness: () => TransportHarness): void {
  describe(`sync transport contract: ${name}`, () => {
    let harness: TransportHarness;
    const connections: SyncConnection[] = [];
    const connect = (doc: Y.Doc, room: ReturnType<typeof freshRoom>) => {
      harness ??= makeHarness();
      const connection = harness.deviceTransport().connect(doc, room);
      connections.push(connection);
      return connection;
    };

    const waitFor = (docs: readonly Y.Doc[], check: () => boolean, message: string) => waitForDocs(docs, check, message, harness?.patienceMs);

    afterEach(async () => {
      for (const connection of connections.splice(0)) connection.destroy();
      await harness?.dispose?.();
    });

    it('two peers converge', async () => {
      const room = freshRoom();
      const a = new Y.Doc();
      const b = new Y.Doc();
      connect(a, room);
      connect(b, room);
      createChapterDocument(a, details, '2026-11-24T00:00:00Z');
      await waitFor([b], () => readChapter(b)?.name === details.name, 'B receives the chapter');
      chapterNotes(b).apply({ index: 0, deleteCount: 0, insert: 'from B' });
      await waitFor([a], () => chapterNotes(a).read() === 'from B', 'A receives the notes');
      expect(sameState([a, b])).toBe(true);
    });

    it('a late joiner catches up on everything written before it came', async () => {
      const room = freshRoom();
      const a = new Y.Doc();
      connect(a, room);
      createChapterDocument(a, details, '2026-11-24T00:00:00Z');
      for (let i = 0; i < 50; i++) chapterNotes(a).apply({ index: i, deleteCount: 0, insert: 'x' });
      const late = new Y.Doc();
      connect(late, room);
      await waitFor([late], () => chapterNotes(late).read().length === 50, 'late joiner has all 50 edits');
      expect(readChapter(late)).toEqual(details);
    });

    it('concurrent edits made apart merge with nothing lost', async () => {
      const room = freshRoom();
      const a = new Y.Doc();
      const b = new Y.Doc();
      const ca = connect(a, room);
      const cb = connect(b, room);
      createChapterDocument(a, details, '2026-11-24T00:00:00Z');
      await waitFor([b], () => readChapter(b) !== undefined, 'B has the chapter');
      ca.pause();
      cb.pause();
      chapterNotes(a).apply({ index: 0, deleteCount: 0, insert: 'A wrote this. ' });
      chapterNotes(b).apply({ index: 0, deleteCount: 0, insert: 'B wrote that. ' });
      updateChapter(a, { ...details, name: 'Renamed on A' });
      updateChapter(b, { ...details, description: 'Described on B' });
      ca.resume();
      cb.resume();
      await waitFor([a, b], () => sameState([a, b]), 'A and B converge after reconnecting');
      const text = chapterNotes(a).read();
      expect(text).toContain('A wrote this. ');
      expect(text).toContain('B wrote that. ');
      expect(chapterNotes(b).read()).toBe(text);
      expect(readChapter(b)).toEqual({ ...details, name: 'Renamed on A', description: 'Described on B' });
    });

    it('a peer with the wrong secret receives nothing', async () => {
      const room = freshRoom();
      const a = new Y.Doc();
      const b = new Y.Doc();
      const intruder = new Y.Doc();
      connect(a, room);
      connect(intruder, { ...room, secret: `wrong-${'y'.repeat(30)}` as RoomSecret });
      connect(b, room);
      createChapterDocument(a, details, '2026-11-24T00:00:00Z');
      await waitFor([b], () => readChapter(b) !== undefined, 'B (right secret) receives the chapter');
      expect(readChapter(intruder)).toBeUndefined();
      expect(readChapter(a)).toEqual(details);
    });
  });
}
