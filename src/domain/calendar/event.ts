import type { Result } from '../result';
import { err, ok } from '../result';
import { parseDate, parseDateTime, parseInstant } from './datetime';

export type EventStatus = 'tentative' | 'confirmed' | 'cancelled';

/**
 * A chapter event as the calendar export sees it.
 *
 * Timed events: `start`/`end` are RFC 3339 date-times with an offset
 * (`2026-03-05T18:30:00+01:00` or `…Z`); `end` must be later than `start` (to the second).
 *
 * All-day events (`allDay: true`): `start`/`end` are calendar dates `YYYY-MM-DD`, and
 * `end` is the event's LAST day (inclusive): a one-day event has `end === start`. A
 * date-time is accepted too; its written (local) date part is used. The export turns
 * this into the exclusive DTEND that RFC 5545 requires.
 *
 * `timeZone` (IANA name) is validated but the export writes UTC times, which fix the
 * instant exactly and need no VTIMEZONE component.
 */
export interface CalendarEvent {
  readonly uid: string;
  readonly title: string;
  readonly description?: string;
  readonly location?: string;
  /** http(s) only, ASCII URI characters; other schemes (javascript:, data:, …) are rejected. */
  readonly url?: string;
  readonly start: string;
  readonly end: string;
  readonly allDay?: boolean;
  readonly timeZone?: string;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly chapterName: string;
  readonly status: EventStatus;
}

export type EventDateField = 'start' | 'end' | 'createdAt' | 'updatedAt' | 'now';

export type EventError =
  | { readonly field: 'uid' | 'title'; readonly code: 'required' }
  | { readonly field: EventDateField; readonly code: 'invalidDate' }
  | { readonly field: 'end'; readonly code: 'endBeforeStart' | 'zeroDuration' }
  | { readonly field: 'timeZone'; readonly code: 'invalidTimeZone' }
  | { readonly field: 'url'; readonly code: 'invalidUrl' }
  | { readonly field: 'status'; readonly code: 'invalidStatus' };

/** Timed: instants in ms. All-day: day numbers, `endDay` exclusive (the day after the last day). */
export type EventTiming =
  | { readonly kind: 'timed'; readonly start: number; readonly end: number }
  | { readonly kind: 'allDay'; readonly startDay: number; readonly endDay: number };

export interface ValidatedEvent {
  readonly event: CalendarEvent;
  readonly timing: EventTiming;
  readonly created: number;
  readonly updated: number;
}

const STATUSES: readonly string[] = ['tentative', 'confirmed', 'cancelled'];
/** http(s) with only RFC 3986 URI characters (non-ASCII must be percent-encoded). */
const HTTP_URL = /^https?:\/\/[A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=%]+$/i;

/** The written calendar date of a date or date-time string (its local date), as a day number. */
function writtenDay(value: string): number | undefined {
  const asDate = parseDate(value);
  if (asDate !== undefined) return asDate;
  return parseDateTime(value) === undefined ? undefined : parseDate(value.slice(0, 10));
}

/** Answers of the (slow, ~1 ms) Intl check; bounded so odd input cannot grow it without limit. */
const zoneCache = new Map<string, boolean>();

/** An IANA zone name (or alias) the platform's Intl knows. */
function isTimeZone(name: string): boolean {
  const known = zoneCache.get(name);
  if (known !== undefined) return known;
  let valid = true;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
  } catch {
    valid = false;
  }
  if (zoneCache.size < 512) zoneCache.set(name, valid);
  return valid;
}

function validateTiming(event: CalendarEvent, errors: EventError[]): EventTiming | undefined {
  if (event.allDay === true) {
    const startDay = writtenDay(event.start);
    const lastDay = writtenDay(event.end);
    if (startDay === undefined) errors.push({ field: 'start', code: 'invalidDate' });
    if (lastDay === undefined) errors.push({ field: 'end', code: 'invalidDate' });
    if (startDay === undefined || lastDay === undefined) return undefined;
    if (lastDay < startDay) {
      errors.push({ field: 'end', code: 'endBeforeStart' });
      return undefined;
    }
    return { kind: 'allDay', startDay, endDay: lastDay + 1 };
  }
  const start = parseDateTime(event.start);
  const end = parseDateTime(event.end);
  if (start === undefined) errors.push({ field: 'start', code: 'invalidDate' });
  if (end === undefined) errors.push({ field: 'end', code: 'invalidDate' });
  if (start === undefined || end === undefined) return undefined;
  // The export has one-second resolution, so compare whole seconds.
  const startSecond = Math.floor(start / 1000);
  const endSecond = Math.floor(end / 1000);
  if (endSecond < startSecond) errors.push({ field: 'end', code: 'endBeforeStart' });
  else if (endSecond === startSecond) errors.push({ field: 'end', code: 'zeroDuration' });
  else return { kind: 'timed', start, end };
  return undefined;
}

export function validateEvent(event: CalendarEvent): Result<ValidatedEvent, readonly EventError[]> {
  const errors: EventError[] = [];
  if (event.uid.trim().length === 0) errors.push({ field: 'uid', code: 'required' });
  if (event.title.trim().length === 0) errors.push({ field: 'title', code: 'required' });
  const timing = validateTiming(event, errors);
  const created = parseInstant(event.createdAt);
  const updated = parseInstant(event.updatedAt);
  if (created === undefined) errors.push({ field: 'createdAt', code: 'invalidDate' });
  if (updated === undefined) errors.push({ field: 'updatedAt', code: 'invalidDate' });
  if (event.timeZone !== undefined && event.timeZone !== '' && !isTimeZone(event.timeZone)) {
    errors.push({ field: 'timeZone', code: 'invalidTimeZone' });
  }
  if (event.url !== undefined && event.url !== '' && !HTTP_URL.test(event.url)) {
    errors.push({ field: 'url', code: 'invalidUrl' });
  }
  if (!STATUSES.includes(event.status)) errors.push({ field: 'status', code: 'invalidStatus' });
  if (errors.length > 0 || timing === undefined || created === undefined || updated === undefined) {
    return err(errors);
  }
  return ok({ event, timing, created, updated });
}
