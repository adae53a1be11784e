import type { JsonObject, JsonValue } from './canonical-json';
import { canonicalJson } from './canonical-json';
import { compareCodeUnits } from './compare';
import type { MemberId } from './ids';
import { actionItemJson, agendaItemJson, decisionJson, sortActionItems, sortMinutesItems } from './snapshot-json';
import type { MinutesSnapshot } from './types';

export type ChangeEntity = 'minutes' | 'meeting' | 'quorum' | 'attendance' | 'agendaItem' | 'decision' | 'actionItem';
export type ChangeKind = 'added' | 'removed' | 'changed';

/** One visible difference. `field` is null when a whole item was added or removed. */
export interface SnapshotChange {
  readonly entity: ChangeEntity;
  /** The id of the item changed (meeting id for meeting-level fields, member id or guest name for attendance). */
  readonly id: string;
  readonly field: string | null;
  readonly kind: ChangeKind;
  readonly before: JsonValue;
  readonly after: JsonValue;
}

/** A change made after finalization, kept beside the signed minutes instead of rewriting them. */
export interface Amendment {
  /** ISO date-time of the amendment. */
  readonly at: string;
  readonly by: MemberId;
  readonly entity: ChangeEntity;
  readonly itemId: string;
  readonly field: string | null;
  readonly before: JsonValue;
  readonly after: JsonValue;
}

const same = (a: JsonValue | undefined, b: JsonValue | undefined): boolean => canonicalJson(a ?? null) === canonicalJson(b ?? null);

function diffFields(entity: ChangeEntity, id: string, before: JsonObject, after: JsonObject): SnapshotChange[] {
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort(compareCodeUnits);
  return keys
    .filter((key) => !same(before[key], after[key]))
    .map((key) => ({ entity, id, field: key, kind: 'changed', before: before[key] ?? null, after: after[key] ?? null }));
}

/** Items matched by id: additions in the new order, then field changes, removals last in the old order. */
function diffKeyed(entity: ChangeEntity, before: readonly JsonObject[], after: readonly JsonObject[]): SnapshotChange[] {
  const idOf = (item: JsonObject): string => String(item.id);
  const beforeById = new Map(before.map((item) => [idOf(item), item]));
  const afterIds = new Set(after.map(idOf));
  const changes: SnapshotChange[] = [];
  for (const item of after) {
    const old = beforeById.get(idOf(item));
    if (old === undefined) changes.push({ entity, id: idOf(item), field: null, kind: 'added', before: null, after: item });
    else changes.push(...diffFields(entity, idOf(item), old, item));
  }
  for (const item of before) {
    if (!afterIds.has(idOf(item))) changes.push({ entity, id: idOf(item), field: null, kind: 'removed', before: item, after: null });
  }
  return changes;
}

/** Multiset difference, so a second guest with the same name is still seen. */
function diffNames(field: string, before: readonly string[], after: readonly string[]): SnapshotChange[] {
  const remaining = new Map<string, number>();
  for (const name of before) remaining.set(name, (remaining.get(name) ?? 0) + 1);
  const changes: SnapshotChange[] = [];
  for (const name of [...after].sort(compareCodeUnits)) {
    const left = remaining.get(name) ?? 0;
    if (left > 0) remaining.set(name, left - 1);
    else changes.push({ entity: 'attendance', id: name, field, kind: 'added', before: null, after: name });
  }
  for (const name of [...before].sort(compareCodeUnits)) {
    const left = remaining.get(name) ?? 0;
    if (left > 0) {
      remaining.set(name, left - 1);
      changes.push({ entity: 'attendance', id: name, field, kind: 'removed', before: name, after: null });
    }
  }
  return changes;
}

const agendaList = (snapshot: MinutesSnapshot): JsonObject[] => sortMinutesItems(snapshot.items).map(agendaItemJson);

/** Decisions flattened with their agenda item, so moving one between items shows as a field change. */
const decisionList = (snapshot: MinutesSnapshot): JsonObject[] =>
  sortMinutesItems(snapshot.items).flatMap(({ item, decisions }) => decisions.map((d) => ({ ...decisionJson(d), agendaItemId: item.id })));

const meetingJson = (snapshot: MinutesSnapshot): JsonObject => {
  const { meeting } = snapshot;
  return {
    title: meeting.title,
    startsAt: meeting.startsAt,
    place: meeting.place,
    link: meeting.link,
    facilitatorId: meeting.facilitatorId ?? null,
    noteTakerIds: [...new Set(meeting.noteTakerIds)].sort(compareCodeUnits),
  };
};

/** Lists every visible difference from `a` to `b`, in a fixed order (meeting, quorum, attendance, agenda, decisions, actions). */
export function diffSnapshots(a: MinutesSnapshot, b: MinutesSnapshot): readonly SnapshotChange[] {
  const meetingId = b.meeting.id;
  const changes: SnapshotChange[] = [];
  if (a.status !== b.status) {
    changes.push({ entity: 'minutes', id: meetingId, field: 'status', kind: 'changed', before: a.status, after: b.status });
  }
  if (a.meeting.id !== b.meeting.id) {
    changes.push({ entity: 'meeting', id: meetingId, field: 'id', kind: 'changed', before: a.meeting.id, after: b.meeting.id });
  }
  changes.push(...diffFields('meeting', meetingId, meetingJson(a), meetingJson(b)));
  const quorumJson = (s: MinutesSnapshot): JsonObject => ({ ...(s.quorum ?? { met: null, present: null, required: null }) });
  changes.push(...diffFields('quorum', meetingId, quorumJson(a), quorumJson(b)));
  changes.push(...diffNames('memberIds', [...new Set(a.attendance.memberIds)], [...new Set(b.attendance.memberIds)]));
  changes.push(...diffNames('guests', a.attendance.guests, b.attendance.guests));
  changes.push(...diffKeyed('agendaItem', agendaList(a), agendaList(b)));
  changes.push(...diffKeyed('decision', decisionList(a), decisionList(b)));
  changes.push(...diffKeyed('actionItem', sortActionItems(a.actionItems).map(actionItemJson), sortActionItems(b.actionItems).map(actionItemJson)));
  return changes;
}

/** Records the edits made to finalized minutes as amendments by one member at one time. */
export function amendmentsBetween(finalized: MinutesSnapshot, edited: MinutesSnapshot, at: string, by: MemberId): readonly Amendment[] {
  return diffSnapshots(finalized, edited)
    .filter((change) => change.entity !== 'minutes')
    .map((change) => ({ at, by, entity: change.entity, itemId: change.id, field: change.field, before: change.before, after: change.after }));
}
