/**
 * iCalendar (RFC 5545) export of chapter events.
 *
 * Output: CRLF line endings (also after the last line); every content line folded at
 * 75 UTF-8 octets without splitting a character; TEXT values escaped (`\\ \; \, \n`).
 *
 * Times are written in UTC (`DTSTART:20260305T173000Z`) even when an event names a
 * time zone: a UTC time fixes the instant exactly, is valid everywhere, and avoids a
 * TZID, which would oblige us to ship a matching VTIMEZONE. Clients show it in the
 * viewer's zone. Sub-second parts are truncated. All-day events are written as
 * `DTSTART;VALUE=DATE:` with an exclusive `DTEND;VALUE=DATE:` (the day after the last day).
 *
 * Per VEVENT: UID (`<event uid>@chapterhouse`, stable across exports), DTSTAMP (`now`),
 * DTSTART, DTEND, SUMMARY, DESCRIPTION, LOCATION, URL (when given), CATEGORIES (the
 * chapter name), STATUS, CREATED, LAST-MODIFIED.
 */
import type { Result } from '../result';
import { err, ok } from '../result';
import { formatIcsDate, formatIcsUtc, parseInstant } from './datetime';
import type { CalendarEvent, EventError, EventTiming, ValidatedEvent } from './event';
import { validateEvent } from './event';
import { CRLF, contentLine, textLine } from './ics-text';

export const PRODID = '-//Chapterhouse//Chapterhouse Calendar 1.0//EN';
export const UID_SUFFIX = '@chapterhouse';

export interface CalendarOptions {
  /** Shown by clients as the calendar's name (X-WR-CALNAME); omitted when empty. */
  readonly name: string;
  /** DTSTAMP of every event: the moment of export, an RFC 3339 date-time. */
  readonly now: string;
}

export type CalendarError =
  | { readonly code: 'invalidEvent'; readonly index: number; readonly errors: readonly EventError[] }
  | { readonly code: 'duplicateUid'; readonly index: number; readonly uid: string }
  | { readonly code: 'invalidNow' };

const STATUS_VALUES = { tentative: 'TENTATIVE', confirmed: 'CONFIRMED', cancelled: 'CANCELLED' } as const;

function timingLines(timing: EventTiming): readonly string[] {
  if (timing.kind === 'allDay') {
    return [
      contentLine('DTSTART', formatIcsDate(timing.startDay), ';VALUE=DATE'),
      contentLine('DTEND', formatIcsDate(timing.endDay), ';VALUE=DATE'),
    ];
  }
  return [contentLine('DTSTART', formatIcsUtc(timing.start)), contentLine('DTEND', formatIcsUtc(timing.end))];
}

function veventLines(valid: ValidatedEvent, stamp: number): readonly string[] {
  const { event } = valid;
  const lines = [
    'BEGIN:VEVENT',
    textLine('UID', `${event.uid}${UID_SUFFIX}`),
    contentLine('DTSTAMP', formatIcsUtc(stamp)),
    ...timingLines(valid.timing),
    textLine('SUMMARY', event.title.trim()),
  ];
  if (event.description) lines.push(textLine('DESCRIPTION', event.description));
  if (event.location) lines.push(textLine('LOCATION', event.location));
  if (event.url) lines.push(contentLine('URL', event.url));
  if (event.chapterName) lines.push(textLine('CATEGORIES', event.chapterName));
  lines.push(
    contentLine('STATUS', STATUS_VALUES[event.status]),
    contentLine('CREATED', formatIcsUtc(valid.created)),
    contentLine('LAST-MODIFIED', formatIcsUtc(valid.updated)),
    'END:VEVENT',
  );
  return lines;
}

function wrapCalendar(name: string, events: readonly (readonly string[])[]): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    contentLine('PRODID', PRODID),
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
  ];
  if (name) lines.push(textLine('X-WR-CALNAME', name));
  for (const event of events) lines.push(...event);
  lines.push('END:VCALENDAR');
  return lines.join(CRLF) + CRLF;
}

/** A complete VCALENDAR holding the one event (for "add to my calendar"). */
export function eventToIcs(event: CalendarEvent, now: string): Result<string, readonly EventError[]> {
  const stamp = parseInstant(now);
  const valid = validateEvent(event);
  if (stamp === undefined || !valid.ok) {
    const errors: EventError[] = valid.ok ? [] : [...valid.error];
    if (stamp === undefined) errors.push({ field: 'now', code: 'invalidDate' });
    return err(errors);
  }
  return ok(wrapCalendar('', [veventLines(valid.value, stamp)]));
}

/** A VCALENDAR with one VEVENT per event, in the given order; every problem is reported. */
export function calendarToIcs(
  events: readonly CalendarEvent[],
  options: CalendarOptions,
): Result<string, readonly CalendarError[]> {
  const errors: CalendarError[] = [];
  const stamp = parseInstant(options.now);
  if (stamp === undefined) errors.push({ code: 'invalidNow' });
  const seen = new Set<string>();
  const blocks: (readonly string[])[] = [];
  events.forEach((event, index) => {
    if (seen.has(event.uid)) errors.push({ code: 'duplicateUid', index, uid: event.uid });
    seen.add(event.uid);
    const valid = validateEvent(event);
    if (!valid.ok) errors.push({ code: 'invalidEvent', index, errors: valid.error });
    else if (stamp !== undefined) blocks.push(veventLines(valid.value, stamp));
  });
  if (errors.length > 0) return err(errors);
  return ok(wrapCalendar(options.name, blocks));
}
