import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createChapterDocument, readChapter } from '../../src/crdt/chapter-repository';
import { readEvent, readEvents } from '../../src/crdt/event-repository';
import { readFederationLog, readSkillCards } from '../../src/crdt/federation-repository';
import { readActionItems, readDecisions, readFinal, readQueueLog, readQueueMode } from '../../src/crdt/meeting-records';
import { agendaNotes, createAgendaItem, createMeeting, readAgenda, readMeeting, readMeetings, readQuorumRule } from '../../src/crdt/meeting-repository';
import { readAmendments, readApprovals } from '../../src/crdt/meeting-signatures';
import { appendMembershipEntry, readMembershipLog } from '../../src/crdt/membership-repository';
import { appendBallot, createPoll, readPolls } from '../../src/crdt/poll-repository';
import { readPost, readPosts, readReplies } from '../../src/crdt/post-repository';
import { readOffer, readOffers, readProject, readProjects } from '../../src/crdt/project-repository';
import { readRotation, readRotations } from '../../src/crdt/rotation-repository';
import { collectSignedRecords } from '../../src/crdt/signed-records';
import type { MembershipEntry } from '../../src/domain/membership/types';
import { isSignedBallot, isSignedCloseRecord, isSignedPoll } from '../../src/domain/polls/validate';
import type { SignedBallot, SignedPoll } from '../../src/domain/polls/types';
import { decodeBundle, encodeBundle } from '../../src/sync/bundle/format';
import { decodePairingCode, encodePairingCode } from '../../src/sync/pairing/code';
import { addScannedFrame, pairingFrames } from '../../src/sync/pairing/qr';
import { emptyReassembly } from '../../src/domain/qr-chunks';
import { applyPeerUpdate } from '../../src/sync/peer-update';
import { resign } from './bundle/fixtures';

/**
 * Bad input at every entry point a peer or a file can reach (issue 8): at least 1,000 generated
 * inputs each. Every one gets a typed error or is ignored; none throws out of our code, none
 * changes what was there. Invite links and relay messages have their own 1,000-input fuzzes
 * (invite.test.ts, relay.test.ts); Markdown has markdown-fuzz.test.ts (it needs a DOM).
 */
const RUNS = 1_000;
const AT = '2026-11-24T10:00:00.000Z';

/** Mutates random bytes of a valid input: flips, truncation, duplication, insertion. */
const mutatedBytes = (valid: Uint8Array) =>
  fc.oneof(
    fc.array(fc.tuple(fc.nat(), fc.integer({ min: 1, max: 255 })), { minLength: 1, maxLength: 8 }).map((flips) => {
      const out = valid.slice();
      for (const [at, xor] of flips) out[at % out.length] = (out[at % out.length] ?? 0) ^ xor;
      return out;
    }),
    fc.nat().map((cut) => valid.slice(0, cut % valid.length)),
    fc.tuple(fc.nat(), fc.uint8Array({ minLength: 1, maxLength: 64 })).map(([at, extra]) => {
      const split = at % valid.length;
      return new Uint8Array([...valid.slice(0, split), ...extra, ...valid.slice(split)]);
    }),
    fc.uint8Array({ maxLength: 512 }),
  );

describe('pairing codes and QR frames', () => {
  const valid = encodePairingCode('offer', `v=0\r\no=- 4611 2 IN IP4 127.0.0.1\r\n${'a=candidate:1 1 udp 2122260223 192.168.1.20 54321 typ host\r\n'.repeat(4)}`);

  it(`${RUNS} pasted or scanned texts: a pairing code or a typed error, never a throw`, () => {
    const text = fc.oneof(
      fc.string({ maxLength: 300 }),
      fc.string({ unit: 'binary', maxLength: 120 }),
      fc.tuple(fc.nat(), fc.string({ minLength: 1, maxLength: 4 })).map(([at, insert]) => {
        const split = at % valid.length;
        return valid.slice(0, split) + insert + valid.slice(split + 1);
      }),
      fc.nat().map((cut) => valid.slice(0, cut % valid.length)),
      fc.string({ maxLength: 80 }).map((tail) => `CHP1O.${tail}`),
    );
    fc.assert(
      fc.property(text, fc.constantFrom(undefined, 'offer' as const, 'answer' as const), (input, expected) => {
        const decoded = decodePairingCode(input, expected);
        if (decoded.ok) {
          expect(['offer', 'answer']).toContain(decoded.value.role);
          if (expected) expect(decoded.value.role).toBe(expected);
        } else expect(['notAPairingCode', 'wrongRole', 'corrupted']).toContain(decoded.error);
        const scanned = addScannedFrame(emptyReassembly, input);
        if (!scanned.ok) expect(scanned.error).toBe('unreadable');
      }),
      { numRuns: RUNS },
    );
    expect(decodePairingCode(valid).ok).toBe(true);
    expect(pairingFrames(valid).length).toBeGreaterThan(0);
  });
});

describe('bundle files', () => {
  it(`${RUNS} damaged or forged files: refused with a reason, never a throw`, async () => {
    const doc = new Y.Doc();
    createChapterDocument(doc, { name: 'Stall', location: { city: 'Graz', region: '', country: 'AT' }, foundedOn: '2020-01-01', description: '', level: 'local' }, AT);
    const valid = await encodeBundle(
      [{ docId: 'bundlefuzzdocument0001' as never, kind: 'chapter', title: 'Stall', secret: `secret_${'0'.repeat(20)}` as never, update: Y.encodeStateAsUpdate(doc) }],
      { appVersion: 'test', includeSecrets: true },
    );
    expect((await decodeBundle(valid)).ok).toBe(true);
    let refused = 0;
    await fc.assert(
      fc.asyncProperty(mutatedBytes(valid), fc.boolean(), async (bytes, reseal) => {
        // Resealed: a forger recomputes the outer checksum, so only the inner checks can stop it.
        const file = reseal && bytes.length > 64 ? await resign(bytes) : bytes;
        const result = await decodeBundle(file);
        if (!result.ok) {
          refused++;
          expect(typeof result.error.kind).toBe('string');
          return;
        }
        // Accepted only when every document in it is a Yjs update a fresh document takes.
        for (const entry of result.value.documents) expect(() => Y.applyUpdate(new Y.Doc(), entry.update)).not.toThrow();
      }),
      { numRuns: RUNS },
    );
    expect(refused).toBeGreaterThan(RUNS / 2);
  }, 120_000);
});

// Shapes as stored; signatures are opaque at this layer (the stores verify them elsewhere).
const entry = (n: number) => ({ id: `entry-${n}`, kind: 'admit', parents: [], counter: n, createdAt: AT, signature: `sig-entry-${n}` }) as unknown as MembershipEntry;
const poll = { id: 'poll-1', question: 'Rent strike?', signature: 'sig-poll-1' } as unknown as SignedPoll;
const ballot = (n: number) => ({ id: `ballot-${n}`, pollId: 'poll-1', choice: { vote: 'yes' }, signature: `sig-ballot-${n}` }) as unknown as SignedBallot;

function honestChapter(): Y.Doc {
  const doc = new Y.Doc();
  createChapterDocument(doc, { name: 'Basement', location: { city: 'Lyon', region: '', country: 'FR' }, foundedOn: '2019-05-01', description: 'Tenants', level: 'local' }, AT);
  for (const n of [1, 2]) appendMembershipEntry(doc, entry(n));
  createMeeting(doc, 'meeting-1', { title: 'AGM', startsAt: AT, place: 'Hall', link: '', facilitatorId: null, noteTakerIds: [] }, 'm1', AT);
  createAgendaItem(doc, 'item-1', 'meeting-1', { title: 'Rent', presenter: null, timeboxMinutes: 10, pollId: null }, 'a');
  agendaNotes(doc, 'item-1')?.insert(0, 'We agreed to ask the landlord.');
  createPoll(doc, poll);
  appendBallot(doc, ballot(1));
  return doc;
}

/** Everything the app reads from a branch document, through its repositories only. */
function readEverything(doc: Y.Doc): string {
  const keysOf = (name: string) => [...doc.getMap(name).keys()];
  const meetings = readMeetings(doc).map((meeting) => ({
    meeting: readMeeting(doc, meeting.id),
    agenda: readAgenda(doc, meeting.id),
    decisions: readDecisions(doc, meeting.id),
    actions: readActionItems(doc, meeting.id),
    queue: [readQueueLog(doc, meeting.id), readQueueMode(doc, meeting.id)],
    final: readFinal(doc, meeting.id),
    signatures: [readApprovals(doc, meeting.id), readAmendments(doc, meeting.id)],
  }));
  const byKey = keysOf('meetings').map((id) => [readMeeting(doc, id), readAgenda(doc, id), readFinal(doc, id)]);
  const projects = [...readProjects(doc).map((p) => p.id), ...keysOf('projects')].map((id) => [readProject(doc, id), readOffers(doc, id), readRotations(doc, id)]);
  const offers = keysOf('projectOffers').map((id) => readOffer(doc, id));
  const rotations = keysOf('rotations').map((id) => readRotation(doc, id));
  const events = [readEvents(doc), ...keysOf('events').map((id) => readEvent(doc, id))];
  const posts = [readPosts(doc), ...keysOf('posts').map((id) => [readPost(doc, id), readReplies(doc, id)])];
  const polls = [...readPolls(doc)].map(([id, raw]) => [id, raw, isSignedPoll(raw.definition), raw.ballots.map(isSignedBallot), raw.closes.map(isSignedCloseRecord)]);
  return JSON.stringify({
    chapter: readChapter(doc),
    quorum: readQuorumRule(doc),
    members: readMembershipLog(doc),
    federation: [readFederationLog(doc), readSkillCards(doc)],
    meetings,
    byKey,
    projects,
    offers,
    rotations,
    events,
    posts,
    polls,
    signed: collectSignedRecords(doc).length,
  });
}

/** Every shared map and array in the document, nested ones included. */
function containers(doc: Y.Doc): Array<Y.Map<unknown> | Y.Array<unknown>> {
  const found: Array<Y.Map<unknown> | Y.Array<unknown>> = [];
  const visit = (value: unknown) => {
    if (value instanceof Y.Map) {
      found.push(value);
      for (const inner of value.values()) visit(inner);
    } else if (value instanceof Y.Array) {
      found.push(value);
      for (const inner of value.toArray()) visit(inner);
    }
  };
  const names = ['chapter', 'meta', 'meetings', 'meetingAgenda', 'meetingDecisions', 'meetingActions', 'meetingSettings', 'polls', 'projects', 'projectOffers', 'rotations', 'events', 'posts', 'postReplies'];
  for (const name of names) visit(doc.getMap(name));
  for (const name of ['membershipLog', 'federationLog', 'skillCards']) visit(doc.getArray(name));
  return found;
}

const garbage: fc.Arbitrary<unknown> = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.string({ maxLength: 40 }),
  fc.constantFrom(null, -1, 0, Number.NaN, true, '', [], {}, { id: 42 }, { signature: 1 }, [[null]], '__proto__'),
  fc.constantFrom('new-map', 'new-array', 'new-text'),
);
const key = fc.oneof(fc.constantFrom('name', 'title', 'id', 'notes', 'ballots', 'closes', 'poll', 'startsAt', 'meeting-1', 'item-1', 'poll-1', 'queue', '__proto__', 'constructor'), fc.string({ maxLength: 12 }));
const injection = fc.record({ pick: fc.nat(), key, value: garbage, push: fc.boolean() });

const toShared = (value: unknown): unknown => (value === 'new-map' ? new Y.Map() : value === 'new-array' ? new Y.Array() : value === 'new-text' ? new Y.Text('x') : value);

describe('Yjs updates from a peer', () => {
  it(`${RUNS} malformed updates: refused whole or harmless; nothing there before is lost; the document still loads`, () => {
    const before = honestChapter();
    const peer = new Y.Doc();
    Y.applyUpdate(peer, Y.encodeStateAsUpdate(before));
    agendaNotes(peer, 'item-1')?.insert(0, 'Peer note. ');
    appendBallot(peer, ballot(2));
    const valid = Y.encodeStateAsUpdate(peer, Y.encodeStateVector(before));
    const honestRead = readEverything(before);
    fc.assert(
      fc.property(mutatedBytes(valid), (bytes) => {
        const doc = new Y.Doc();
        Y.applyUpdate(doc, Y.encodeStateAsUpdate(before));
        const stored: Uint8Array[] = [];
        doc.on('update', (update: Uint8Array) => stored.push(update));
        let taken = false;
        try {
          taken = applyPeerUpdate(doc, bytes, 'peer');
        } catch {
          // Well-formed but not applicable here: Yjs refused it; the guard let nothing half-apply.
        }
        // Refused: nothing of it reached the document (so nothing of it is written to the disk).
        if (!taken) expect(stored).toEqual([]);
        // Whatever happened, the app still reads the document and the honest text is intact.
        const read = readEverything(doc);
        expect(read.length).toBeGreaterThan(0);
        expect(agendaNotes(doc, 'item-1')?.toString()).toContain('We agreed to ask the landlord.');
        expect(readChapter(doc)?.name).toBe('Basement');
        // The document still takes edits and round-trips.
        agendaNotes(doc, 'item-1')?.insert(0, '+');
        // What the device stores still loads: the whole state, and the updates it wrote one by one.
        const copy = new Y.Doc();
        Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
        const replayed = new Y.Doc();
        Y.applyUpdate(replayed, Y.encodeStateAsUpdate(before));
        for (const update of stored) Y.applyUpdate(replayed, update);
        expect(agendaNotes(copy, 'item-1')?.toString()).toBe(agendaNotes(doc, 'item-1')?.toString());
      }),
      { numRuns: RUNS },
    );
    expect(readEverything(before)).toBe(honestRead);
  }, 120_000);

  it(`${RUNS} valid updates carrying invalid app data: every repository reads them without throwing`, () => {
    const base = Y.encodeStateAsUpdate(honestChapter());
    fc.assert(
      fc.property(fc.array(injection, { minLength: 1, maxLength: 6 }), (injections) => {
        const vandal = new Y.Doc();
        Y.applyUpdate(vandal, base);
        for (const { pick, key: k, value, push } of injections) {
          const targets = containers(vandal);
          const target = targets[pick % targets.length]!;
          if (target instanceof Y.Map) target.set(k, toShared(value));
          else if (push) target.push([toShared(value)]);
          else if (target.length > 0) target.delete(pick % target.length, 1);
        }
        // The honest device receives the vandal's edits as an ordinary, valid update.
        const doc = new Y.Doc();
        Y.applyUpdate(doc, base);
        Y.applyUpdate(doc, Y.encodeStateAsUpdate(vandal, Y.encodeStateVector(doc)));
        expect(() => readEverything(doc)).not.toThrow();
        // Stored records the validators see are either well-formed or refused, never half-read.
        for (const raw of readPolls(doc).values()) for (const b of raw.ballots) expect(typeof isSignedBallot(b)).toBe('boolean');
      }),
      { numRuns: RUNS },
    );
  }, 120_000);
});

describe('ballots', () => {
  it(`${RUNS} arbitrary values as ballots, polls and close records: recognised or refused, never a throw`, () => {
    const near = fc.record(
      { id: fc.oneof(fc.string(), fc.integer()), pollId: fc.oneof(fc.constant('poll-1'), fc.string()), choice: garbage, signature: fc.oneof(fc.string(), fc.constant(null)), voter: garbage, castAt: fc.oneof(fc.string(), fc.integer()) },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(fc.oneof(garbage, near), (value) => {
        for (const check of [isSignedBallot, isSignedPoll, isSignedCloseRecord]) expect(typeof check(value)).toBe('boolean');
      }),
      { numRuns: RUNS },
    );
  });
});
