import { isValidIsoDate } from '../chapter';
import { compareCodeUnits } from './compare';
import type { ActionItemId } from './ids';
import { MEETING_LIMITS } from './validate-meeting';
import type { ActionItem, PersonRef } from './types';

const dueOf = (item: ActionItem): string | null => (item.due !== null && isValidIsoDate(item.due) ? item.due : null);

/** By due date (ISO dates sort as text), undated or unreadable dates last, then by meeting and id for a stable order. */
export function compareByDue(a: ActionItem, b: ActionItem): number {
  const dueA = dueOf(a);
  const dueB = dueOf(b);
  if (dueA !== dueB) {
    if (dueA === null) return 1;
    if (dueB === null) return -1;
    return compareCodeUnits(dueA, dueB);
  }
  return compareCodeUnits(a.meetingId, b.meetingId) || compareCodeUnits(a.id, b.id);
}

export function sortByDue(items: readonly ActionItem[]): readonly ActionItem[] {
  return [...items].sort(compareByDue);
}

/** Open action items from any number of meetings, soonest due first. */
export function openActionItems(items: readonly ActionItem[]): readonly ActionItem[] {
  return sortByDue(items.filter((item) => item.status === 'open'));
}

/** `today` is an ISO date passed in by the caller; an item due today is not overdue yet. */
export function isOverdue(item: ActionItem, today: string): boolean {
  const due = dueOf(item);
  return item.status === 'open' && due !== null && due < today;
}

/** A suggested agenda item; the caller assigns the id and order key when the member accepts it. */
export interface AgendaProposal {
  readonly actionItemId: ActionItemId;
  readonly title: string;
  readonly presenter: PersonRef | null;
  readonly timeboxMinutes: number;
  readonly overdue: boolean;
}

export interface ProposalOptions {
  readonly today: string;
  /** Action items already on the next agenda, so they are not offered twice. */
  readonly alreadyOnAgenda?: readonly ActionItemId[];
  readonly timeboxMinutes?: number;
}

/** Shortens to an agenda title without cutting a surrogate pair in half. */
export function agendaTitleFrom(what: string): string {
  const oneLine = what.replace(/\s+/g, ' ').trim();
  const max = MEETING_LIMITS.agendaTitle;
  if (oneLine.length <= max) return oneLine;
  let cut = oneLine.slice(0, max - 1);
  const last = cut.charCodeAt(cut.length - 1);
  if (last >= 0xd800 && last <= 0xdbff) cut = cut.slice(0, -1);
  return `${cut.trimEnd()}…`;
}

/** Offers every open action item as a report-back item for the next meeting, soonest due (so overdue) first. */
export function offerAsAgendaItems(items: readonly ActionItem[], options: ProposalOptions): readonly AgendaProposal[] {
  const skip = new Set(options.alreadyOnAgenda ?? []);
  const timeboxMinutes = options.timeboxMinutes ?? 5;
  return openActionItems(items)
    .filter((item) => !skip.has(item.id))
    .map((item) => ({
      actionItemId: item.id,
      title: agendaTitleFrom(item.what),
      presenter: item.ownerId === null ? null : { kind: 'member' as const, memberId: item.ownerId },
      timeboxMinutes,
      overdue: isOverdue(item, options.today),
    }));
}
