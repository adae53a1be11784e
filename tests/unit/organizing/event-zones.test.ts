import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { eventToForm, type EventForm, formToInput } from '../../../src/app/events';
import { createEvent, readEvent, updateEvent } from '../../../src/crdt/event-repository';
import { eventToIcs } from '../../../src/domain/calendar/ics';
import { toCalendarEvent } from '../../../src/domain/organizing/events';
import type { ChapterEvent } from '../../../src/domain/organizing/types';
import { type EventInput, validateEventInput } from '../../../src/domain/organizing/validate';

const alice = { id: 'key-alice', name: 'Alice' };
const at = '2026-03-01T10:00:00Z';
const form = (over: Partial<EventForm>): EventForm => ({
  title: 'Bookfair',
  allDay: false,
  timeZone: 'Europe/Lisbon',
  start: '2026-07-04T10:00',
  end: '2026-07-04T18:00',
  place: 'Praça',
  link: '',
  description: '',
  shared: false,
  ...over,
});

function stored(input: EventInput): ChapterEvent {
  const checked = validateEventInput(input);
  if (!checked.ok) throw new Error(JSON.stringify(checked.error));
  const doc = new Y.Doc();
  createEvent(doc, 'e1', checked.value, alice, at);
  return readEvent(doc, 'e1')!;
}

describe('events with a time zone', () => {
  it('stores the instant and the zone it was planned in, and edits back to the same wall time', () => {
    const event = stored(formToInput(form({})));
    expect(event).toMatchObject({ start: '2026-07-04T09:00:00Z', end: '2026-07-04T17:00:00Z', allDay: false, timeZone: 'Europe/Lisbon' });
    expect(eventToForm(event)).toEqual(form({}));
  });

  it('stores an all-day event as midnights in its zone; the export writes whole dates', () => {
    const input = formToInput(form({ allDay: true, timeZone: 'Asia/Kolkata', start: '2026-12-01', end: '2026-12-02' }));
    const event = stored(input);
    expect(event).toMatchObject({ start: '2026-11-30T18:30:00Z', end: '2026-12-02T18:30:00Z', allDay: true, timeZone: 'Asia/Kolkata' });
    expect(eventToForm(event)).toMatchObject({ allDay: true, start: '2026-12-01', end: '2026-12-02' });
    const calendar = toCalendarEvent(event, 'Delhi chapter');
    expect(calendar).toMatchObject({ allDay: true, start: '2026-12-01', end: '2026-12-02', timeZone: 'Asia/Kolkata' });
    const ics = eventToIcs(calendar, at);
    expect(ics.ok).toBe(true);
    if (ics.ok) {
      expect(ics.value).toContain('DTSTART;VALUE=DATE:20261201');
      // RFC 5545: the end of an all-day event is exclusive.
      expect(ics.value).toContain('DTEND;VALUE=DATE:20261203');
    }
  });

  it('reports an unknown zone, impossible dates and an end before the start; nothing is stored', () => {
    const bad = validateEventInput(formToInput(form({ timeZone: 'Atlantis/Capital' })));
    expect(bad.ok).toBe(false);
    // Only the zone is reported: the times themselves are fine.
    if (!bad.ok) expect(bad.error).toEqual([{ field: 'timeZone', code: 'invalidChoice' }]);
    const impossible = validateEventInput(formToInput(form({ allDay: true, start: '2026-02-30', end: '2026-03-01' })));
    expect(impossible.ok).toBe(false);
    if (!impossible.ok) expect(impossible.error).toContainEqual({ field: 'start', code: 'invalidDate' });
    const backwards = validateEventInput(formToInput(form({ allDay: true, start: '2026-03-05', end: '2026-03-04' })));
    expect(backwards.ok).toBe(false);
    if (!backwards.ok) expect(backwards.error).toContainEqual({ field: 'end', code: 'endBeforeStart' });
  });

  it('an edit replaces the timing and zone; an older event without a zone reads as timed, no zone', () => {
    const doc = new Y.Doc();
    const first = validateEventInput(formToInput(form({})));
    if (!first.ok) throw new Error('invalid');
    createEvent(doc, 'e1', first.value, alice, at);
    const edited = validateEventInput(formToInput(form({ title: 'Bookfair (two days)', allDay: true, start: '2026-07-04', end: '2026-07-05' })));
    if (!edited.ok) throw new Error('invalid');
    expect(updateEvent(doc, 'e1', edited.value, '2026-03-02T10:00:00Z')).toBe(true);
    expect(readEvent(doc, 'e1')).toMatchObject({ title: 'Bookfair (two days)', allDay: true, start: '2026-07-03T23:00:00Z', end: '2026-07-05T23:00:00Z' });
    const old = new Y.Doc();
    const map = new Y.Map<unknown>();
    old.getMap('events').set('old', map);
    for (const [key, value] of Object.entries({ title: 'Old talk', start: '2026-01-01T18:00:00Z', end: '2026-01-01T20:00:00Z', createdAt: at, updatedAt: at })) map.set(key, value);
    expect(readEvent(old, 'old')).toMatchObject({ allDay: false, timeZone: '' });
  });
});
