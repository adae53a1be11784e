import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { chapterNotes, createChapterDocument, readChapter, updateChapter } from '../../src/crdt/chapter-repository';
import { agendaNotes, createAgendaItem, createMeeting, readAgenda, readMeeting, readMeetings, setAttendance } from '../../src/crdt/meeting-repository';
import { appendBallot, createPoll, readPolls } from '../../src/crdt/poll-repository';
import { type SharedText, sharedText } from '../../src/crdt/shared-text';
import type { ChapterDetails } from '../../src/domain/chapter';
import type { SignedBallot, SignedPoll } from '../../src/domain/polls/types';

/**
 * Convergence fuzz at the repository level: 5 peers edit a chapter (details and notes), create
 * meetings with agenda items, type minutes into a shared agenda item, check members in and cast
 * ballots in a poll, while a random schedule partitions them and delivers their updates late, out
 * of order and more than once. After healing, every peer must hold the same state (as every
 * repository reads it) and every acknowledged edit must be there exactly once.
 * Long run: FUZZ_RUNS=10000 npm run test:long.
 */
const PEERS = 5;
const RUNS = Number(process.env.FUZZ_RUNS ?? 1000);

const base: ChapterDetails = {
  name: 'Fuzz chapter',
  location: { city: 'Vienna', region: '', country: 'Austria' },
  foundedOn: '2013-01-01',
  description: '',
  level: 'local',
};

// Created by peer 0 and delivered to everyone before the schedule starts.
const MEETING = 'meeting-0';
const ITEM = 'item-0';
const POLL = 'poll-0';
const AT = '2026-11-24T00:00:00Z';
const poll = { id: POLL, question: 'Fuzz?', signature: 'sig-poll' } as unknown as SignedPoll;
const ballot = (id: string, vote: string) => ({ id, pollId: POLL, choice: { vote }, signature: `sig-${id}` }) as unknown as SignedBallot;

type TextTarget = 'notes' | 'minutes';
type Op =
  | { readonly kind: 'rename'; readonly peer: number; readonly value: number }
  | { readonly kind: 'describe'; readonly peer: number; readonly value: number }
  | { readonly kind: 'insert'; readonly peer: number; readonly at: number; readonly target: TextTarget }
  | { readonly kind: 'deleteOwn'; readonly peer: number; readonly pick: number; readonly target: TextTarget }
  | { readonly kind: 'meeting'; readonly peer: number }
  | { readonly kind: 'attend'; readonly peer: number; readonly present: boolean }
  | { readonly kind: 'ballot'; readonly peer: number; readonly yes: boolean }
  | { readonly kind: 'deliver'; readonly from: number; readonly to: number; readonly pick: number }
  | { readonly kind: 'partition'; readonly peer: number }
  | { readonly kind: 'heal'; readonly peer: number };

const peer = fc.integer({ min: 0, max: PEERS - 1 });
const target = fc.constantFrom<TextTarget>('notes', 'minutes');
const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant('rename' as const), peer, value: fc.nat(99) }),
  fc.record({ kind: fc.constant('describe' as const), peer, value: fc.nat(99) }),
  fc.record({ kind: fc.constant('insert' as const), peer, at: fc.nat(), target }),
  fc.record({ kind: fc.constant('deleteOwn' as const), peer, pick: fc.nat(), target }),
  fc.record({ kind: fc.constant('meeting' as const), peer }),
  fc.record({ kind: fc.constant('attend' as const), peer, present: fc.boolean() }),
  fc.record({ kind: fc.constant('ballot' as const), peer, yes: fc.boolean() }),
  fc.record({ kind: fc.constant('deliver' as const), from: peer, to: peer, pick: fc.nat() }),
  fc.record({ kind: fc.constant('partition' as const), peer }),
  fc.record({ kind: fc.constant('heal' as const), peer }),
);

function runSchedule(ops: readonly Op[]) {
  const docs = Array.from({ length: PEERS }, () => new Y.Doc());
  const outbox: Uint8Array[][] = docs.map(() => []);
  docs.forEach((doc, index) => {
    doc.on('update', (update: Uint8Array) => outbox[index]!.push(update));
  });
  createChapterDocument(docs[0]!, base, AT);
  createMeeting(docs[0]!, MEETING, { title: 'Assembly', startsAt: AT, place: 'Hall', link: '', facilitatorId: null, noteTakerIds: [] }, 'm0', AT);
  createAgendaItem(docs[0]!, ITEM, MEETING, { title: 'Rent', presenter: null, timeboxMinutes: 10, pollId: null }, 'a');
  createPoll(docs[0]!, poll);
  for (const doc of docs.slice(1)) Y.applyUpdate(doc, Y.encodeStateAsUpdate(docs[0]!));
  const textOf = (doc: Y.Doc, target: TextTarget): SharedText => (target === 'notes' ? chapterNotes(doc) : sharedText(agendaNotes(doc, ITEM)!));
  const meetings: string[] = [];
  const ballots: string[] = [];
  const cut = new Set<number>();
  const names = new Set([base.name]);
  const descriptions = new Set(['']);
  const markers: { readonly text: string; readonly author: number; readonly target: TextTarget; deleted: boolean }[] = [];
  let counter = 0;

  for (const step of ops) {
    switch (step.kind) {
      case 'rename':
      case 'describe': {
        const doc = docs[step.peer]!;
        const current = readChapter(doc) ?? base;
        const value = `${step.kind}-${step.peer}-${step.value}`;
        if (step.kind === 'rename') names.add(value);
        else descriptions.add(value);
        updateChapter(doc, step.kind === 'rename' ? { ...current, name: value } : { ...current, description: value });
        break;
      }
      case 'insert': {
        const notes = textOf(docs[step.peer]!, step.target);
        const text = `<${step.target}:${step.peer}:${counter++}>`;
        const length = notes.read().length;
        // Insert between markers only, so markers stay intact substrings.
        const boundaries = [0, ...[...notes.read().matchAll(/>/g)].map((m) => (m.index ?? 0) + 1)];
        const index = boundaries[step.at % boundaries.length] ?? length;
        notes.apply({ index, deleteCount: 0, insert: text });
        markers.push({ text, author: step.peer, deleted: false, target: step.target });
        break;
      }
      case 'deleteOwn': {
        const notes = textOf(docs[step.peer]!, step.target);
        const own = markers.filter((m) => m.author === step.peer && m.target === step.target && !m.deleted && notes.read().includes(m.text));
        const target = own[step.pick % Math.max(1, own.length)];
        if (!target) break;
        const index = notes.read().indexOf(target.text);
        notes.apply({ index, deleteCount: target.text.length, insert: '' });
        target.deleted = true;
        break;
      }
      case 'meeting': {
        const id = `meeting-${step.peer}-${counter++}`;
        const doc = docs[step.peer]!;
        createMeeting(doc, id, { title: id, startsAt: AT, place: '', link: '', facilitatorId: null, noteTakerIds: [] }, `m${step.peer}`, AT);
        createAgendaItem(doc, `${id}-item`, id, { title: 'Item', presenter: null, timeboxMinutes: 5, pollId: null }, 'a');
        meetings.push(id);
        break;
      }
      case 'attend':
        setAttendance(docs[step.peer]!, MEETING, `m${step.peer}`, step.present, `m${step.peer}`, AT);
        break;
      case 'ballot': {
        const id = `ballot-${step.peer}-${counter++}`;
        expect(appendBallot(docs[step.peer]!, ballot(id, step.yes ? 'yes' : 'no'))).toBe(true);
        ballots.push(id);
        break;
      }
      case 'deliver': {
        if (step.from === step.to || cut.has(step.from) || cut.has(step.to)) break;
        const pending = outbox[step.from]!;
        if (pending.length === 0) break;
        // Out of order and possibly duplicated: pick any earlier update, apply it, keep it queued.
        Y.applyUpdate(docs[step.to]!, pending[step.pick % pending.length]!);
        break;
      }
      case 'partition':
        cut.add(step.peer);
        break;
      case 'heal':
        cut.delete(step.peer);
        break;
    }
  }
  // Heal everything and deliver every queued update everywhere, in reverse order, twice.
  for (let round = 0; round < 2; round++) {
    for (let from = 0; from < PEERS; from++) {
      for (const update of [...outbox[from]!].reverse()) for (const doc of docs) Y.applyUpdate(doc, update);
    }
  }
  return { docs, names, descriptions, markers, meetings, ballots };
}

describe('convergence fuzz (repository level)', () => {
  it(`${RUNS} random schedules with partitions, reordering and duplicates converge with nothing lost`, () => {
    fc.assert(
      fc.property(fc.array(op, { minLength: 5, maxLength: 40 }), (ops) => {
        const { docs, names, descriptions, markers, meetings, ballots } = runSchedule(ops);
        const vectors = docs.map((doc) => Buffer.from(Y.encodeStateVector(doc)).toString('hex'));
        expect(new Set(vectors).size).toBe(1);
        const notes = docs.map((doc) => chapterNotes(doc).read());
        expect(new Set(notes).size).toBe(1);
        const chapters = docs.map((doc) => JSON.stringify(readChapter(doc)));
        expect(new Set(chapters).size).toBe(1);
        const chapter = readChapter(docs[0]!)!;
        expect(names.has(chapter.name)).toBe(true);
        expect(descriptions.has(chapter.description)).toBe(true);
        const minutes = docs.map((doc) => agendaNotes(doc, ITEM)!.toString());
        expect(new Set(minutes).size).toBe(1);
        // Everything each repository reads is the same on every peer.
        const state = (doc: Y.Doc) =>
          JSON.stringify({
            meetings: readMeetings(doc),
            agendas: readMeetings(doc).map((meeting) => readAgenda(doc, meeting.id)),
            polls: [...readPolls(doc)],
          });
        expect(new Set(docs.map(state)).size).toBe(1);
        for (const marker of markers) {
          const text = marker.target === 'notes' ? notes[0]! : minutes[0]!;
          const occurrences = text.split(marker.text).length - 1;
          expect(occurrences, marker.text).toBe(marker.deleted ? 0 : 1);
        }
        // No acknowledged meeting, agenda item or ballot is missing, none is doubled.
        for (const id of meetings) {
          expect(readMeeting(docs[0]!, id)?.title).toBe(id);
          expect(readAgenda(docs[0]!, id).map((item) => item.id)).toEqual([`${id}-item`]);
        }
        const cast = (readPolls(docs[0]!).get(POLL)?.ballots ?? []).map((b) => (b as SignedBallot).id);
        expect([...cast].sort()).toEqual([...ballots].sort());
      }),
      { numRuns: RUNS },
    );
  }, 600_000);
});
