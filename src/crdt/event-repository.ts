import * as Y from 'yjs';
import type { ChapterEvent, Person, Rsvp, RsvpEntry } from '../domain/organizing/types';
import { RSVPS } from '../domain/organizing/types';
import type { EventInput } from '../domain/organizing/validate';
import { LOCAL_EDIT } from './shared-text';

/**
 * Chapter events: one Y.Map per event (flat keys, unknown keys survive). Each RSVP is one
 * key `rsvp:<member id>` holding {answer, name}, so members answering at once all survive.
 */
const eventsMap = (doc: Y.Doc): Y.Map<Y.Map<unknown>> => doc.getMap('events');
const RSVP = 'rsvp:';
const FIELDS = ['title', 'start', 'end', 'place', 'link', 'description', 'allDay', 'timeZone', 'shared'] as const;

const str = (map: Y.Map<unknown>, key: string): string => {
  const value = map.get(key);
  return typeof value === 'string' ? value : '';
};

/** Optional inputs as stored when absent. */
const defaults = { allDay: false, timeZone: '', shared: false } as Record<(typeof FIELDS)[number], string | boolean>;

function rsvpOf(id: string, value: unknown): RsvpEntry | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { answer, name } = value as { answer?: unknown; name?: unknown };
  if (typeof answer !== 'string' || !(RSVPS as readonly string[]).includes(answer)) return undefined;
  return { person: { id, name: typeof name === 'string' ? name : '' }, answer: answer as Rsvp };
}

function readRecord(id: string, map: Y.Map<unknown>): ChapterEvent | undefined {
  const title = str(map, 'title');
  const start = str(map, 'start');
  const end = str(map, 'end');
  if (!title || Number.isNaN(Date.parse(start)) || Number.isNaN(Date.parse(end))) return undefined;
  const rsvps: RsvpEntry[] = [];
  for (const [key, value] of map.entries()) {
    if (!key.startsWith(RSVP)) continue;
    const entry = rsvpOf(key.slice(RSVP.length), value);
    if (entry) rsvps.push(entry);
  }
  rsvps.sort((a, b) => a.person.name.localeCompare(b.person.name) || a.person.id.localeCompare(b.person.id));
  return {
    id,
    title,
    start,
    end,
    allDay: map.get('allDay') === true,
    timeZone: str(map, 'timeZone'),
    place: str(map, 'place'),
    link: str(map, 'link'),
    description: str(map, 'description'),
    shared: map.get('shared') === true,
    cancelled: map.get('cancelled') === true,
    createdAt: str(map, 'createdAt'),
    updatedAt: str(map, 'updatedAt'),
    createdBy: { id: str(map, 'createdById'), name: str(map, 'createdByName') },
    rsvps,
  };
}

/** Soonest first. */
export function readEvents(doc: Y.Doc): readonly ChapterEvent[] {
  const out: ChapterEvent[] = [];
  for (const [id, map] of eventsMap(doc).entries()) {
    if (!(map instanceof Y.Map)) continue;
    const event = readRecord(id, map);
    if (event) out.push(event);
  }
  return out.sort((a, b) => a.start.localeCompare(b.start) || a.id.localeCompare(b.id));
}

export function readEvent(doc: Y.Doc, id: string): ChapterEvent | undefined {
  const map = eventsMap(doc).get(id);
  return map instanceof Y.Map ? readRecord(id, map) : undefined;
}

export function createEvent(doc: Y.Doc, id: string, input: EventInput, by: Person, at: string): void {
  doc.transact(() => {
    const map = new Y.Map<unknown>();
    eventsMap(doc).set(id, map);
    for (const key of FIELDS) map.set(key, input[key] ?? defaults[key]);
    map.set('createdAt', at);
    map.set('updatedAt', at);
    map.set('createdById', by.id);
    map.set('createdByName', by.name);
  }, LOCAL_EDIT);
}

export function updateEvent(doc: Y.Doc, id: string, input: EventInput, at: string): boolean {
  const map = eventsMap(doc).get(id);
  if (!(map instanceof Y.Map)) return false;
  doc.transact(() => {
    for (const key of FIELDS) if (map.get(key) !== (input[key] ?? defaults[key])) map.set(key, input[key] ?? defaults[key]);
    map.set('updatedAt', at);
  }, LOCAL_EDIT);
  return true;
}

/** Calls an event off (or back on); it stays in the list, marked. */
export function setEventCancelled(doc: Y.Doc, id: string, cancelled: boolean, at: string): boolean {
  const map = eventsMap(doc).get(id);
  if (!(map instanceof Y.Map)) return false;
  doc.transact(() => {
    map.set('cancelled', cancelled);
    map.set('updatedAt', at);
  }, LOCAL_EDIT);
  return true;
}

export function setRsvp(doc: Y.Doc, id: string, who: Person, answer: Rsvp): boolean {
  const map = eventsMap(doc).get(id);
  if (!(map instanceof Y.Map)) return false;
  doc.transact(() => map.set(`${RSVP}${who.id}`, { answer, name: who.name }), LOCAL_EDIT);
  return true;
}

export function observeEvents(doc: Y.Doc, listener: () => void): () => void {
  const events = eventsMap(doc);
  const handler = () => listener();
  events.observeDeep(handler);
  return () => events.unobserveDeep(handler);
}
