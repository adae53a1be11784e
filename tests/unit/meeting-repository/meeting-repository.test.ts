import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addGuest,
  agendaNotes,
  createAgendaItem,
  createMeeting,
  readAgenda,
  readMeeting,
  readMeetings,
  readQuorumRule,
  setAgendaOrder,
  setAgendaRemoved,
  setAttendance,
  setQuorumRule,
  updateMeeting,
} from '../../../src/crdt/meeting-repository';
import {
  appendQueueEntry,
  createActionItem,
  createDecision,
  queueFromLog,
  readActionItems,
  readDecisions,
  readQueueLog,
} from '../../../src/crdt/meeting-records';
import type { MemberId } from '../../../src/domain/meeting/ids';
import { keyBetween } from '../../../src/domain/meeting/order-key';
import { nextRaiseStamp, orderQueue } from '../../../src/domain/meeting/speaker-queue';
import type { MeetingDetails } from '../../../src/domain/meeting/types';

const details: MeetingDetails = {
  title: 'General assembly',
  startsAt: '2030-05-01T18:00:00Z',
  place: 'Union hall',
  link: '',
  facilitatorId: 'ana' as MemberId,
  noteTakerIds: ['bo' as MemberId],
};

const sync = (a: Y.Doc, b: Y.Doc) => {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
};

function twoDevices() {
  const a = new Y.Doc();
  const b = new Y.Doc();
  createMeeting(a, 'm1', details, 'dev-a', '2030-04-01T00:00:00Z');
  createAgendaItem(a, 'i1', 'm1', { title: 'Budget', presenter: null, timeboxMinutes: 10, pollId: null }, keyBetween(null, null));
  sync(a, b);
  return { a, b };
}

describe('meeting repository', () => {
  it('round-trips a meeting, its agenda, attendance, decisions and action items', () => {
    const doc = new Y.Doc();
    createMeeting(doc, 'm1', details, 'dev', '2030-04-01T00:00:00Z');
    createAgendaItem(doc, 'i1', 'm1', { title: 'Budget', presenter: { kind: 'guest', name: 'Zoe' }, timeboxMinutes: 10, pollId: null }, 'h');
    setAttendance(doc, 'm1', 'ana', true, 'dev', 'now');
    addGuest(doc, 'm1', 'g1', 'Visitor');
    createDecision(doc, 'd1', 'm1', 'i1', { text: 'Adopt', method: 'majority', counts: { for: 3, against: 1, abstain: 0, standAside: 1, block: 0 }, pollId: null, dissent: [{ who: { kind: 'guest', name: 'Zoe' }, position: '  verbatim\n' }] }, 't');
    createActionItem(doc, 'a1', 'm1', 'i1', { what: 'Book hall', ownerId: 'ana' as MemberId, due: '2030-05-10', status: 'open' }, 't');
    const meeting = readMeeting(doc, 'm1');
    expect(meeting).toMatchObject({ title: 'General assembly', place: 'Union hall', facilitatorId: 'ana', noteTakerIds: ['bo'], presentMemberIds: ['ana'] });
    expect(meeting?.guests).toEqual([{ id: 'g1', name: 'Visitor' }]);
    expect(readAgenda(doc, 'm1')[0]).toMatchObject({ title: 'Budget', presenter: { kind: 'guest', name: 'Zoe' }, timeboxMinutes: 10, removed: false });
    expect(readDecisions(doc, 'm1')[0]?.dissent[0]?.position).toBe('  verbatim\n');
    expect(readDecisions(doc, 'm1')[0]?.counts?.standAside).toBe(1);
    expect(readActionItems(doc, null)).toHaveLength(1);
    expect(readQuorumRule(doc)).toEqual({ kind: 'percent', percent: 50 });
    setQuorumRule(doc, { kind: 'count', min: 3 });
    expect(readQuorumRule(doc)).toEqual({ kind: 'count', min: 3 });
  });

  it('keeps unknown keys of a meeting when it is edited', () => {
    const doc = new Y.Doc();
    createMeeting(doc, 'm1', details, 'dev', 't');
    (doc.getMap('meetings').get('m1') as Y.Map<unknown>).set('futureField', 42);
    updateMeeting(doc, 'm1', { ...details, title: 'Renamed' });
    expect((doc.getMap('meetings').get('m1') as Y.Map<unknown>).get('futureField')).toBe(42);
    expect(readMeetings(doc)[0]?.title).toBe('Renamed');
  });

  it('merges concurrent edits: minutes typed on two offline devices, check-ins and reordering', () => {
    const { a, b } = twoDevices();
    agendaNotes(a, 'i1')?.insert(0, 'Ana notes the budget. ');
    agendaNotes(b, 'i1')?.insert(0, 'Bo notes the vote. ');
    setAttendance(a, 'm1', 'ana', true, 'dev-a', 't');
    setAttendance(b, 'm1', 'bo', true, 'dev-b', 't');
    updateMeeting(a, 'm1', { ...details, title: 'Renamed on A' });
    updateMeeting(b, 'm1', { ...details, place: 'Moved on B' });
    createAgendaItem(b, 'i2', 'm1', { title: 'Rent', presenter: null, timeboxMinutes: 5, pollId: null }, keyBetween(readAgenda(b, 'm1')[0]?.orderKey ?? null, null));
    setAgendaRemoved(a, 'i1', true);
    sync(a, b);
    for (const doc of [a, b]) {
      const notes = agendaNotes(doc, 'i1')?.toString() ?? '';
      expect(notes).toContain('Ana notes the budget. ');
      expect(notes).toContain('Bo notes the vote. ');
      expect(readMeeting(doc, 'm1')).toMatchObject({ title: 'Renamed on A', place: 'Moved on B', presentMemberIds: ['ana', 'bo'] });
      expect(readAgenda(doc, 'm1').map((i) => [i.id, i.removed])).toEqual([
        ['i1', true],
        ['i2', false],
      ]);
    }
    expect(agendaNotes(a, 'i1')?.toString()).toBe(agendaNotes(b, 'i1')?.toString());
    // Moving the second item above the first.
    const [first] = readAgenda(a, 'm1');
    setAgendaOrder(a, 'i2', keyBetween(null, first?.orderKey ?? null));
    expect(readAgenda(a, 'm1').map((i) => i.id)).toEqual(['i2', 'i1']);
  });

  it('merges raised hands from two offline devices into the same queue order on both', () => {
    const { a, b } = twoDevices();
    const raise = (doc: Y.Doc, who: string) => {
      const queue = queueFromLog(readQueueLog(doc, 'm1'), 'fifo');
      appendQueueEntry(doc, 'm1', { kind: 'raise', memberId: who, stamp: nextRaiseStamp(queue), at: Date.now() });
    };
    raise(a, 'ana');
    raise(b, 'bo');
    raise(b, 'cy');
    sync(a, b);
    raise(a, 'dee');
    sync(a, b);
    const order = (doc: Y.Doc) => orderQueue(queueFromLog(readQueueLog(doc, 'm1'), 'fifo')).map((e) => e.memberId);
    expect(order(a)).toEqual(order(b));
    expect(order(a)).toEqual(['ana', 'bo', 'cy', 'dee']);
    // The facilitator calls Ana; Ana's hand goes down on both, and she becomes the current speaker.
    appendQueueEntry(a, 'm1', { kind: 'call', memberId: 'ana', stamp: 1, at: 1000 });
    sync(a, b);
    const queue = queueFromLog(readQueueLog(b, 'm1'), 'progressive');
    expect(queue.current).toEqual({ memberId: 'ana', since: 1000 });
    expect(orderQueue(queue).map((e) => e.memberId)).toEqual(['bo', 'cy', 'dee']);
    // Ana raises again: in progressive mode those who have not spoken go first.
    raise(b, 'ana');
    expect(orderQueue(queueFromLog(readQueueLog(b, 'm1'), 'progressive')).map((e) => e.memberId)).toEqual(['bo', 'cy', 'dee', 'ana']);
  });

  it('orders keys strictly between neighbours', () => {
    let low: string | null = null;
    let high: string | null = null;
    for (let i = 0; i < 50; i++) {
      const mid = keyBetween(low, high);
      if (low !== null) expect(mid > low).toBe(true);
      if (high !== null) expect(mid < high).toBe(true);
      if (i % 2 === 0) high = mid;
      else low = mid;
    }
  });
});
