import { createMemo, createSignal, onCleanup } from 'solid-js';
import * as Y from 'yjs';
import {
  addGuest,
  agendaNotes,
  createAgendaItem,
  createMeeting,
  observeMeetings,
  readAgenda,
  readMeetings,
  readQuorumRule,
  removeGuest,
  setAgendaOrder,
  setAgendaRemoved,
  setAttendance,
  setQuorumRule,
  type StoredAgendaItem,
  type StoredMeeting,
  updateAgendaItem,
  updateMeeting,
} from '../crdt/meeting-repository';
import { readActionItems } from '../crdt/meeting-records';
import type { SharedText } from '../crdt/shared-text';
import { sharedText } from '../crdt/shared-text';
import type { DocId } from '../domain/ids';
import type { AgendaProposal } from '../domain/meeting/action-items';
import { offerAsAgendaItems, openActionItems } from '../domain/meeting/action-items';
import { keyToMove, keyToStep } from '../domain/meeting/agenda-order';
import type { ActionItemId, MemberId } from '../domain/meeting/ids';
import { keyBetween } from '../domain/meeting/order-key';
import { checkQuorum, validateQuorumRule } from '../domain/meeting/quorum';
import type { ActionItem, AgendaItemDetails, MeetingDetails, QuorumResult, QuorumRule } from '../domain/meeting/types';
import type { AgendaItemError, MeetingError } from '../domain/meeting/validate-meeting';
import { MEETING_LIMITS, validateAgendaItem, validateMeeting } from '../domain/meeting/validate-meeting';
import type { Result } from '../domain/result';
import { err, ok } from '../domain/result';
import { fromCrdt } from './bridge';
import type { FeatureDeps } from './feature-deps';
import { openDoc } from './feature-deps';
import { createMeetingDetail } from './meeting-detail';
import type { MembersStore, MembersView } from './members';
import type { FieldPresence } from './presence';
import { createPresence } from './presence';
import { newRecordId } from './projects';

export type { AgendaProposal, FieldPresence };
export type { ActionItem, AgendaItemError, MeetingError, QuorumResult, QuorumRule, StoredAgendaItem, StoredMeeting };

/** Minutes of one agenda item are capped so one paste cannot make the chapter's document unsyncable. */
export const NOTES_LIMIT = 200_000;

export interface MeetingInput {
  readonly title: string;
  /** ISO date-time with offset (see localInputToIso). */
  readonly startsAt: string;
  readonly place: string;
  readonly link: string;
  readonly facilitatorId: string | null;
  readonly noteTakerIds: readonly string[];
}

const toDetails = (input: MeetingInput): MeetingDetails => ({
  title: input.title,
  startsAt: input.startsAt,
  place: input.place,
  link: input.link,
  facilitatorId: (input.facilitatorId || null) as MemberId | null,
  noteTakerIds: input.noteTakerIds as MemberId[],
});

/** A SharedText that never grows past the limit (a second guard behind the paste check in the UI). */
export function cappedText(text: Y.Text, limit = NOTES_LIMIT): SharedText {
  const inner = sharedText(text);
  return {
    ...inner,
    apply(splice) {
      const room = limit - (text.length - splice.deleteCount);
      inner.apply(room >= splice.insert.length ? splice : { ...splice, insert: splice.insert.slice(0, Math.max(0, room)) });
    },
  };
}

/** A meeting "in the past" started more than this long ago (meetings run for a while). */
const RUNNING_MS = 6 * 60 * 60 * 1000;

export interface MeetingsDeps extends FeatureDeps {
  readonly members: MembersStore;
}

export function createMeetingsStore(deps: MeetingsDeps) {
  /** Call inside a reactive owner (the meetings section), with the section's members view. */
  function view(docId: DocId, members: MembersView) {
    const doc = openDoc(deps, docId);
    const [version, setVersion] = createSignal(0);
    const state = fromCrdt(
      (onChange) =>
        observeMeetings(doc, ({ textOnly }) => {
          setVersion((v) => v + 1);
          // Typing in minutes changes no record: no re-read of every meeting per keystroke.
          if (!textOnly) onChange();
        }),
      () => ({ meetings: readMeetings(doc), rule: readQuorumRule(doc), actions: readActionItems(doc, null) }),
    );
    const [now, setNow] = createSignal(Date.now());
    const timer = setInterval(() => setNow(Date.now()), 60_000);
    onCleanup(() => clearInterval(timer));

    const activeMembers = createMemo(() => members.state()?.members.filter((m) => m.status === 'active') ?? []);
    const memberName = (id: string): string | undefined => members.state()?.members.find((m) => m.id === id)?.name;
    const me = () => members.me();

    const quorumFor = (meeting: StoredMeeting): QuorumResult =>
      checkQuorum(
        state().rule,
        activeMembers().map((m) => m.id as string as MemberId),
        { memberIds: meeting.presentMemberIds, guests: meeting.guests.map((g) => g.name) },
      );

    const opened = deps.documents.get(docId);
    const presence = opened ? createPresence(opened.awareness, () => me()?.name ?? '') : null;

    /** Open action items of other meetings that are not on this agenda yet, soonest due first. */
    const offers = (meetingId: string): readonly AgendaProposal[] => {
      version();
      const linked = readAgenda(doc, meetingId).flatMap((item) => (item.fromActionId && !item.removed ? [item.fromActionId as ActionItemId] : []));
      const others = state().actions.filter((action) => action.meetingId !== meetingId);
      return offerAsAgendaItems(others, { today: new Date().toISOString().slice(0, 10), alreadyOnAgenda: linked });
    };

    const context = { deps, doc, members, memberName, me, quorumFor, rule: () => state().rule, version };

    return {
      meetings: (): readonly StoredMeeting[] => state().meetings,
      upcoming: () => state().meetings.filter((m) => Date.parse(m.startsAt) >= now() - RUNNING_MS),
      past: () => [...state().meetings.filter((m) => Date.parse(m.startsAt) < now() - RUNNING_MS)].reverse(),
      meeting: (id: string): StoredMeeting | undefined => state().meetings.find((m) => m.id === id),
      quorumRule: (): QuorumRule => state().rule,
      quorumFor,
      activeMembers,
      memberName,
      me,
      openActionItems: (): readonly ActionItem[] => openActionItems(state().actions),
      setQuorumRule(rule: QuorumRule): boolean {
        if (!validateQuorumRule(rule).ok) return false;
        setQuorumRule(doc, rule);
        return true;
      },
      create(input: MeetingInput): Result<string, readonly MeetingError[]> {
        const checked = validateMeeting(toDetails(input), { now: Date.now(), isNew: true });
        if (!checked.ok) return checked;
        const id = newRecordId();
        createMeeting(doc, id, checked.value, deps.identity.deviceKey, new Date().toISOString());
        return ok(id);
      },
      update(id: string, input: MeetingInput): Result<string, readonly MeetingError[]> {
        const checked = validateMeeting(toDetails(input), { now: Date.now(), isNew: false });
        if (!checked.ok) return checked;
        return updateMeeting(doc, id, checked.value) ? ok(id) : err([{ field: 'title', code: 'required' }]);
      },
      agenda: {
        add(meetingId: string, details: AgendaItemDetails): Result<string, readonly AgendaItemError[]> {
          const checked = validateAgendaItem(details);
          if (!checked.ok) return checked;
          const items = readAgenda(doc, meetingId);
          const id = newRecordId();
          createAgendaItem(doc, id, meetingId, checked.value, keyBetween(items.at(-1)?.orderKey ?? null, null));
          return ok(id);
        },
        update(id: string, details: AgendaItemDetails): Result<string, readonly AgendaItemError[]> {
          const checked = validateAgendaItem(details);
          if (!checked.ok) return checked;
          updateAgendaItem(doc, id, checked.value);
          return ok(id);
        },
        /** Moves an item one place among the items still on the agenda. */
        move(meetingId: string, id: string, direction: -1 | 1): boolean {
          const key = keyToStep(readAgenda(doc, meetingId).filter((item) => !item.removed), id, direction);
          return key !== null && setAgendaOrder(doc, id, key);
        },
        /** Drops an item just before another one (null: at the end), as a drag and drop does. */
        moveBefore(meetingId: string, id: string, beforeId: string | null): boolean {
          const key = keyToMove(readAgenda(doc, meetingId).filter((item) => !item.removed), id, beforeId);
          return key !== null && setAgendaOrder(doc, id, key);
        },
        offers,
        /** Adds the chosen open action items as report-back items at the end of the agenda. */
        addFromActions(meetingId: string, actionIds: readonly string[]): number {
          const chosen = offers(meetingId).filter((offer) => actionIds.includes(offer.actionItemId));
          let last = readAgenda(doc, meetingId).at(-1)?.orderKey ?? null;
          for (const offer of chosen) {
            const key = keyBetween(last, null);
            const details = { title: offer.title, presenter: offer.presenter, timeboxMinutes: offer.timeboxMinutes, pollId: null };
            createAgendaItem(doc, newRecordId(), meetingId, details, key, offer.actionItemId);
            last = key;
          }
          return chosen.length;
        },
        remove: (id: string) => setAgendaRemoved(doc, id, true),
        restore: (id: string) => setAgendaRemoved(doc, id, false),
        notes(id: string): SharedText | undefined {
          const text = agendaNotes(doc, id);
          return text instanceof Y.Text ? cappedText(text) : undefined;
        },
        /** Who else is writing in this item's minutes, and where (call inside the field's component). */
        presence(id: string): FieldPresence | undefined {
          const text = agendaNotes(doc, id);
          return presence && text instanceof Y.Text ? presence.field(id, text) : undefined;
        },
      },
      attendance: {
        set: (meetingId: string, memberId: string, present: boolean) =>
          setAttendance(doc, meetingId, memberId, present, deps.identity.deviceKey, new Date().toISOString()),
        addGuest(meetingId: string, name: string): boolean {
          const trimmed = name.trim();
          if (trimmed.length === 0 || trimmed.length > MEETING_LIMITS.guestName) return false;
          return addGuest(doc, meetingId, newRecordId(), trimmed);
        },
        removeGuest: (meetingId: string, guestId: string) => removeGuest(doc, meetingId, guestId),
      },
      detail: (meetingId: string) => createMeetingDetail(context, meetingId),
    };
  }
  return { view };
}

export type MeetingsStore = ReturnType<typeof createMeetingsStore>;
export type MeetingsView = ReturnType<MeetingsStore['view']>;
