import type { JsonObject, JsonValue } from './canonical-json';
import { compareCodeUnits, sortedUnique } from './compare';
import type { ActionItem, AgendaItem, Decision, MinutesItem, MinutesSnapshot, PersonRef } from './types';

/** Bump when the projection below changes, so old signatures are never checked against a new layout. */
export const MINUTES_SCHEMA_VERSION = 1;

/** Agenda order: order key, then id, so items with colliding keys still sort the same everywhere. */
export function compareAgendaItems(a: AgendaItem, b: AgendaItem): number {
  return compareCodeUnits(a.orderKey, b.orderKey) || compareCodeUnits(a.id, b.id);
}

export function sortMinutesItems(items: readonly MinutesItem[]): readonly MinutesItem[] {
  return [...items].sort((a, b) => compareAgendaItems(a.item, b.item));
}

export function sortActionItems(items: readonly ActionItem[]): readonly ActionItem[] {
  return [...items].sort((a, b) => compareCodeUnits(a.id, b.id));
}

const personJson = (person: PersonRef | null): JsonValue =>
  person === null ? null : person.kind === 'member' ? { kind: 'member', memberId: person.memberId } : { kind: 'guest', name: person.name };

export function decisionJson(decision: Decision): JsonObject {
  const counts = decision.counts;
  return {
    id: decision.id,
    text: decision.text,
    method: decision.method,
    counts:
      counts === null
        ? null
        : { for: counts.for, against: counts.against, abstain: counts.abstain, standAside: counts.standAside, block: counts.block },
    pollId: decision.pollId ?? null,
    dissent: decision.dissent.map((entry) => ({ who: personJson(entry.who), position: entry.position })),
  };
}

export function agendaItemJson({ item, notes }: MinutesItem): JsonObject {
  return {
    id: item.id,
    title: item.title,
    presenter: personJson(item.presenter ?? null),
    timeboxMinutes: item.timeboxMinutes,
    pollId: item.pollId ?? null,
    orderKey: item.orderKey,
    notes,
  };
}

export function actionItemJson(item: ActionItem): JsonObject {
  return {
    id: item.id,
    what: item.what,
    ownerId: item.ownerId ?? null,
    due: item.due ?? null,
    status: item.status,
    meetingId: item.meetingId,
    agendaItemId: item.agendaItemId ?? null,
  };
}

/**
 * The snapshot as plain JSON: an explicit projection (stray runtime properties never leak into a
 * signature), optional fields as null, set-like collections sorted and id-keyed ones put in a
 * defined order, so the result does not depend on the iteration order of whatever store it came from.
 * Decisions and dissent keep their recorded order.
 */
export function minutesJson(snapshot: MinutesSnapshot): JsonObject {
  const { meeting, attendance, quorum } = snapshot;
  return {
    schema: MINUTES_SCHEMA_VERSION,
    status: snapshot.status,
    meeting: {
      id: meeting.id,
      title: meeting.title,
      startsAt: meeting.startsAt,
      place: meeting.place,
      link: meeting.link,
      facilitatorId: meeting.facilitatorId ?? null,
      noteTakerIds: sortedUnique(meeting.noteTakerIds),
    },
    attendance: { memberIds: sortedUnique(attendance.memberIds), guests: [...attendance.guests].sort(compareCodeUnits) },
    quorum: quorum === null ? null : { met: quorum.met, present: quorum.present, required: quorum.required },
    items: sortMinutesItems(snapshot.items).map((entry) => ({
      ...agendaItemJson(entry),
      decisions: entry.decisions.map(decisionJson),
    })),
    actionItems: sortActionItems(snapshot.actionItems).map(actionItemJson),
  };
}
