import type { CalendarEvent } from '../calendar/event';
import { instantToDate } from '../calendar/zone';
import type { ChapterEvent, Rsvp } from './types';

/** Upcoming: not yet over at `now` (soonest first). Past: over (most recent first). */
export function splitEvents(events: readonly ChapterEvent[], now: string): { readonly upcoming: readonly ChapterEvent[]; readonly past: readonly ChapterEvent[] } {
  const at = Date.parse(now);
  const upcoming = events.filter((event) => Date.parse(event.end) > at).sort((a, b) => a.start.localeCompare(b.start) || a.id.localeCompare(b.id));
  const past = events.filter((event) => Date.parse(event.end) <= at).sort((a, b) => b.start.localeCompare(a.start) || a.id.localeCompare(b.id));
  return { upcoming, past };
}

export function rsvpCounts(event: ChapterEvent): Readonly<Record<Rsvp, number>> {
  const counts = { going: 0, maybe: 0, no: 0 };
  for (const entry of event.rsvps) counts[entry.answer]++;
  return counts;
}

/** The calendar exporter's view of a chapter event. */
export function toCalendarEvent(event: ChapterEvent, chapterName: string): CalendarEvent {
  return {
    uid: event.id,
    title: event.title,
    description: event.description,
    location: event.place || event.link,
    url: event.link || undefined,
    // All-day: the first and last (inclusive) dates in the event's zone; the export writes VALUE=DATE.
    ...(event.allDay
      ? { allDay: true, start: instantToDate(event.start, event.timeZone || 'UTC'), end: instantToDate(new Date(Date.parse(event.end) - 1).toISOString(), event.timeZone || 'UTC') }
      : { start: event.start, end: event.end }),
    ...(event.timeZone ? { timeZone: event.timeZone } : {}),
    createdAt: event.createdAt,
    updatedAt: event.updatedAt,
    chapterName,
    status: event.cancelled ? 'cancelled' : 'confirmed',
  };
}

/** A file name for a download: letters, digits and dashes only. */
export function icsFileName(title: string): string {
  const base = title
    .normalize('NFKD')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .toLowerCase();
  return `${base || 'calendar'}.ics`;
}
