import * as Y from 'yjs';
import type { AgendaItemId, MeetingId, MemberId, PollId } from '../domain/meeting/ids';
import { compareAgendaItems } from '../domain/meeting/snapshot-json';
import type { AgendaItem, AgendaItemDetails, Meeting, MeetingDetails, PersonRef, QuorumRule } from '../domain/meeting/types';
import { LOCAL_EDIT } from './shared-text';

/**
 * Meetings in the chapter's document. Every record is a Y.Map with flat keys (keys unknown to this
 * version survive edits). Attendance is one key per member or guest, so concurrent check-ins all
 * survive; agenda items carry their minutes as a Y.Text and are only ever soft-deleted.
 */
export const meetingsMap = (doc: Y.Doc): Y.Map<Y.Map<unknown>> => doc.getMap('meetings');
export const agendaMap = (doc: Y.Doc): Y.Map<Y.Map<unknown>> => doc.getMap('meetingAgenda');
const settingsMap = (doc: Y.Doc): Y.Map<unknown> => doc.getMap('meetingSettings');

const ATTEND = 'attend:';
const GUEST = 'guest:';
export const DEFAULT_QUORUM: QuorumRule = { kind: 'percent', percent: 50 };

export const str = (map: Y.Map<unknown>, key: string): string => {
  const value = map.get(key);
  return typeof value === 'string' ? value : '';
};
export const strOrNull = (map: Y.Map<unknown>, key: string): string | null => {
  const value = map.get(key);
  return typeof value === 'string' && value.length > 0 ? value : null;
};
const num = (map: Y.Map<unknown>, key: string): number => {
  const value = map.get(key);
  return typeof value === 'number' && Number.isFinite(value) ? value : 0;
};

export interface Guest {
  readonly id: string;
  readonly name: string;
}

export interface StoredMeeting extends Meeting {
  readonly createdAt: string;
  readonly presentMemberIds: readonly MemberId[];
  readonly guests: readonly Guest[];
}

export interface StoredAgendaItem extends AgendaItem {
  readonly meetingId: MeetingId;
  readonly removed: boolean;
  /** The open action item (of an earlier meeting) this item reports back on, if any. */
  readonly fromActionId: string | null;
}

function readMeetingRecord(id: string, map: Y.Map<unknown>): StoredMeeting | undefined {
  const title = str(map, 'title');
  const startsAt = str(map, 'startsAt');
  if (!title || !startsAt) return undefined;
  const noteTakers = map.get('noteTakerIds');
  const present: MemberId[] = [];
  const guests: Guest[] = [];
  for (const [key, value] of map.entries()) {
    if (key.startsWith(ATTEND) && typeof value === 'object' && value !== null && (value as { present?: unknown }).present === true) {
      present.push(key.slice(ATTEND.length) as MemberId);
    }
    if (key.startsWith(GUEST) && typeof value === 'string' && value.length > 0) guests.push({ id: key.slice(GUEST.length), name: value });
  }
  present.sort();
  guests.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.id < b.id ? -1 : 1));
  return {
    id: id as MeetingId,
    title,
    startsAt,
    place: str(map, 'place'),
    link: str(map, 'link'),
    facilitatorId: strOrNull(map, 'facilitatorId') as MemberId | null,
    noteTakerIds: Array.isArray(noteTakers) ? noteTakers.filter((v): v is MemberId => typeof v === 'string') : [],
    createdAt: str(map, 'createdAt'),
    presentMemberIds: present,
    guests,
  };
}

/** Soonest first. */
export function readMeetings(doc: Y.Doc): readonly StoredMeeting[] {
  const out: StoredMeeting[] = [];
  for (const [id, map] of meetingsMap(doc).entries()) {
    if (!(map instanceof Y.Map)) continue;
    const meeting = readMeetingRecord(id, map);
    if (meeting) out.push(meeting);
  }
  return out.sort((a, b) => (a.startsAt < b.startsAt ? -1 : a.startsAt > b.startsAt ? 1 : a.id < b.id ? -1 : 1));
}

export function readMeeting(doc: Y.Doc, id: string): StoredMeeting | undefined {
  const map = meetingsMap(doc).get(id);
  return map instanceof Y.Map ? readMeetingRecord(id, map) : undefined;
}

const meetingRecord = (doc: Y.Doc, id: string): Y.Map<unknown> | undefined => {
  const map = meetingsMap(doc).get(id);
  return map instanceof Y.Map ? map : undefined;
};

function writeDetails(map: Y.Map<unknown>, details: MeetingDetails): void {
  const flat: Record<string, unknown> = {
    title: details.title,
    startsAt: details.startsAt,
    place: details.place,
    link: details.link,
    facilitatorId: details.facilitatorId ?? '',
  };
  for (const [key, value] of Object.entries(flat)) if (map.get(key) !== value) map.set(key, value);
  const takers = [...details.noteTakerIds];
  const old = map.get('noteTakerIds');
  if (!Array.isArray(old) || old.join('\n') !== takers.join('\n')) map.set('noteTakerIds', takers);
}

export function createMeeting(doc: Y.Doc, id: string, details: MeetingDetails, by: string, at: string): void {
  doc.transact(() => {
    const map = new Y.Map<unknown>();
    meetingsMap(doc).set(id, map);
    writeDetails(map, details);
    map.set('createdAt', at);
    map.set('createdBy', by);
    map.set('queue', new Y.Array<unknown>());
  }, LOCAL_EDIT);
}

export function updateMeeting(doc: Y.Doc, id: string, details: MeetingDetails): boolean {
  const map = meetingRecord(doc, id);
  if (!map) return false;
  doc.transact(() => writeDetails(map, details), LOCAL_EDIT);
  return true;
}

/** One key per member: two devices checking in different people both survive. */
export function setAttendance(doc: Y.Doc, meetingId: string, memberId: string, present: boolean, by: string, at: string): boolean {
  const map = meetingRecord(doc, meetingId);
  if (!map) return false;
  doc.transact(() => map.set(`${ATTEND}${memberId}`, { present, by, at }), LOCAL_EDIT);
  return true;
}

export function addGuest(doc: Y.Doc, meetingId: string, guestId: string, name: string): boolean {
  const map = meetingRecord(doc, meetingId);
  if (!map) return false;
  doc.transact(() => map.set(`${GUEST}${guestId}`, name), LOCAL_EDIT);
  return true;
}

export function removeGuest(doc: Y.Doc, meetingId: string, guestId: string): boolean {
  const map = meetingRecord(doc, meetingId);
  if (!map) return false;
  doc.transact(() => map.set(`${GUEST}${guestId}`, ''), LOCAL_EDIT);
  return true;
}

// --- agenda -----------------------------------------------------------------------------------

function readPresenter(map: Y.Map<unknown>): PersonRef | null {
  const kind = str(map, 'presenterKind');
  if (kind === 'member' && str(map, 'presenterId')) return { kind: 'member', memberId: str(map, 'presenterId') as MemberId };
  if (kind === 'guest' && str(map, 'presenterName')) return { kind: 'guest', name: str(map, 'presenterName') };
  return null;
}

function readAgendaRecord(id: string, map: Y.Map<unknown>): StoredAgendaItem | undefined {
  const meetingId = str(map, 'meetingId');
  if (!meetingId) return undefined;
  return {
    id: id as AgendaItemId,
    meetingId: meetingId as MeetingId,
    title: str(map, 'title'),
    presenter: readPresenter(map),
    timeboxMinutes: num(map, 'timeboxMinutes'),
    pollId: strOrNull(map, 'pollId') as PollId | null,
    orderKey: str(map, 'orderKey'),
    removed: map.get('removed') === true,
    fromActionId: strOrNull(map, 'fromActionId'),
  };
}

/** Agenda order (order key, then id); soft-deleted items included, flagged `removed`. */
export function readAgenda(doc: Y.Doc, meetingId: string): readonly StoredAgendaItem[] {
  const out: StoredAgendaItem[] = [];
  for (const [id, map] of agendaMap(doc).entries()) {
    if (!(map instanceof Y.Map) || map.get('meetingId') !== meetingId) continue;
    const item = readAgendaRecord(id, map);
    if (item) out.push(item);
  }
  return out.sort(compareAgendaItems);
}

function writeAgendaDetails(map: Y.Map<unknown>, details: AgendaItemDetails): void {
  const presenter = details.presenter;
  const flat: Record<string, unknown> = {
    title: details.title,
    timeboxMinutes: details.timeboxMinutes,
    pollId: details.pollId ?? '',
    presenterKind: presenter?.kind ?? '',
    presenterId: presenter?.kind === 'member' ? presenter.memberId : '',
    presenterName: presenter?.kind === 'guest' ? presenter.name : '',
  };
  for (const [key, value] of Object.entries(flat)) if (map.get(key) !== value) map.set(key, value);
}

export function createAgendaItem(doc: Y.Doc, id: string, meetingId: string, details: AgendaItemDetails, orderKey: string, fromActionId?: string): void {
  doc.transact(() => {
    const map = new Y.Map<unknown>();
    agendaMap(doc).set(id, map);
    map.set('meetingId', meetingId);
    map.set('orderKey', orderKey);
    if (fromActionId) map.set('fromActionId', fromActionId);
    map.set('notes', new Y.Text());
    writeAgendaDetails(map, details);
  }, LOCAL_EDIT);
}

const agendaRecord = (doc: Y.Doc, id: string): Y.Map<unknown> | undefined => {
  const map = agendaMap(doc).get(id);
  return map instanceof Y.Map ? map : undefined;
};

export function updateAgendaItem(doc: Y.Doc, id: string, details: AgendaItemDetails): boolean {
  const map = agendaRecord(doc, id);
  if (!map) return false;
  doc.transact(() => writeAgendaDetails(map, details), LOCAL_EDIT);
  return true;
}

export function setAgendaOrder(doc: Y.Doc, id: string, orderKey: string): boolean {
  const map = agendaRecord(doc, id);
  if (!map) return false;
  doc.transact(() => map.set('orderKey', orderKey), LOCAL_EDIT);
  return true;
}

/** Never deletes: someone may be writing in the item right now; its notes stay readable and restorable. */
export function setAgendaRemoved(doc: Y.Doc, id: string, removed: boolean): boolean {
  const map = agendaRecord(doc, id);
  if (!map) return false;
  doc.transact(() => map.set('removed', removed), LOCAL_EDIT);
  return true;
}

/** The item's minutes text; created on first use if an older record lacks one. */
export function agendaNotes(doc: Y.Doc, id: string): Y.Text | undefined {
  const map = agendaRecord(doc, id);
  if (!map) return undefined;
  const text = map.get('notes');
  if (text instanceof Y.Text) return text;
  const fresh = new Y.Text();
  doc.transact(() => map.set('notes', fresh), LOCAL_EDIT);
  return fresh;
}

// --- settings ---------------------------------------------------------------------------------

export function readQuorumRule(doc: Y.Doc): QuorumRule {
  const map = settingsMap(doc);
  const kind = map.get('quorumKind');
  const value = map.get('quorumValue');
  if (typeof value !== 'number' || !Number.isFinite(value)) return DEFAULT_QUORUM;
  if (kind === 'count') return { kind: 'count', min: value };
  if (kind === 'percent') return { kind: 'percent', percent: value };
  return DEFAULT_QUORUM;
}

export function setQuorumRule(doc: Y.Doc, rule: QuorumRule): void {
  doc.transact(() => {
    const map = settingsMap(doc);
    map.set('quorumKind', rule.kind);
    map.set('quorumValue', rule.kind === 'count' ? rule.min : rule.percent);
  }, LOCAL_EDIT);
}

/** What changed: `textOnly` when only minutes text was typed (records stay as they were). */
export interface MeetingsChange {
  readonly textOnly: boolean;
}

/** Any change to meetings, agendas, minutes, decisions, action items or settings. */
export function observeMeetings(doc: Y.Doc, listener: (change: MeetingsChange) => void): () => void {
  const types: Y.AbstractType<Y.YEvent<never>>[] = [
    meetingsMap(doc),
    agendaMap(doc),
    settingsMap(doc),
    doc.getMap('meetingDecisions'),
    doc.getMap('meetingActions'),
  ] as unknown as Y.AbstractType<Y.YEvent<never>>[];
  // Keystrokes in minutes arrive as Y.Text events; readers of the records can skip those.
  const handler = (events: readonly Y.YEvent<Y.AbstractType<unknown>>[]) => listener({ textOnly: events.every((event) => event.target instanceof Y.Text) });
  for (const type of types) type.observeDeep(handler);
  return () => {
    for (const type of types) type.unobserveDeep(handler);
  };
}
