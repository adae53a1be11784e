import type { ChapterEvent } from '../../../app/events';
import { viewerTimeZone } from '../../../app/events';
import { instantToDate } from '../../../domain/calendar/zone';
import { formatDate, formatDateTime, locale, t } from '../../../i18n';

const inZone = (iso: string, zone: string): string => {
  try {
    return new Intl.DateTimeFormat(locale(), { dateStyle: 'medium', timeStyle: 'short', timeZone: zone }).format(new Date(iso));
  } catch {
    return iso;
  }
};

/** What a date line needs of an event, an original or a shared copy. */
export type EventTimes = Pick<ChapterEvent, 'start' | 'end' | 'allDay' | 'timeZone'>;

/** All-day: its dates in the zone it was planned in. Timed: in this device's zone. */
export function eventWhen(event: EventTimes): string {
  if (event.allDay) {
    const zone = event.timeZone || 'UTC';
    const first = instantToDate(event.start, zone);
    const last = instantToDate(new Date(Date.parse(event.end) - 1).toISOString(), zone);
    return first === last
      ? t('events.allDayOne', { day: formatDate(first) })
      : t('events.allDayRange', { first: formatDate(first), last: formatDate(last) });
  }
  return t('events.when', { start: formatDateTime(event.start), end: formatDateTime(event.end) });
}

/** A short line for lists: all-day events by their dates only (never a midnight time), others by their start. */
export function eventStartLabel(event: EventTimes): string {
  return event.allDay ? eventWhen(event) : formatDateTime(event.start);
}

/** The start in the zone the event was planned in, when that zone shows a different time than this device's; else ''. */
export function originalZoneNote(event: EventTimes): string {
  const zone = event.timeZone;
  if (!zone || event.allDay || zone === viewerTimeZone()) return '';
  const there = inZone(event.start, zone);
  return there === formatDateTime(event.start) ? '' : t('events.originalZone', { start: there, end: inZone(event.end, zone), zone });
}
