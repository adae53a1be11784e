import { sortByDue } from './action-items';
import type { MemberId } from './ids';
import { closeOpenFences, escapeBlock, escapeInline } from './markdown-escape';
import type { MinutesLabels } from './minutes-labels';
import { fillLabel } from './minutes-labels';
import { sortMinutesItems } from './snapshot-json';
import type { Decision, MinutesItem, MinutesSnapshot, PersonRef } from './types';
import { COUNT_KEYS } from './types';
import { isSafeLink } from './validate-meeting';

export interface MarkdownContext {
  /** Display name of a member; the id is shown when unknown (e.g. a member who has since left). */
  readonly memberName: (id: MemberId) => string | undefined;
  /** Formats the meeting's ISO date-time for the reader; the ISO text is printed when absent. */
  readonly formatDateTime?: (iso: string) => string;
  /** Formats an ISO calendar date (action item due dates). */
  readonly formatDate?: (isoDate: string) => string;
}

/** Renders the minutes as Markdown. User-provided single-line text is escaped; notes are Markdown and kept. */
export function minutesToMarkdown(snapshot: MinutesSnapshot, labels: MinutesLabels, context: MarkdownContext): string {
  const member = (id: MemberId): string => escapeInline(context.memberName(id) ?? id);
  const person = (who: PersonRef): string =>
    who.kind === 'member' ? member(who.memberId) : fillLabel(labels.guestName, { name: escapeInline(who.name) });
  const items = sortMinutesItems(snapshot.items);
  const out: string[] = [
    ...header(snapshot, labels, context, member),
    ...attendance(snapshot, labels, member),
    ...agenda(items, labels, person),
  ];
  items.forEach((entry, index) => {
    out.push(...itemSection(entry, index + 1, labels, person));
  });
  out.push(...actionTable(snapshot, labels, context, member));
  return `${out.join('\n').trimEnd()}\n`;
}

type Name = (id: MemberId) => string;
type Person = (who: PersonRef) => string;

const bullet = (label: string, value: string): string => `- **${label}:** ${value}`;

function header(snapshot: MinutesSnapshot, labels: MinutesLabels, context: MarkdownContext, member: Name): string[] {
  const { meeting } = snapshot;
  const when = context.formatDateTime ? context.formatDateTime(meeting.startsAt) : meeting.startsAt;
  const lines = [`# ${fillLabel(labels.heading, { title: escapeInline(meeting.title) })}`, '', bullet(labels.date, escapeInline(when))];
  if (meeting.place.trim().length > 0) lines.push(bullet(labels.place, escapeInline(meeting.place)));
  // Only a checked http(s) link becomes clickable; anything else is shown as inert text.
  if (meeting.link.trim().length > 0) {
    const link = meeting.link.trim();
    lines.push(bullet(labels.link, isSafeLink(link) ? `<${link}>` : escapeInline(link)));
  }
  if (meeting.facilitatorId !== null) lines.push(bullet(labels.facilitator, member(meeting.facilitatorId)));
  if (meeting.noteTakerIds.length > 0) lines.push(bullet(labels.noteTakers, meeting.noteTakerIds.map(member).join(', ')));
  lines.push(bullet(labels.status, labels.minutesStatus[snapshot.status]), '');
  return lines;
}

function attendance(snapshot: MinutesSnapshot, labels: MinutesLabels, member: Name): string[] {
  const { memberIds, guests } = snapshot.attendance;
  const members = [...new Set(memberIds)].map(member);
  const guestNames = guests.map(escapeInline);
  const lines = [
    `## ${labels.attendance}`,
    '',
    bullet(fillLabel(labels.members, { count: members.length }), members.length > 0 ? members.join(', ') : labels.nobody),
    bullet(fillLabel(labels.guests, { count: guestNames.length }), guestNames.length > 0 ? guestNames.join(', ') : labels.nobody),
  ];
  const quorum = snapshot.quorum;
  if (quorum !== null) {
    const line = fillLabel(quorum.met ? labels.quorumMet : labels.quorumNotMet, { present: quorum.present, required: quorum.required });
    lines.push(bullet(labels.quorum, line));
  }
  lines.push('');
  return lines;
}

function itemMeta(entry: MinutesItem, labels: MinutesLabels, person: Person): string[] {
  const { presenter, timeboxMinutes } = entry.item;
  const meta: string[] = [];
  if (presenter !== null) meta.push(fillLabel(labels.presentedBy, { name: person(presenter) }));
  if (timeboxMinutes > 0) meta.push(fillLabel(labels.timebox, { minutes: timeboxMinutes }));
  return meta;
}

function agenda(items: readonly MinutesItem[], labels: MinutesLabels, person: Person): string[] {
  const lines = [`## ${labels.agenda}`, ''];
  if (items.length === 0) lines.push(labels.none);
  items.forEach((entry, index) => {
    const meta = itemMeta(entry, labels, person);
    lines.push(`${index + 1}. ${escapeInline(entry.item.title)}${meta.length > 0 ? ` (${meta.join(', ')})` : ''}`);
  });
  lines.push('');
  return lines;
}

function itemSection(entry: MinutesItem, number: number, labels: MinutesLabels, person: Person): string[] {
  const lines = [`## ${number}. ${escapeInline(entry.item.title)}`, ''];
  const meta = itemMeta(entry, labels, person);
  if (meta.length > 0) lines.push(`*${meta.join(' · ')}*`, '');
  // Only surrounding blank lines go: leading spaces may be an indented code block.
  const notes = entry.notes.replace(/\r\n?/g, '\n').replace(/^(?:[ \t]*\n)+/, '').trimEnd();
  if (notes.length > 0) lines.push(closeOpenFences(notes), '');
  if (entry.decisions.length > 0) {
    lines.push(`### ${labels.decisions}`, '');
    entry.decisions.forEach((decision, index) => {
      lines.push(...decisionBlock(decision, `${number}.${index + 1}`, labels, person));
    });
  }
  return lines;
}

function decisionBlock(decision: Decision, number: string, labels: MinutesLabels, person: Person): string[] {
  const lines = [`#### ${fillLabel(labels.decision, { number })}`, '', ...escapeBlock(decision.text), ''];
  lines.push(bullet(labels.method, labels.methods[decision.method] ?? escapeInline(String(decision.method))));
  const counts = decision.counts;
  if (counts !== null) {
    lines.push(bullet(labels.votes, COUNT_KEYS.map((key) => `${labels.counts[key]} ${counts[key]}`).join(' · ')));
  }
  if (decision.pollId !== null) lines.push(bullet(labels.poll, escapeInline(decision.pollId)));
  lines.push('');
  if (decision.dissent.length > 0) {
    lines.push(`**${labels.dissent}:**`, '');
    // One blockquote per position; the blank line between them keeps them separate.
    for (const entry of decision.dissent) {
      lines.push(`> **${person(entry.who)}:**`, '>', ...escapeBlock(entry.position).map((line) => (line.length > 0 ? `> ${line}` : '>')), '');
    }
  }
  return lines;
}

function actionTable(snapshot: MinutesSnapshot, labels: MinutesLabels, context: MarkdownContext, member: Name): string[] {
  const lines = [`## ${labels.actionItems}`, ''];
  if (snapshot.actionItems.length === 0) return [...lines, labels.none, ''];
  lines.push(`| ${labels.what} | ${labels.who} | ${labels.due} | ${labels.actionStatus} |`, '| --- | --- | --- | --- |');
  for (const item of sortByDue(snapshot.actionItems)) {
    const who = item.ownerId === null ? labels.unassigned : member(item.ownerId);
    const due = item.due === null ? labels.noDueDate : escapeInline(context.formatDate ? context.formatDate(item.due) : item.due);
    const status = labels.actionStatuses[item.status] ?? escapeInline(String(item.status));
    lines.push(`| ${escapeInline(item.what)} | ${who} | ${due} | ${status} |`);
  }
  lines.push('');
  return lines;
}
