import * as Y from 'yjs';
import { meetingsMap } from './meeting-repository';
import { LOCAL_EDIT } from './shared-text';

/**
 * The signed records of a branch document: membership log entries, poll definitions, ballots,
 * poll close records and final minutes. Anyone holding the room secret can delete or overwrite
 * them with valid CRDT operations; these functions list them and put them back.
 */
export type SignedRecordKind = 'member' | 'poll' | 'ballot' | 'pollClose' | 'minutes';

export interface SignedRecord {
  /** Kind, place and signature: the same record always has the same key. */
  readonly key: string;
  readonly kind: SignedRecordKind;
  /** The poll or meeting id it belongs to ('' for membership entries). */
  readonly place: string;
  /** The record exactly as stored (plain JSON). */
  readonly value: unknown;
  /** For minutes: the meeting's own fields, so a deleted meeting can be rebuilt around them. */
  readonly context?: Readonly<Record<string, unknown>>;
}

const membershipLog = (doc: Y.Doc): Y.Array<unknown> => doc.getArray('membershipLog');
const pollsMap = (doc: Y.Doc): Y.Map<unknown> => doc.getMap('polls');

const signatureOf = (value: unknown): string | null => {
  if (typeof value !== 'object' || value === null) return null;
  const signature = (value as { signature?: unknown }).signature;
  return typeof signature === 'string' && signature.length > 0 ? signature : null;
};

function record(kind: SignedRecordKind, place: string, value: unknown, context?: Record<string, unknown>): SignedRecord | null {
  const signature = signatureOf(value);
  if (signature === null) return null;
  return { key: `${kind}:${place}:${signature}`, kind, place, value, ...(context ? { context } : {}) };
}

/** The plain (non-Y) fields of a meeting record: enough to show its minutes again. */
function plainFields(map: Y.Map<unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of map.entries()) if (key !== 'final' && !(value instanceof Y.AbstractType)) out[key] = value;
  return out;
}

/** Every signed record the document holds now (unsigned values are not protected and not listed). */
export function collectSignedRecords(doc: Y.Doc): readonly SignedRecord[] {
  const out: SignedRecord[] = [];
  const push = (found: SignedRecord | null) => {
    if (found) out.push(found);
  };
  for (const entry of membershipLog(doc).toArray()) push(record('member', '', entry));
  for (const [pollId, entry] of pollsMap(doc).entries()) {
    if (!(entry instanceof Y.Map)) continue;
    push(record('poll', pollId, entry.get('definition')));
    const ballots = entry.get('ballots');
    if (ballots instanceof Y.Array) for (const ballot of ballots.toArray()) push(record('ballot', pollId, ballot));
    const closes = entry.get('closes');
    if (closes instanceof Y.Array) for (const close of closes.toArray()) push(record('pollClose', pollId, close));
  }
  for (const [meetingId, meeting] of meetingsMap(doc).entries()) {
    if (meeting instanceof Y.Map) push(record('minutes', meetingId, meeting.get('final'), plainFields(meeting)));
  }
  return out;
}

/** Signed values an event deleted or overwrote, as records of the place they were in. */
function displacedBy(root: 'member' | 'polls' | 'meetings', event: Y.YEvent<Y.AbstractType<unknown>>): SignedRecord[] {
  const out: SignedRecord[] = [];
  const push = (found: SignedRecord | null) => {
    if (found) out.push(found);
  };
  const place = String(event.path[0] ?? '');
  if (event.target instanceof Y.Array) {
    const kind: SignedRecordKind | null =
      root === 'member' ? 'member' : root === 'polls' && event.path[1] === 'ballots' ? 'ballot' : root === 'polls' && event.path[1] === 'closes' ? 'pollClose' : null;
    if (kind === null) return out;
    for (const item of event.changes.deleted) for (const value of item.content.getContent()) push(record(kind, kind === 'member' ? '' : place, value));
  } else if (event.target instanceof Y.Map && event.path.length === 1) {
    const key = root === 'polls' ? 'definition' : root === 'meetings' ? 'final' : null;
    const change = key === null ? undefined : event.changes.keys.get(key);
    if (change && change.action !== 'add') push(record(root === 'polls' ? 'poll' : 'minutes', place, change.oldValue));
  }
  return out;
}

/**
 * Calls back after any change to the types that hold signed records, with the signed values the
 * change deleted or overwrote (an overwrite under the same key only shows up this way).
 */
export function observeSignedRecords(doc: Y.Doc, listener: (displaced: readonly SignedRecord[]) => void): () => void {
  const roots = [
    ['member', membershipLog(doc)],
    ['polls', pollsMap(doc)],
    ['meetings', meetingsMap(doc)],
  ] as const;
  const handlers = roots.map(([root, type]) => {
    const handler = (events: Y.YEvent<Y.AbstractType<unknown>>[]) => listener(events.flatMap((event) => displacedBy(root, event)));
    (type as Y.AbstractType<unknown>).observeDeep(handler);
    return () => (type as Y.AbstractType<unknown>).unobserveDeep(handler);
  });
  return () => {
    for (const stop of handlers) stop();
  };
}

/** Removes items carrying the signature (an altered copy) from an array of records. */
function dropSigned(array: Y.Array<unknown>, signature: string): void {
  const items = array.toArray();
  for (let index = items.length - 1; index >= 0; index--) if (signatureOf(items[index]) === signature) array.delete(index, 1);
}

function pollEntry(doc: Y.Doc, pollId: string): Y.Map<unknown> {
  const existing = pollsMap(doc).get(pollId);
  if (existing instanceof Y.Map) return existing;
  const entry = new Y.Map<unknown>();
  pollsMap(doc).set(pollId, entry);
  return entry;
}

function arrayIn(map: Y.Map<unknown>, key: string): Y.Array<unknown> {
  const existing = map.get(key);
  if (existing instanceof Y.Array) return existing;
  const array = new Y.Array<unknown>();
  map.set(key, array);
  return array;
}

function meetingEntry(doc: Y.Doc, meetingId: string, context: Readonly<Record<string, unknown>>): Y.Map<unknown> {
  const existing = meetingsMap(doc).get(meetingId);
  if (existing instanceof Y.Map) return existing;
  const meeting = new Y.Map<unknown>();
  meetingsMap(doc).set(meetingId, meeting);
  for (const [key, value] of Object.entries(context)) meeting.set(key, value);
  meeting.set('queue', new Y.Array<unknown>());
  return meeting;
}

/** Puts records back exactly as they were signed, replacing altered copies, in one local transaction. */
export function restoreSignedRecords(doc: Y.Doc, records: readonly SignedRecord[]): void {
  doc.transact(() => {
    for (const item of records) {
      const signature = signatureOf(item.value);
      if (signature === null) continue;
      if (item.kind === 'member') {
        dropSigned(membershipLog(doc), signature);
        membershipLog(doc).push([item.value]);
      } else if (item.kind === 'poll') {
        const entry = pollEntry(doc, item.place);
        entry.set('definition', item.value);
        arrayIn(entry, 'ballots');
        arrayIn(entry, 'closes');
      } else if (item.kind === 'ballot' || item.kind === 'pollClose') {
        const array = arrayIn(pollEntry(doc, item.place), item.kind === 'ballot' ? 'ballots' : 'closes');
        dropSigned(array, signature);
        array.push([item.value]);
      } else {
        meetingEntry(doc, item.place, item.context ?? {}).set('final', item.value);
      }
    }
  }, LOCAL_EDIT);
}
