/**
 * Polls ↔ meeting minutes: the agenda items a poll can be linked to, and writing a closed poll's
 * outcome as a decision of its linked agenda item. Uses only the meetings repositories' exported
 * functions (the meetings area owns them). The decision id is derived from the poll and the item,
 * and its time is the close record's, so every member device that sees the final result may write
 * it and they all write the same record (no duplicates after an offline merge).
 */
import type * as Y from 'yjs';
import { createDecision, readDecisions } from '../crdt/meeting-records';
import { readAgenda, readMeetings } from '../crdt/meeting-repository';
import type { MemberId as MeetingMemberId, PollId } from '../domain/meeting/ids';
import type { DecisionDetails } from '../domain/meeting/types';
import { validateDecision } from '../domain/meeting/validate-decision';
import type { PollCount } from '../domain/polls/count';
import type { OutcomeDissent } from '../domain/polls/outcome';
import { minutesTargets, outcomeDecisionId, pollOutcome } from '../domain/polls/outcome';
import type { MinutesLink, SignedPoll } from '../domain/polls/types';
import type { TallyResult } from '../domain/tally/run';
import { t } from '../i18n';

export interface LinkableItem extends MinutesLink {
  readonly meetingTitle: string;
  readonly startsAt: string;
  readonly itemTitle: string;
}

/** Every agenda item (not removed) of every meeting, soonest meeting first, in agenda order. */
export function linkableAgendaItems(doc: Y.Doc): readonly LinkableItem[] {
  return readMeetings(doc).flatMap((meeting) =>
    readAgenda(doc, meeting.id)
      .filter((item) => !item.removed)
      .map((item) => ({ meetingId: meeting.id, agendaItemId: item.id, meetingTitle: meeting.title, startsAt: meeting.startsAt, itemTitle: item.title })),
  );
}

/** Agenda items that point at this poll themselves (set from the meeting's side). */
function agendaPointingAt(doc: Y.Doc, pollId: string): MinutesLink[] {
  return readMeetings(doc).flatMap((meeting) =>
    readAgenda(doc, meeting.id)
      .filter((item) => item.pollId === pollId)
      .map((item) => ({ meetingId: meeting.id, agendaItemId: item.id })),
  );
}

const fmt = (n: number): string => String(Math.round(n * 1000) / 1000);

function resultLine(result: TallyResult): string {
  switch (result.method) {
    case 'yesno':
      return t('polls.minutes.yesno', {
        outcome: t(`polls.results.outcome.${result.outcome}`),
        yes: fmt(result.yes),
        no: fmt(result.no),
        abstain: fmt(result.abstain),
      });
    case 'consent':
      return t('polls.minutes.consent', {
        outcome: result.blocked ? t('polls.results.blocked') : t(`polls.results.outcome.${result.outcome}`),
        agree: fmt(result.agree),
        standAside: fmt(result.standAside),
        block: fmt(result.block),
      });
    default: {
      const totals = result.method === 'irv' || result.method === 'stv' ? (result.rounds[0]?.tally ?? {}) : result.tally;
      const names = result.winners.length > 0 ? result.winners.join(', ') : t('polls.results.noWinner');
      const list = Object.entries(totals)
        .map(([name, value]) => `${name} ${fmt(value)}`)
        .join(', ');
      return t('polls.minutes.winners', { names, totals: list });
    }
  }
}

function dissentText(d: OutcomeDissent): string {
  const label = t(`polls.minutes.position.${d.position}`);
  return d.reason ? t('polls.minutes.positionReason', { position: label, reason: d.reason }) : t('polls.minutes.positionNoReason', { position: label });
}

/** The decision a closed poll writes into its agenda item's minutes. */
export function outcomeDecision(poll: SignedPoll, count: PollCount, result: TallyResult): DecisionDetails {
  const outcome = pollOutcome(poll, count.counted);
  const lines = [
    t('polls.minutes.head', { question: poll.question, method: t(`polls.method.${poll.method}`) }),
    resultLine(result),
    t('polls.minutes.turnout', { turnout: count.turnout, eligible: count.voters.length }),
    poll.scope === 'chapter'
      ? t('polls.minutes.scope.chapter')
      : poll.scope.kind === 'group'
        ? t('polls.minutes.scope.group', { name: poll.scope.name, count: poll.scope.members.length })
        : t('polls.minutes.scope.chapters', { count: poll.scope.chapters.length, names: poll.scope.chapters.map((c) => c.name).sort((a, b) => a.localeCompare(b)).join(', ') }),
    poll.weightRule === 'equal'
      ? t('polls.minutes.weights.equal')
      : poll.weightRule === 'perChapter'
        ? t('polls.minutes.weights.perChapter')
        : t('polls.minutes.weights.custom', { reason: poll.weightRule.reason }),
    t('polls.minutes.audit', { id: poll.id.slice(0, 12) }),
  ];
  return {
    text: lines.join('\n'),
    method: 'poll',
    counts: outcome.counts,
    pollId: poll.id as PollId,
    dissent: outcome.dissent.map((d) => ({ who: { kind: 'member', memberId: d.memberId as string as MeetingMemberId }, position: dissentText(d) })),
  };
}

/**
 * Writes the outcome of a final poll into each linked agenda item that does not have it yet.
 * Returns how many decisions were written (0 when nothing was missing or the poll is not final).
 */
export function recordOutcome(doc: Y.Doc, poll: SignedPoll, count: PollCount, result: TallyResult | null): number {
  const close = count.chosenClose;
  if (count.status !== 'closed' || !close || !result) return 0;
  let written = 0;
  const agenda = new Map(readMeetings(doc).map((m) => [m.id as string, new Set(readAgenda(doc, m.id).map((item) => item.id as string))]));
  for (const link of minutesTargets(poll, agendaPointingAt(doc, poll.id))) {
    // The meeting or item may not have reached this device yet: write when it has.
    if (!agenda.get(link.meetingId)?.has(link.agendaItemId)) continue;
    const id = outcomeDecisionId(poll.id, link.agendaItemId);
    if (readDecisions(doc, link.meetingId).some((d) => d.id === id)) continue;
    const checked = validateDecision(outcomeDecision(poll, count, result));
    if (!checked.ok) continue;
    createDecision(doc, id, link.meetingId, link.agendaItemId, checked.value, close.closedAt);
    written += 1;
  }
  return written;
}
