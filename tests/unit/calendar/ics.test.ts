import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CalendarEvent } from '../../../src/domain/calendar/event';
import { calendarToIcs, eventToIcs } from '../../../src/domain/calendar/ics';
import { event, expectedText, NOW } from './fixtures';
import { parseCalendar, textOf, propValue } from './mini-ics';

function ics(result: ReturnType<typeof eventToIcs>): string {
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value;
}

describe('eventToIcs', () => {
  it('writes a complete, folded VCALENDAR with UTC times', () => {
    const text = ics(eventToIcs(event({ url: 'https://example.org/e/1?a=b&c=d' }), NOW));
    expect(text).toBe(
      [
        'BEGIN:VCALENDAR',
        'VERSION:2.0',
        'PRODID:-//Chapterhouse//Chapterhouse Calendar 1.0//EN',
        'CALSCALE:GREGORIAN',
        'METHOD:PUBLISH',
        'BEGIN:VEVENT',
        'UID:evt0001@chapterhouse',
        'DTSTAMP:20260301T120000Z',
        'DTSTART:20260305T173000Z',
        'DTEND:20260305T200000Z',
        'SUMMARY:Banner painting',
        'DESCRIPTION:Bring old sheets.',
        'LOCATION:Community centre\\, room 2',
        'URL:https://example.org/e/1?a=b&c=d',
        'CATEGORIES:Vienna',
        'STATUS:CONFIRMED',
        'CREATED:20260220T091500Z',
        'LAST-MODIFIED:20260225T100000Z',
        'END:VEVENT',
        'END:VCALENDAR',
        '',
      ].join('\r\n'),
    );
  });

  it('omits empty optional fields', () => {
    const text = ics(eventToIcs(event({ description: '', location: undefined, url: undefined, chapterName: '' }), NOW));
    const [vevent] = parseCalendar(text).events;
    expect(vevent!.map((p) => p.name)).toEqual([
      'UID',
      'DTSTAMP',
      'DTSTART',
      'DTEND',
      'SUMMARY',
      'STATUS',
      'CREATED',
      'LAST-MODIFIED',
    ]);
  });

  it('writes all-day events as dates with an exclusive end', () => {
    const oneDay = parseCalendar(ics(eventToIcs(event({ allDay: true, start: '2026-03-05', end: '2026-03-05' }), NOW)));
    const props = oneDay.events[0]!;
    expect(props.find((p) => p.name === 'DTSTART')).toEqual({ name: 'DTSTART', params: ';VALUE=DATE', value: '20260305' });
    expect(props.find((p) => p.name === 'DTEND')).toEqual({ name: 'DTEND', params: ';VALUE=DATE', value: '20260306' });
    const camp = event({ allDay: true, start: '2026-02-27T00:00:00+01:00', end: '2026-03-01T23:00:00+01:00' });
    const campProps = parseCalendar(ics(eventToIcs(camp, NOW))).events[0]!;
    expect(propValue(campProps, 'DTSTART')).toBe('20260227');
    expect(propValue(campProps, 'DTEND')).toBe('20260302');
  });

  it('maps every status', () => {
    for (const [status, value] of [
      ['tentative', 'TENTATIVE'],
      ['confirmed', 'CONFIRMED'],
      ['cancelled', 'CANCELLED'],
    ] as const) {
      expect(propValue(parseCalendar(ics(eventToIcs(event({ status }), NOW))).events[0]!, 'STATUS')).toBe(value);
    }
  });

  it('escapes line breaks, commas, semicolons and backslashes in every text field', () => {
    const nasty = 'a\\b;c,d\ne\r\nf';
    const escaped = 'a\\\\b\\;c\\,d\\ne\\nf';
    const e = event({ uid: nasty, title: nasty, description: nasty, location: nasty, chapterName: nasty });
    const result = calendarToIcs([e], { name: nasty, now: NOW });
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    const parsed = parseCalendar(result.value);
    expect(propValue(parsed.properties, 'X-WR-CALNAME')).toBe(escaped);
    expect(textOf(parsed.properties, 'X-WR-CALNAME')).toBe('a\\b;c,d\ne\nf');
    const props = parsed.events[0]!;
    for (const name of ['SUMMARY', 'DESCRIPTION', 'LOCATION', 'CATEGORIES']) {
      expect(propValue(props, name), name).toBe(escaped);
      expect(textOf(props, name), name).toBe('a\\b;c,d\ne\nf');
    }
    expect(propValue(props, 'UID')).toBe(`${escaped}@chapterhouse`);
  });
});

describe('validation', () => {
  const errorsOf = (e: CalendarEvent, now = NOW) => {
    const result = eventToIcs(e, now);
    return result.ok ? [] : result.error;
  };

  it('rejects an end before the start, and zero-length events', () => {
    expect(errorsOf(event({ end: '2026-03-05T18:00:00+01:00' }))).toEqual([{ field: 'end', code: 'endBeforeStart' }]);
    expect(errorsOf(event({ end: '2026-03-05T17:30:00.900Z' }))).toEqual([{ field: 'end', code: 'zeroDuration' }]);
    expect(errorsOf(event({ allDay: true, start: '2026-03-05', end: '2026-03-04' }))).toEqual([
      { field: 'end', code: 'endBeforeStart' },
    ]);
    // Same instant, written in two zones: not before.
    expect(errorsOf(event({ end: '2026-03-05T19:30:00+02:00' }))).toEqual([{ field: 'end', code: 'zeroDuration' }]);
  });

  it('rejects invalid dates, an empty title and other bad fields with typed errors', () => {
    expect(
      errorsOf(
        event({
          uid: ' ',
          title: '  \n ',
          start: '2026-02-30T10:00:00Z',
          end: 'tomorrow',
          createdAt: '',
          updatedAt: '2026-03-01T25:00:00Z',
          timeZone: 'Mars/Olympus_Mons',
          url: 'javascript:alert(1)',
          status: 'maybe' as 'confirmed',
        }),
        'now',
      ),
    ).toEqual([
      { field: 'uid', code: 'required' },
      { field: 'title', code: 'required' },
      { field: 'start', code: 'invalidDate' },
      { field: 'end', code: 'invalidDate' },
      { field: 'createdAt', code: 'invalidDate' },
      { field: 'updatedAt', code: 'invalidDate' },
      { field: 'timeZone', code: 'invalidTimeZone' },
      { field: 'url', code: 'invalidUrl' },
      { field: 'status', code: 'invalidStatus' },
      { field: 'now', code: 'invalidDate' },
    ]);
    expect(errorsOf(event({ start: '2026-03-05T18:30:00' }))).toEqual([{ field: 'start', code: 'invalidDate' }]);
    expect(errorsOf(event({ url: 'https://example.org/a b' }))).toEqual([{ field: 'url', code: 'invalidUrl' }]);
    expect(errorsOf(event({ timeZone: 'America/Argentina/Buenos_Aires' }))).toEqual([]);
  });

  it('reports every bad event of a calendar by index, plus duplicate uids', () => {
    const result = calendarToIcs([event(), event({ uid: 'b', title: '' }), event()], { name: 'X', now: 'x' });
    expect(result).toEqual({
      ok: false,
      error: [
        { code: 'invalidNow' },
        { code: 'invalidEvent', index: 1, errors: [{ field: 'title', code: 'required' }] },
        { code: 'duplicateUid', index: 2, uid: 'evt0001' },
      ],
    });
  });
});

describe('calendarToIcs', () => {
  const textField = fc.string({ unit: fc.constantFrom('a', 'Z', ' ', '\\', ';', ',', ':', '\n', '\r', 'é', '日', '😀', '\t') });
  const eventArb = fc.record({
    title: textField.filter((t) => t.trim().length > 0).map((t) => t.trim()),
    description: textField,
    location: textField,
    chapterName: textField,
    startMinute: fc.integer({ min: 0, max: 5_000_000 }),
    minutes: fc.integer({ min: 1, max: 60 * 24 * 10 }),
  });

  it('round-trips titles, descriptions, places and times through folding and escaping', () => {
    fc.assert(
      fc.property(fc.array(eventArb, { maxLength: 5 }), textField, (specs, name) => {
        const base = Date.parse('2020-01-01T00:00:00Z');
        const events = specs.map((s, i) =>
          event({
            uid: `evt${i}`,
            title: s.title,
            description: s.description,
            location: s.location,
            chapterName: s.chapterName,
            start: new Date(base + s.startMinute * 60_000).toISOString(),
            end: new Date(base + (s.startMinute + s.minutes) * 60_000).toISOString(),
          }),
        );
        const result = calendarToIcs(events, { name, now: NOW });
        if (!result.ok) throw new Error(JSON.stringify(result.error));
        for (const line of result.value.split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
        const parsed = parseCalendar(result.value);
        expect(parsed.events).toHaveLength(events.length);
        parsed.events.forEach((props, i) => {
          const s = specs[i]!;
          expect(textOf(props, 'UID')).toBe(`evt${i}@chapterhouse`);
          expect(textOf(props, 'SUMMARY')).toBe(expectedText(s.title));
          expect(textOf(props, 'DESCRIPTION')).toBe(s.description ? expectedText(s.description) : undefined);
          expect(textOf(props, 'LOCATION')).toBe(s.location ? expectedText(s.location) : undefined);
          expect(textOf(props, 'CATEGORIES')).toBe(s.chapterName ? expectedText(s.chapterName) : undefined);
          const utc = (ms: number) => new Date(ms).toISOString().replace(/[-:]|\.\d{3}/g, '');
          expect(propValue(props, 'DTSTART')).toBe(utc(base + s.startMinute * 60_000));
          expect(propValue(props, 'DTEND')).toBe(utc(base + (s.startMinute + s.minutes) * 60_000));
        });
      }),
      { numRuns: 200 },
    );
  });

  it('has the calendar properties once and balanced components', () => {
    const result = calendarToIcs([event(), event({ uid: 'evt2' })], { name: 'Vienna chapter', now: NOW });
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    const parsed = parseCalendar(result.value);
    expect(parsed.properties.map((p) => `${p.name}:${p.value}`)).toEqual([
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      'PRODID:-//Chapterhouse//Chapterhouse Calendar 1.0//EN',
      'CALSCALE:GREGORIAN',
      'METHOD:PUBLISH',
      'X-WR-CALNAME:Vienna chapter',
      'END:VCALENDAR',
    ]);
    expect(parsed.events.map((props) => propValue(props, 'UID'))).toEqual(['evt0001@chapterhouse', 'evt2@chapterhouse']);
    const empty = calendarToIcs([], { name: '', now: NOW });
    expect(empty.ok && parseCalendar(empty.value).events).toEqual([]);
  });
});
