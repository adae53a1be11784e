import { createMemo, createResource, createSignal, onCleanup } from 'solid-js';
import { agendaNotes, readAgenda, readMeeting } from '../crdt/meeting-repository';
import {
  appendQueueEntry,
  createActionItem,
  createDecision,
  type FinalRecord,
  queueFromLog,
  readActionItems,
  readDecisions,
  readFinal,
  readQueueLog,
  readQueueMode,
  setActionStatus,
  setQueueMode,
  type StoredDecision,
  writeFinal,
} from '../crdt/meeting-records';
import type { MinutesVerdict } from '../crypto/minutes-signing';
import { signMinutes, verifyMinutes } from '../crypto/minutes-signing';
import { minutesToMarkdown } from '../domain/meeting/export-markdown';
import { ENGLISH_MINUTES_LABELS } from '../domain/meeting/minutes-labels';
import type { Amendment } from '../domain/meeting/snapshot-diff';
import type { QueueMode } from '../domain/meeting/speaker-queue';
import { callNext, nextRaiseStamp, orderQueue } from '../domain/meeting/speaker-queue';
import { speakerTimer } from '../domain/meeting/speaker-timer';
import type { ActionItem, ActionItemDetails, ActionStatus, DecisionDetails, MinutesItem, MinutesSnapshot } from '../domain/meeting/types';
import { validateDecision } from '../domain/meeting/validate-decision';
import type { ActionItemError } from '../domain/meeting/validate-meeting';
import { validateActionItem } from '../domain/meeting/validate-meeting';
import type { DecisionError } from '../domain/meeting/validate-decision';
import type { Result } from '../domain/result';
import { err, ok } from '../domain/result';
import type { StoredAgendaItem } from '../crdt/meeting-repository';
import * as Y from 'yjs';
import { fromCrdt } from './bridge';
import type { MeetingContext } from './meeting-context';
import { createMinutesSigning } from './meeting-signing';
import { newRecordId } from './projects';

export type { MeetingContext };
export type { ActionItemError, Amendment, DecisionError, FinalRecord, QueueMode, StoredDecision };


/** Default length of one speaker's turn. */
export const SPEAKER_LIMIT_SECONDS = 120;

export type FinalStatus =
  | { readonly kind: 'draft' }
  | { readonly kind: 'checking' }
  | { readonly kind: 'valid'; readonly record: FinalRecord; readonly signerName: string }
  | { readonly kind: 'invalid'; readonly record: FinalRecord; readonly reason: string };

export type FinalizeError = 'notAllowed' | 'notFound' | 'alreadyFinal';

/** Everything on one meeting's page; call inside a reactive owner. */
export function createMeetingDetail(ctx: MeetingContext, meetingId: string) {
  const { doc, deps } = ctx;
  const state = fromCrdt(
    (onChange) => {
      const types = [doc.getMap('meetings'), doc.getMap('meetingAgenda'), doc.getMap('meetingDecisions'), doc.getMap('meetingActions')];
      // Minutes text is not part of this state: skip keystrokes (Y.Text events) to keep typing cheap.
      const handler = (events: readonly Y.YEvent<Y.AbstractType<unknown>>[]) => {
        if (!events.every((event) => event.target instanceof Y.Text)) onChange();
      };
      for (const type of types) type.observeDeep(handler);
      return () => {
        for (const type of types) type.unobserveDeep(handler);
      };
    },
    () => ({
      agenda: readAgenda(doc, meetingId),
      decisions: readDecisions(doc, meetingId),
      actions: readActionItems(doc, meetingId),
      log: readQueueLog(doc, meetingId),
      mode: readQueueMode(doc, meetingId),
      final: readFinal(doc, meetingId),
    }),
  );

  const [now, setNow] = createSignal(Date.now());
  const tick = setInterval(() => setNow(Date.now()), 1000);
  onCleanup(() => clearInterval(tick));

  const queue = createMemo(() => queueFromLog(state().log, state().mode));
  const waiting = createMemo(() => orderQueue(queue()));
  const myId = () => ctx.me()?.id as string | undefined;
  const meRecord = () => ctx.me();

  const canFacilitate = (): boolean => {
    const me = meRecord();
    if (!me) return false;
    const meeting = readMeeting(doc, meetingId);
    return !meeting?.facilitatorId || meeting.facilitatorId === me.id || me.founder || me.roles.includes('convener');
  };
  const canFinalize = (): boolean => {
    const me = meRecord();
    return !!me && (me.founder || me.roles.includes('secretary'));
  };

  /** The minutes as they stand now; removed items stay in only when something was written in them. */
  function snapshot(status: MinutesSnapshot['status']): MinutesSnapshot | null {
    const meeting = readMeeting(doc, meetingId);
    if (!meeting) return null;
    const decisions = readDecisions(doc, meetingId);
    const items: MinutesItem[] = [];
    for (const item of readAgenda(doc, meetingId)) {
      const notes = agendaNotes(doc, item.id)?.toString() ?? '';
      const own = decisions.filter((d) => d.agendaItemId === item.id);
      if (item.removed && notes.trim().length === 0 && own.length === 0) continue;
      items.push({ item, notes, decisions: own });
    }
    return {
      meeting,
      status,
      attendance: { memberIds: meeting.presentMemberIds, guests: meeting.guests.map((g) => g.name) },
      quorum: ctx.quorumFor(meeting),
      items,
      actionItems: readActionItems(doc, meetingId),
    };
  }

  const [verdict] = createResource(
    // A copy: reading every field tracks in-place changes (a record altered later must be re-checked).
    () => {
      const record = state().final;
      return record ? { ...record } : false;
    },
    (record): Promise<MinutesVerdict> => verifyMinutes(record),
  );

  const finalStatus = createMemo((): FinalStatus => {
    const record = state().final;
    if (!record) return { kind: 'draft' };
    const result = verdict.latest;
    if (verdict.loading || !result) return { kind: 'checking' };
    if (!result.valid) return { kind: 'invalid', record, reason: result.reason };
    // The signing device must belong to a member who may finalize (a secretary or the founder).
    const signer = ctx.members.state()?.members.find((m) => m.devices.some((d) => d.key === record.signer));
    if (!signer || !(signer.founder || signer.roles.includes('secretary'))) return { kind: 'invalid', record, reason: 'notSecretary' };
    return { kind: 'valid', record, signerName: signer.name };
  });

  /** The snapshot the secretary signed, once its signature and signer checked out. */
  const frozen = (): MinutesSnapshot | null => {
    const result = verdict.latest;
    return finalStatus().kind === 'valid' && result?.valid ? result.snapshot : null;
  };
  const signing = createMinutesSigning(ctx, meetingId, { final: () => state().final, frozen, current: () => snapshot('final') });
  /** Every change since the latest signature (finalize or signed amendment), recomputed live: nothing is edited silently. */
  const amendments = signing.unsigned;

  const timer = createMemo(() => {
    const current = queue().current;
    return current ? speakerTimer({ speakingSince: current.since, limitSeconds: SPEAKER_LIMIT_SECONDS, now: now() }) : null;
  });

  const appendQueue = (kind: 'raise' | 'lower' | 'call' | 'end', memberId: string, stamp: number) =>
    appendQueueEntry(doc, meetingId, { kind, memberId, stamp, at: Date.now() });
  const maxStampOf = (memberId: string): number =>
    Math.max(-1, ...queue().hands.filter((h) => h.memberId === memberId).map((h) => h.raisedAt));

  return {
    /** Agenda items in order, soft-deleted ones included; identities stay stable while minutes are typed. */
    agenda: (): readonly StoredAgendaItem[] => state().agenda,
    decisions: (): readonly StoredDecision[] => state().decisions,
    actions: (): readonly ActionItem[] => state().actions,
    queue,
    waiting,
    timer,
    mode: (): QueueMode => state().mode,
    finalStatus,
    amendments,
    signing,
    canFacilitate,
    canFinalize,
    /** Any member may sign an amendment to finalized minutes (signed by its author). */
    canSign: (): boolean => !!meRecord(),
    myHandUp: (): boolean => waiting().some((entry) => entry.memberId === myId()),
    raiseHand(): boolean {
      const id = myId();
      if (!id || waiting().some((e) => e.memberId === id)) return false;
      const seen = Math.max(0, ...state().log.map((e) => e.stamp));
      return appendQueue('raise', id, nextRaiseStamp(queue(), seen));
    },
    lowerHand(): boolean {
      const id = myId();
      if (!id) return false;
      return appendQueue('lower', id, maxStampOf(id));
    },
    callNext(): boolean {
      if (!canFacilitate()) return false;
      const next = callNext(queue(), Date.now()).current;
      if (!next) return appendQueue('end', '', 0);
      return appendQueue('call', next.memberId, maxStampOf(next.memberId));
    },
    endTurn: (): boolean => canFacilitate() && appendQueue('end', '', 0),
    setMode: (mode: QueueMode): boolean => canFacilitate() && setQueueMode(doc, meetingId, mode),
    addDecision(agendaItemId: string, details: DecisionDetails): Result<string, readonly DecisionError[]> {
      const checked = validateDecision(details);
      if (!checked.ok) return checked;
      const id = newRecordId();
      createDecision(doc, id, meetingId, agendaItemId, checked.value, new Date().toISOString());
      return ok(id);
    },
    addAction(agendaItemId: string | null, details: ActionItemDetails): Result<string, readonly ActionItemError[]> {
      const checked = validateActionItem(details);
      if (!checked.ok) return checked;
      const id = newRecordId();
      createActionItem(doc, id, meetingId, agendaItemId, checked.value, new Date().toISOString());
      return ok(id);
    },
    setActionStatus: (id: string, status: ActionStatus) => setActionStatus(doc, id, status),
    async finalize(): Promise<Result<void, FinalizeError>> {
      if (!canFinalize()) return err('notAllowed');
      if (state().final) return err('alreadyFinal');
      const current = snapshot('final');
      const me = meRecord();
      if (!current || !me) return err('notFound');
      const signed = await signMinutes(current, deps.identity.device);
      writeFinal(doc, meetingId, { ...signed, signerMemberId: me.id, at: new Date().toISOString() });
      return ok(undefined);
    },
    /** The minutes as Markdown; finalized minutes keep their amendments listed after them. */
    markdown(labels: {
      readonly amendments: string;
      readonly amendment: (a: Amendment) => string;
      /** "Approved by …" for the co-signers, and the heading of one signed amendment. */
      readonly approvedBy?: (names: string) => string;
      readonly signedBy?: (name: string, at: string) => string;
    }): string {
      const status = state().final ? 'final' : 'draft';
      const current = snapshot(status);
      if (!current) return '';
      let text = minutesToMarkdown(current, ENGLISH_MINUTES_LABELS, {
        memberName: (id) => ctx.memberName(id),
        formatDateTime: (iso) => new Date(iso).toLocaleString(),
      });
      const approvals = signing.approvals();
      if (approvals.length > 0 && labels.approvedBy) text += `\n${labels.approvedBy(approvals.map((a) => a.name).join(', '))}\n`;
      const list = (changes: readonly Amendment[]) => changes.map((a) => `- ${labels.amendment(a)}`).join('\n');
      const signed = signing.signedAmendments().filter((a) => a.valid);
      const sections = signed.map((a) => `${labels.signedBy ? `${labels.signedBy(a.signerName ?? '?', a.at)}\n\n` : ''}${list(a.changes)}`);
      if (amendments().length > 0) sections.push(list(amendments()));
      if (sections.length === 0) return text;
      return `${text}\n## ${labels.amendments}\n\n${sections.join('\n\n')}\n`;
    },
  };
}

export type MeetingDetail = ReturnType<typeof createMeetingDetail>;

/** Saves text as a file through a Blob (works offline). */
export function downloadText(name: string, text: string, type = 'text/markdown;charset=utf-8'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const anchor = document.createElement('a');
  anchor.href = url;
  anchor.download = name;
  anchor.rel = 'noopener';
  document.body.append(anchor);
  anchor.click();
  anchor.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
