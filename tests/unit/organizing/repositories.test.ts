import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createEvent, readEvents, setRsvp, updateEvent } from '../../../src/crdt/event-repository';
import { addReply, createPost, readPosts, readReplies } from '../../../src/crdt/post-repository';
import { addOffer, createProject, readOffers, readProjects, setOfferStatus, setParticipation, updateProject } from '../../../src/crdt/project-repository';
import { appendChange, appendSwap, createRotation, readRotations } from '../../../src/crdt/rotation-repository';
import { assignment } from '../../../src/domain/rotation/rotation';

const alice = { id: 'key-alice', name: 'Alice' };
const bob = { id: 'key-bob', name: 'Bob' };
const at = '2026-03-01T10:00:00Z';

function pair() {
  const a = new Y.Doc();
  const b = new Y.Doc();
  return { a, b };
}

/** Exchange everything both ways, as two devices meeting again. */
function sync(a: Y.Doc, b: Y.Doc) {
  const toB = Y.encodeStateAsUpdate(a, Y.encodeStateVector(b));
  const toA = Y.encodeStateAsUpdate(b, Y.encodeStateVector(a));
  Y.applyUpdate(b, toB);
  Y.applyUpdate(a, toA);
}

describe('project repository', () => {
  it('round-trips a project with its offers', () => {
    const doc = new Y.Doc();
    createProject(doc, 'p1', { title: 'Tool library', description: 'Drills, ladders', kind: 'tool-share' }, alice, at);
    addOffer(doc, 'o1', 'p1', { direction: 'offer', category: 'tool', title: 'Drill', details: '', availability: 'weekends' }, alice, at);
    const [project] = readProjects(doc);
    expect(project).toMatchObject({ id: 'p1', title: 'Tool library', kind: 'tool-share', createdBy: alice, participants: [alice] });
    expect(readOffers(doc, 'p1')).toEqual([
      expect.objectContaining({ id: 'o1', title: 'Drill', status: 'open', availability: 'weekends', claimedBy: null, author: alice }),
    ]);
  });

  it('merges concurrent joins, edits of different fields and claims', () => {
    const { a, b } = pair();
    createProject(a, 'p1', { title: 'Rides', description: '', kind: 'mutual-aid' }, alice, at);
    addOffer(a, 'o1', 'p1', { direction: 'offer', category: 'ride', title: 'Lift to the bookfair', details: '', availability: '' }, alice, at);
    sync(a, b);
    setParticipation(b, 'p1', bob, true);
    updateProject(a, 'p1', { title: 'Rides', description: 'Car pool', kind: 'mutual-aid' });
    updateProject(b, 'p1', { title: 'Rides and lifts', description: '', kind: 'mutual-aid' });
    setOfferStatus(b, 'o1', 'claimed', bob);
    sync(a, b);
    for (const doc of [a, b]) {
      const [project] = readProjects(doc);
      expect(project?.participants.map((p) => p.id)).toEqual(['key-alice', 'key-bob']);
      expect(project?.title).toBe('Rides and lifts');
      expect(project?.description).toBe('Car pool');
      expect(readOffers(doc, 'p1')[0]).toMatchObject({ status: 'claimed', claimedBy: bob });
    }
  });

  it('keeps keys written by a newer version and ignores malformed records', () => {
    const doc = new Y.Doc();
    createProject(doc, 'p1', { title: 'A', description: '', kind: 'campaign' }, alice, at);
    const record = doc.getMap('projects').get('p1') as Y.Map<unknown>;
    record.set('futureField', 42);
    doc.getMap('projects').set('junk', new Y.Map());
    updateProject(doc, 'p1', { title: 'B', description: '', kind: 'campaign' });
    expect(record.get('futureField')).toBe(42);
    expect(readProjects(doc).map((p) => p.title)).toEqual(['B']);
  });
});

describe('rotation repository', () => {
  it('round-trips and merges swaps appended on two devices', () => {
    const { a, b } = pair();
    const rotation = { id: 'r1', period: 'weekly' as const, start: '2026-01-05', seed: 'r1:bookfair', participants: ['m1', 'm2', 'm3'], changes: [], swaps: [] };
    createRotation(a, { projectId: 'p1', title: 'Stall duty', agreedValue: 'bookfair', createdAt: at, rotation });
    sync(a, b);
    appendSwap(a, 'r1', { cycle: 0, a: 'm1', b: 'm2' });
    appendChange(b, 'r1', { kind: 'join', memberId: 'm4', recordedAt: '2026-01-06' });
    sync(a, b);
    const [fromA] = readRotations(a, 'p1');
    const [fromB] = readRotations(b, 'p1');
    expect(fromA).toEqual(fromB);
    expect(fromA?.rotation.swaps).toEqual([{ cycle: 0, a: 'm1', b: 'm2' }]);
    expect(fromA?.rotation.changes).toHaveLength(1);
    // The stored rotation is a valid domain rotation; everyone derives the same order.
    const slots = assignment(fromA!.rotation, 0);
    expect(slots.ok).toBe(true);
    expect(assignment(fromB!.rotation, 0)).toEqual(slots);
  });
});

describe('event repository', () => {
  it('round-trips, merges RSVPs from two devices and keeps field edits', () => {
    const { a, b } = pair();
    const input = { title: 'Bookfair, Dublin', start: '2026-05-01T10:00:00Z', end: '2026-05-01T16:00:00Z', place: 'Liberty Hall', link: '', description: 'Stall\nand talks' };
    createEvent(a, 'e1', input, alice, at);
    sync(a, b);
    setRsvp(a, 'e1', alice, 'going');
    setRsvp(b, 'e1', bob, 'maybe');
    updateEvent(b, 'e1', { ...input, place: 'Liberty Hall, room 2' }, at);
    sync(a, b);
    for (const doc of [a, b]) {
      const [event] = readEvents(doc);
      expect(event?.place).toBe('Liberty Hall, room 2');
      expect(event?.description).toBe('Stall\nand talks');
      expect(event?.rsvps.map((r) => [r.person.name, r.answer])).toEqual([
        ['Alice', 'going'],
        ['Bob', 'maybe'],
      ]);
    }
  });
});

describe('post repository', () => {
  it('round-trips posts byte for byte and merges replies', () => {
    const { a, b } = pair();
    const body = '# Hi\n\n<script>window.__pwned = 1</script>\n\n  indented `code`';
    createPost(a, 'n1', { kind: 'news', title: 'Minutes', body, status: 'published' }, alice, at);
    createPost(a, 'n2', { kind: 'blog', title: 'Draft', body: 'x', status: 'draft' }, alice, at);
    sync(a, b);
    addReply(a, 'r1', 'n1', 'Thanks', alice, '2026-03-01T11:00:00Z');
    addReply(b, 'r2', 'n1', 'Seconded', bob, '2026-03-01T11:01:00Z');
    sync(a, b);
    const post = readPosts(b).find((p) => p.id === 'n1');
    expect(post).toMatchObject({ body, status: 'published', publishedAt: at, author: alice });
    expect(readPosts(b).find((p) => p.id === 'n2')?.publishedAt).toBe('');
    expect(readReplies(a, 'n1').map((r) => r.body)).toEqual(['Thanks', 'Seconded']);
    expect(readReplies(b, 'n1')).toEqual(readReplies(a, 'n1'));
  });
});
