import { createSignal, onCleanup } from 'solid-js';
import { createEvent, observeEvents, readEvent, readEvents, setEventCancelled, setRsvp, updateEvent } from '../crdt/event-repository';
import type { CalendarError } from '../domain/calendar/ics';
import { calendarToIcs, eventToIcs } from '../domain/calendar/ics';
import type { EventError } from '../domain/calendar/event';
import { instantToDate, instantToWallTime, isTimeZoneName, wallTimeToInstant } from '../domain/calendar/zone';
import { observeSharedCopies, readSharedCopies } from '../crdt/shared-event-repository';
import type { DocId } from '../domain/ids';
import type { SharedEventCopy } from '../domain/organizing/shared-events';
import { icsFileName, splitEvents, toCalendarEvent } from '../domain/organizing/events';
import type { ChapterEvent, OrganizingError, Rsvp } from '../domain/organizing/types';
import type { EventInput } from '../domain/organizing/validate';
import { validateEventInput } from '../domain/organizing/validate';
import type { Result } from '../domain/result';
import { err, ok } from '../domain/result';
import { fromCrdt } from './bridge';
import type { FeatureDeps } from './feature-deps';
import { openDoc } from './feature-deps';
import { currentPerson, newRecordId } from './projects';

export type { ChapterEvent, EventInput, Rsvp, SharedEventCopy };

/** The value of an <input type="datetime-local"> (local wall time) as a UTC RFC 3339 string, '' if invalid. */
export function localInputToIso(value: string): string {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(value)) return '';
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? '' : date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** The reverse, for editing: a UTC instant as local wall time `YYYY-MM-DDTHH:MM`. */
export function isoToLocalInput(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** This device's IANA zone (the default for new events, and the zone events are shown in). */
export const viewerTimeZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';

/** Every IANA zone this platform knows, for the zone picker. */
export const knownTimeZones = (): readonly string[] =>
  typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [viewerTimeZone(), 'UTC'];

/** An event form's values: wall times (or dates, all-day) in the chosen zone. */
export interface EventForm {
  readonly title: string;
  readonly allDay: boolean;
  readonly timeZone: string;
  /** `YYYY-MM-DDTHH:MM`, or `YYYY-MM-DD` for all-day (the last day, inclusive, for `end`). */
  readonly start: string;
  readonly end: string;
  readonly place: string;
  readonly link: string;
  readonly description: string;
  /** Share with the federation: every ancestor branch's members see it. */
  readonly shared: boolean;
}

const nextDay = (date: string): string => {
  const ms = Date.parse(`${date}T00:00:00Z`);
  return /^\d{4}-\d{2}-\d{2}$/.test(date) && !Number.isNaN(ms) ? new Date(ms + 86_400_000).toISOString().slice(0, 10) : '';
};

/** Form → stored input: wall times read in the event's zone become UTC instants ('' when invalid). */
export function formToInput(form: EventForm): EventInput {
  const zone = form.timeZone.trim();
  // An unknown zone is reported on its own field (validation); the times are read as UTC meanwhile.
  const readIn = isTimeZoneName(zone) ? zone : 'UTC';
  const start = wallTimeToInstant(form.start, readIn);
  const end = form.allDay ? wallTimeToInstant(nextDay(form.end), readIn) : wallTimeToInstant(form.end, readIn);
  return { title: form.title, start, end, place: form.place, link: form.link, description: form.description, allDay: form.allDay, timeZone: zone, shared: form.shared };
}

/** Stored event → form values, in the zone it was planned in (older events: this device's zone). */
export function eventToForm(event: ChapterEvent): EventForm {
  const zone = event.timeZone || viewerTimeZone();
  const lastInstant = new Date(Date.parse(event.end) - 1).toISOString();
  return {
    title: event.title,
    allDay: event.allDay,
    timeZone: zone,
    start: event.allDay ? instantToDate(event.start, zone) : instantToWallTime(event.start, zone),
    end: event.allDay ? instantToDate(lastInstant, zone) : instantToWallTime(event.end, zone),
    place: event.place,
    link: event.link,
    description: event.description,
    shared: event.shared,
  };
}

export interface IcsFile {
  readonly name: string;
  readonly text: string;
}

/** Saves text as a file through a Blob of type text/calendar (works offline). */
export function downloadIcs(file: IcsFile): void {
  const blob = new Blob([file.text], { type: 'text/calendar;charset=utf-8' });
  const url = URL.createObjectURL(blob);
  const anchor = document.createElement('a');
  anchor.href = url;
  anchor.download = file.name;
  anchor.rel = 'noopener';
  document.body.append(anchor);
  anchor.click();
  anchor.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

const MINUTE = 60_000;

export function createEventStore(deps: FeatureDeps) {
  /** Call inside a reactive owner (a section). */
  function view(docId: DocId) {
    const doc = openDoc(deps, docId);
    const state = fromCrdt(
      (onChange) => observeEvents(doc, onChange),
      () => ({ list: readEvents(doc) }),
    );
    // Events member chapters shared with the federation (copies this branch holds; withdrawn ones hidden).
    const copies = fromCrdt(
      (onChange) => observeSharedCopies(doc, onChange),
      () => ({ list: [...readSharedCopies(doc).values()].filter((copy) => copy.status !== 'withdrawn') }),
    );
    // "Upcoming" moves on by itself while the page stays open.
    const [now, setNow] = createSignal(new Date().toISOString());
    const timer = setInterval(() => setNow(new Date().toISOString()), MINUTE);
    onCleanup(() => clearInterval(timer));
    const me = () => currentPerson(deps);

    return {
      events: (): readonly ChapterEvent[] => state().list,
      split: () => splitEvents(state().list, now()),
      event: (id: string): ChapterEvent | undefined => state().list.find((event) => event.id === id),
      /** Shared by member chapters, not yet over, soonest first. */
      sharedUpcoming: (): readonly SharedEventCopy[] => {
        const at = Date.parse(now());
        return copies()
          .list.filter((copy) => Date.parse(copy.end) > at)
          .sort((a, b) => a.start.localeCompare(b.start) || a.key.localeCompare(b.key));
      },
      sharedCopy: (key: string): SharedEventCopy | undefined => copies().list.find((copy) => copy.key === key),
      /** Whether this device holds the chapter a copy came from (then the original is one tap away). */
      holdsChapter: (id: string): boolean => deps.documents.get(id as DocId) !== undefined,
      myRsvp: (event: ChapterEvent): Rsvp | null => event.rsvps.find((entry) => entry.person.id === deps.identity.deviceKey)?.answer ?? null,
      create(input: EventInput): Result<string, readonly OrganizingError[]> {
        const checked = validateEventInput(input);
        if (!checked.ok) return checked;
        const id = newRecordId();
        createEvent(doc, id, checked.value, me(), new Date().toISOString());
        return ok(id);
      },
      update(id: string, input: EventInput): Result<string, readonly OrganizingError[]> {
        const checked = validateEventInput(input);
        if (!checked.ok) return checked;
        return updateEvent(doc, id, checked.value, new Date().toISOString()) ? ok(id) : err([{ field: 'record', code: 'notFound' }]);
      },
      rsvp: (id: string, answer: Rsvp): boolean => setRsvp(doc, id, me(), answer),
      setCancelled: (id: string, cancelled: boolean): boolean => setEventCancelled(doc, id, cancelled, new Date().toISOString()),
      exportEvent(id: string, chapterName: string): Result<IcsFile, readonly EventError[]> {
        const event = readEvent(doc, id);
        if (!event) return err([{ field: 'uid', code: 'required' }]);
        const text = eventToIcs(toCalendarEvent(event, chapterName), new Date().toISOString());
        return text.ok ? ok({ name: icsFileName(event.title), text: text.value }) : text;
      },
      exportCalendar(chapterName: string): Result<IcsFile, readonly CalendarError[]> {
        const text = calendarToIcs(
          readEvents(doc).map((event) => toCalendarEvent(event, chapterName)),
          { name: chapterName, now: new Date().toISOString() },
        );
        return text.ok ? ok({ name: icsFileName(chapterName), text: text.value }) : text;
      },
    };
  }
  return { view };
}

export type EventStore = ReturnType<typeof createEventStore>;
export type EventsView = ReturnType<EventStore['view']>;
