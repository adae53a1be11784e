/**
 * Cross-check with an independent iCalendar parser: Mozilla's ical.js (devDependency `ical.js`).
 * It unfolds, unescapes and types values on its own, so agreement here means the output is
 * what real calendar clients read, not just what our own mini reader expects.
 */
import fc from 'fast-check';
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { calendarToIcs, eventToIcs } from '../../../src/domain/calendar/ics';
import { event, expectedText, NOW } from './fixtures';
import { unescapeText } from './mini-ics';

function parse(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  return { calendar, events: calendar.getAllSubcomponents('vevent').map((vevent) => new ICAL.Event(vevent)) };
}

const iso = (time: ICAL.Time) => time.toJSDate().toISOString();

describe('ical.js reads our export', () => {
  it('gives back titles, descriptions, locations and UTC times', () => {
    const result = eventToIcs(
      event({ title: 'Plenum; budget, roles\\notes', description: 'Line 1\nLine 2, with comma; and semicolon' }),
      NOW,
    );
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    const { calendar, events } = parse(result.value);
    expect(calendar.getFirstPropertyValue('version')).toBe('2.0');
    expect(calendar.getFirstPropertyValue('method')).toBe('PUBLISH');
    const [e] = events;
    expect(e!.uid).toBe('evt0001@chapterhouse');
    expect(e!.summary).toBe('Plenum; budget, roles\\notes');
    expect(e!.description).toBe('Line 1\nLine 2, with comma; and semicolon');
    expect(e!.location).toBe('Community centre, room 2');
    expect(iso(e!.startDate)).toBe('2026-03-05T17:30:00.000Z');
    expect(iso(e!.endDate)).toBe('2026-03-05T20:00:00.000Z');
    expect(e!.component.getFirstPropertyValue('status')).toBe('CONFIRMED');
    expect(e!.component.getFirstPropertyValue('categories')).toBe('Vienna');
  });

  it('reads all-day events as dates with an exclusive end', () => {
    const result = eventToIcs(event({ allDay: true, start: '2026-03-05', end: '2026-03-07' }), NOW);
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    const [e] = parse(result.value).events;
    expect(e!.startDate.isDate).toBe(true);
    expect(e!.startDate.toString()).toBe('2026-03-05');
    expect(e!.endDate.toString()).toBe('2026-03-08');
  });

  it('agrees on arbitrary text, including long multi-byte lines that get folded', () => {
    const text = fc.string({
      unit: fc.constantFrom('a', ' ', '\\', ';', ',', ':', '\n', 'é', '日', '😀', '€'),
      maxLength: 200,
    });
    fc.assert(
      fc.property(text.filter((t) => t.trim().length > 0), text, text, text, (title, description, location, name) => {
        const result = calendarToIcs([event({ title, description, location })], { name, now: NOW });
        if (!result.ok) throw new Error(JSON.stringify(result.error));
        const { calendar, events } = parse(result.value);
        const [e] = events;
        expect(e!.summary).toBe(expectedText(title.trim()));
        if (description) expect(e!.description).toBe(expectedText(description));
        if (location) expect(e!.location).toBe(expectedText(location));
        // ical.js types unknown X- properties as raw text, so it hands back the escaped form.
        const calname = calendar.getFirstPropertyValue('x-wr-calname');
        if (name) expect(unescapeText(String(calname))).toBe(expectedText(name));
      }),
      { numRuns: 150 },
    );
  });
});
