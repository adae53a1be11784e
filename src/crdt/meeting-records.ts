import * as Y from 'yjs';
import type { ActionItemId, AgendaItemId, DecisionId, MeetingId, MemberId, PollId } from '../domain/meeting/ids';
import type { HandRaise, QueueMode, SpeakerQueue } from '../domain/meeting/speaker-queue';
import type { ActionItem, ActionItemDetails, ActionStatus, Decision, DecisionCounts, DecisionDetails, DecisionMethod, Dissent } from '../domain/meeting/types';
import { ACTION_STATUSES, COUNT_KEYS, DECISION_METHODS } from '../domain/meeting/types';
import { meetingsMap, str, strOrNull } from './meeting-repository';
import { LOCAL_EDIT } from './shared-text';

/** Decisions, action items, the speaker queue and the signed final record of meetings. */
const decisionsMap = (doc: Y.Doc): Y.Map<Y.Map<unknown>> => doc.getMap('meetingDecisions');
const actionsMap = (doc: Y.Doc): Y.Map<Y.Map<unknown>> => doc.getMap('meetingActions');

export interface StoredDecision extends Decision {
  readonly meetingId: MeetingId;
  readonly agendaItemId: AgendaItemId;
  readonly createdAt: string;
}

function readCounts(value: unknown): DecisionCounts | null {
  if (typeof value !== 'object' || value === null) return null;
  const raw = value as Record<string, unknown>;
  const counts: Record<string, number> = {};
  for (const key of COUNT_KEYS) {
    const n = raw[key];
    counts[key] = typeof n === 'number' && Number.isSafeInteger(n) && n >= 0 ? n : 0;
  }
  return counts as unknown as DecisionCounts;
}

function readDissent(value: unknown): readonly Dissent[] {
  if (!Array.isArray(value)) return [];
  const out: Dissent[] = [];
  for (const entry of value) {
    if (typeof entry !== 'object' || entry === null) continue;
    const { who, position } = entry as { who?: { kind?: unknown; memberId?: unknown; name?: unknown }; position?: unknown };
    if (typeof position !== 'string' || !who) continue;
    if (who.kind === 'member' && typeof who.memberId === 'string') out.push({ who: { kind: 'member', memberId: who.memberId as MemberId }, position });
    else if (who.kind === 'guest' && typeof who.name === 'string') out.push({ who: { kind: 'guest', name: who.name }, position });
  }
  return out;
}

export function readDecisions(doc: Y.Doc, meetingId: string): readonly StoredDecision[] {
  const out: StoredDecision[] = [];
  for (const [id, map] of decisionsMap(doc).entries()) {
    if (!(map instanceof Y.Map) || map.get('meetingId') !== meetingId) continue;
    const method = str(map, 'method') as DecisionMethod;
    out.push({
      id: id as DecisionId,
      meetingId: meetingId as MeetingId,
      agendaItemId: str(map, 'agendaItemId') as AgendaItemId,
      text: str(map, 'text'),
      method: DECISION_METHODS.includes(method) ? method : 'other',
      counts: readCounts(map.get('counts')),
      pollId: strOrNull(map, 'pollId') as PollId | null,
      dissent: readDissent(map.get('dissent')),
      createdAt: str(map, 'createdAt'),
    });
  }
  return out.sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : a.id < b.id ? -1 : 1));
}

export function createDecision(doc: Y.Doc, id: string, meetingId: string, agendaItemId: string, details: DecisionDetails, at: string): void {
  doc.transact(() => {
    const map = new Y.Map<unknown>();
    decisionsMap(doc).set(id, map);
    map.set('meetingId', meetingId);
    map.set('agendaItemId', agendaItemId);
    map.set('createdAt', at);
    map.set('text', details.text);
    map.set('method', details.method);
    map.set('counts', details.counts === null ? null : { ...details.counts });
    map.set('pollId', details.pollId ?? '');
    map.set('dissent', details.dissent.map((d) => ({ who: { ...d.who }, position: d.position })));
  }, LOCAL_EDIT);
}

export function readActionItems(doc: Y.Doc, meetingId: string | null): readonly ActionItem[] {
  const out: ActionItem[] = [];
  for (const [id, map] of actionsMap(doc).entries()) {
    if (!(map instanceof Y.Map)) continue;
    const owner = str(map, 'meetingId');
    if (!owner || (meetingId !== null && owner !== meetingId)) continue;
    const status = str(map, 'status') as ActionStatus;
    out.push({
      id: id as ActionItemId,
      meetingId: owner as MeetingId,
      agendaItemId: strOrNull(map, 'agendaItemId') as AgendaItemId | null,
      what: str(map, 'what'),
      ownerId: strOrNull(map, 'ownerId') as MemberId | null,
      due: strOrNull(map, 'due'),
      status: ACTION_STATUSES.includes(status) ? status : 'open',
    });
  }
  return out.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

export function createActionItem(doc: Y.Doc, id: string, meetingId: string, agendaItemId: string | null, details: ActionItemDetails, at: string): void {
  doc.transact(() => {
    const map = new Y.Map<unknown>();
    actionsMap(doc).set(id, map);
    map.set('meetingId', meetingId);
    map.set('agendaItemId', agendaItemId ?? '');
    map.set('createdAt', at);
    map.set('what', details.what);
    map.set('ownerId', details.ownerId ?? '');
    map.set('due', details.due ?? '');
    map.set('status', details.status);
  }, LOCAL_EDIT);
}

export function setActionStatus(doc: Y.Doc, id: string, status: ActionStatus): boolean {
  const map = actionsMap(doc).get(id);
  if (!(map instanceof Y.Map)) return false;
  doc.transact(() => map.set('status', status), LOCAL_EDIT);
  return true;
}

// --- speaker queue: an append-only log per meeting, so concurrent raises from offline devices merge ---

export type QueueEntryKind = 'raise' | 'lower' | 'call' | 'end';
export interface QueueLogEntry {
  readonly kind: QueueEntryKind;
  readonly memberId: string;
  /** raise: the Lamport stamp; lower/call: the newest stamp of that member's hands it lowers. */
  readonly stamp: number;
  /** Epoch milliseconds (display and timers only; never used for order). */
  readonly at: number;
}

const KINDS: readonly QueueEntryKind[] = ['raise', 'lower', 'call', 'end'];

function queueArray(doc: Y.Doc, meetingId: string, create: boolean): Y.Array<unknown> | undefined {
  const map = meetingsMap(doc).get(meetingId);
  if (!(map instanceof Y.Map)) return undefined;
  const queue = map.get('queue');
  if (queue instanceof Y.Array) return queue;
  if (!create) return undefined;
  const fresh = new Y.Array<unknown>();
  map.set('queue', fresh);
  return fresh;
}

export function readQueueLog(doc: Y.Doc, meetingId: string): readonly QueueLogEntry[] {
  const out: QueueLogEntry[] = [];
  for (const raw of queueArray(doc, meetingId, false)?.toArray() ?? []) {
    if (typeof raw !== 'object' || raw === null) continue;
    const { kind, memberId, stamp, at } = raw as Record<string, unknown>;
    if (!KINDS.includes(kind as QueueEntryKind) || typeof memberId !== 'string') continue;
    out.push({
      kind: kind as QueueEntryKind,
      memberId,
      stamp: typeof stamp === 'number' && Number.isFinite(stamp) ? stamp : 0,
      at: typeof at === 'number' && Number.isFinite(at) ? at : 0,
    });
  }
  return out;
}

export function appendQueueEntry(doc: Y.Doc, meetingId: string, entry: QueueLogEntry): boolean {
  let done = false;
  doc.transact(() => {
    const queue = queueArray(doc, meetingId, true);
    if (!queue) return;
    queue.push([{ ...entry }]);
    done = true;
  }, LOCAL_EDIT);
  return done;
}

/** Folds the log into the domain's queue: hands, turns in log order and the current speaker. */
export function queueFromLog(log: readonly QueueLogEntry[], mode: QueueMode): SpeakerQueue {
  const lowered = new Map<string, number>();
  for (const entry of log) {
    if (entry.kind === 'lower' || entry.kind === 'call') lowered.set(entry.memberId, Math.max(lowered.get(entry.memberId) ?? -1, entry.stamp));
  }
  const hands: HandRaise[] = log
    .filter((entry) => entry.kind === 'raise')
    .map((entry) => ({ memberId: entry.memberId as MemberId, raisedAt: entry.stamp, lowered: entry.stamp <= (lowered.get(entry.memberId) ?? -1) }));
  const turns = log.filter((entry) => entry.kind === 'call').map((entry) => entry.memberId as MemberId);
  let current: SpeakerQueue['current'] = null;
  for (const entry of log) {
    if (entry.kind === 'call') current = { memberId: entry.memberId as MemberId, since: entry.at };
    if (entry.kind === 'end') current = null;
  }
  return { mode, hands, turns, current };
}

export function readQueueMode(doc: Y.Doc, meetingId: string): QueueMode {
  const map = meetingsMap(doc).get(meetingId);
  return map instanceof Y.Map && map.get('queueMode') === 'progressive' ? 'progressive' : 'fifo';
}

export function setQueueMode(doc: Y.Doc, meetingId: string, mode: QueueMode): boolean {
  const map = meetingsMap(doc).get(meetingId);
  if (!(map instanceof Y.Map)) return false;
  doc.transact(() => map.set('queueMode', mode), LOCAL_EDIT);
  return true;
}

// --- final record -----------------------------------------------------------------------------

/** The signed minutes: the canonical snapshot text, its SHA-256, and the signer's Ed25519 signature over it. */
export interface FinalRecord {
  readonly snapshot: string;
  readonly hash: string;
  readonly signature: string;
  /** The signing device's public key. */
  readonly signer: string;
  readonly signerMemberId: string;
  readonly at: string;
}

export function readFinal(doc: Y.Doc, meetingId: string): FinalRecord | null {
  const map = meetingsMap(doc).get(meetingId);
  if (!(map instanceof Y.Map)) return null;
  const raw = map.get('final');
  if (typeof raw !== 'object' || raw === null) return null;
  const r = raw as Record<string, unknown>;
  const fields = ['snapshot', 'hash', 'signature', 'signer', 'signerMemberId', 'at'] as const;
  if (!fields.every((key) => typeof r[key] === 'string')) return null;
  return Object.fromEntries(fields.map((key) => [key, r[key]])) as unknown as FinalRecord;
}

export function writeFinal(doc: Y.Doc, meetingId: string, record: FinalRecord): boolean {
  const map = meetingsMap(doc).get(meetingId);
  if (!(map instanceof Y.Map)) return false;
  doc.transact(() => map.set('final', { ...record }), LOCAL_EDIT);
  return true;
}
