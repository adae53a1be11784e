import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { cappedText, NOTES_LIMIT } from '../../../src/app/meetings';
import { agendaNotes, createAgendaItem, createMeeting, observeMeetings, setAgendaRemoved } from '../../../src/crdt/meeting-repository';
import type { MeetingId } from '../../../src/domain/meeting/ids';

function meetingWithItem() {
  const doc = new Y.Doc();
  createMeeting(doc, 'm1', { title: 'GA', startsAt: '2030-05-01T18:00:00Z', place: '', link: '', facilitatorId: null, noteTakerIds: [] }, 'dev', 't');
  createAgendaItem(doc, 'i1', 'm1' as MeetingId, { title: 'Budget', presenter: null, timeboxMinutes: 5, pollId: null }, 'h');
  return doc;
}

describe('minutes guards', () => {
  it('a 5 MB paste never makes the minutes grow past the limit, and what was written stays', () => {
    const doc = meetingWithItem();
    const text = agendaNotes(doc, 'i1') as Y.Text;
    const notes = cappedText(text);
    notes.apply({ index: 0, deleteCount: 0, insert: 'Kept: the treasurer reported.' });
    notes.apply({ index: 5, deleteCount: 0, insert: 'x'.repeat(5 * 1024 * 1024) });
    expect(text.length).toBe(NOTES_LIMIT);
    expect(text.toString().startsWith('Kept:')).toBe(true);
    expect(text.toString().endsWith(' the treasurer reported.')).toBe(true);
  });

  it('keystrokes are reported as text-only changes, record changes are not', () => {
    const doc = meetingWithItem();
    const seen: boolean[] = [];
    const stop = observeMeetings(doc, ({ textOnly }) => seen.push(textOnly));
    agendaNotes(doc, 'i1')?.insert(0, 'a');
    setAgendaRemoved(doc, 'i1', true);
    stop();
    agendaNotes(doc, 'i1')?.insert(0, 'b');
    expect(seen).toEqual([true, false]);
  });

  it('an item removed while someone writes in it keeps every word (on both devices)', () => {
    const a = meetingWithItem();
    const b = new Y.Doc();
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    setAgendaRemoved(a, 'i1', true);
    agendaNotes(b, 'i1')?.insert(0, 'Written while it was being removed.');
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    for (const doc of [a, b]) expect(agendaNotes(doc, 'i1')?.toString()).toBe('Written while it was being removed.');
  });
});
