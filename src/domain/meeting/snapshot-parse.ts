import type { JsonObject } from './canonical-json';
import type { ActionItemId, AgendaItemId, DecisionId, MeetingId, MemberId, PollId } from './ids';
import type { ActionItem, ActionStatus, Decision, DecisionCounts, DecisionMethod, MinutesItem, MinutesSnapshot, PersonRef } from './types';
import { ACTION_STATUSES, COUNT_KEYS, DECISION_METHODS } from './types';
import { MINUTES_SCHEMA_VERSION } from './snapshot-json';

/** Reads back what `canonicalMinutes` wrote; null for anything that is not such a snapshot. */
export function parseMinutes(text: string): MinutesSnapshot | null {
  try {
    const value: unknown = JSON.parse(text);
    return readSnapshot(value);
  } catch {
    return null;
  }
}

class Bad extends Error {}
const obj = (v: unknown): JsonObject => {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) throw new Bad();
  return v as JsonObject;
};
const arr = (v: unknown): readonly unknown[] => {
  if (!Array.isArray(v)) throw new Bad();
  return v;
};
const str = (v: unknown): string => {
  if (typeof v !== 'string') throw new Bad();
  return v;
};
const num = (v: unknown): number => {
  if (typeof v !== 'number') throw new Bad();
  return v;
};
const strOrNull = (v: unknown): string | null => (v === null ? null : str(v));

function person(v: unknown): PersonRef | null {
  if (v === null) return null;
  const o = obj(v);
  if (o.kind === 'member') return { kind: 'member', memberId: str(o.memberId) as MemberId };
  if (o.kind === 'guest') return { kind: 'guest', name: str(o.name) };
  throw new Bad();
}

function decision(v: unknown): Decision {
  const o = obj(v);
  const method = str(o.method) as DecisionMethod;
  if (!DECISION_METHODS.includes(method)) throw new Bad();
  let counts: DecisionCounts | null = null;
  if (o.counts !== null) {
    const c = obj(o.counts);
    counts = Object.fromEntries(COUNT_KEYS.map((key) => [key, num(c[key])])) as unknown as DecisionCounts;
  }
  return {
    id: str(o.id) as DecisionId,
    text: str(o.text),
    method,
    counts,
    pollId: strOrNull(o.pollId) as PollId | null,
    dissent: arr(o.dissent).map((d) => {
      const entry = obj(d);
      const who = person(entry.who);
      if (who === null) throw new Bad();
      return { who, position: str(entry.position) };
    }),
  };
}

function item(v: unknown): MinutesItem {
  const o = obj(v);
  return {
    item: {
      id: str(o.id) as AgendaItemId,
      title: str(o.title),
      presenter: person(o.presenter),
      timeboxMinutes: num(o.timeboxMinutes),
      pollId: strOrNull(o.pollId) as PollId | null,
      orderKey: str(o.orderKey),
    },
    notes: str(o.notes),
    decisions: arr(o.decisions).map(decision),
  };
}

function actionItem(v: unknown): ActionItem {
  const o = obj(v);
  const status = str(o.status) as ActionStatus;
  if (!ACTION_STATUSES.includes(status)) throw new Bad();
  return {
    id: str(o.id) as ActionItemId,
    what: str(o.what),
    ownerId: strOrNull(o.ownerId) as MemberId | null,
    due: strOrNull(o.due),
    status,
    meetingId: str(o.meetingId) as MeetingId,
    agendaItemId: strOrNull(o.agendaItemId) as AgendaItemId | null,
  };
}

function readSnapshot(value: unknown): MinutesSnapshot | null {
  try {
    const o = obj(value);
    if (o.schema !== MINUTES_SCHEMA_VERSION) return null;
    const status = str(o.status);
    if (status !== 'draft' && status !== 'final') return null;
    const m = obj(o.meeting);
    const att = obj(o.attendance);
    const q = o.quorum === null ? null : obj(o.quorum);
    return {
      meeting: {
        id: str(m.id) as MeetingId,
        title: str(m.title),
        startsAt: str(m.startsAt),
        place: str(m.place),
        link: str(m.link),
        facilitatorId: strOrNull(m.facilitatorId) as MemberId | null,
        noteTakerIds: arr(m.noteTakerIds).map((id) => str(id) as MemberId),
      },
      status,
      attendance: { memberIds: arr(att.memberIds).map((id) => str(id) as MemberId), guests: arr(att.guests).map(str) },
      quorum: q === null ? null : { met: q.met === true, present: num(q.present), required: num(q.required) },
      items: arr(o.items).map(item),
      actionItems: arr(o.actionItems).map(actionItem),
    };
  } catch (error) {
    if (error instanceof Bad) return null;
    throw error;
  }
}
