import { isValidIsoDate } from '../chapter';
import type { Result } from '../result';
import { err, ok } from '../result';
import { formatIsoDateTime, parseIsoDateTime } from './iso-time';
import type { ActionItemDetails, AgendaItemDetails, MeetingDetails, PersonRef } from './types';
import { ACTION_STATUSES } from './types';

export const MEETING_LIMITS = {
  title: 200,
  place: 500,
  link: 2000,
  agendaTitle: 200,
  timeboxMinutes: 600,
  actionWhat: 1000,
  guestName: 200,
} as const;

/** Devices' clocks disagree a little; a meeting "starting now" must not be rejected for that. */
export const CLOCK_SKEW_MS = 5 * 60 * 1000;

/** http(s) only: a javascript: or data: link must never reach an exported or rendered document. */
const SAFE_LINK = /^https?:\/\/[^\s<>"`]+$/i;

export type MeetingField = 'title' | 'startsAt' | 'place' | 'link';

export type MeetingError =
  | { readonly field: 'title' | 'startsAt'; readonly code: 'required' }
  | { readonly field: 'title' | 'place' | 'link'; readonly code: 'tooLong'; readonly max: number }
  | { readonly field: 'startsAt'; readonly code: 'invalidDateTime' }
  | { readonly field: 'startsAt'; readonly code: 'inPast'; readonly earliest: string }
  | { readonly field: 'link'; readonly code: 'invalidLink' };

export type AgendaItemError =
  | { readonly field: 'title' | 'presenter'; readonly code: 'required' }
  | { readonly field: 'title' | 'presenter'; readonly code: 'tooLong'; readonly max: number }
  | { readonly field: 'timeboxMinutes'; readonly code: 'outOfRange'; readonly min: number; readonly max: number };

export type ActionItemError =
  | { readonly field: 'what'; readonly code: 'required' }
  | { readonly field: 'what'; readonly code: 'tooLong'; readonly max: number }
  | { readonly field: 'due'; readonly code: 'invalidDate' }
  | { readonly field: 'status'; readonly code: 'invalidStatus' };

export interface MeetingContext {
  /** Epoch milliseconds, passed in so validation stays deterministic and testable. */
  readonly now: number;
  /** Only new meetings must lie in the future; past meetings may still be edited or imported. */
  readonly isNew: boolean;
}

type TextCheck = { readonly value: string; readonly problem: 'required' | 'tooLong' | null };

/** Trims and checks one text field; reports the limit, never the (possibly megabytes-long) value. */
export function checkText(raw: string, max: number, required: boolean): TextCheck {
  const value = raw.trim();
  if (required && value.length === 0) return { value, problem: 'required' };
  if (value.length > max) return { value: '', problem: 'tooLong' };
  return { value, problem: null };
}

export function validateMeeting(input: MeetingDetails, context: MeetingContext): Result<MeetingDetails, readonly MeetingError[]> {
  const errors: MeetingError[] = [];
  const title = checkText(input.title, MEETING_LIMITS.title, true);
  if (title.problem === 'required') errors.push({ field: 'title', code: 'required' });
  if (title.problem === 'tooLong') errors.push({ field: 'title', code: 'tooLong', max: MEETING_LIMITS.title });

  const startsAt = input.startsAt.trim();
  const startsAtMs = parseIsoDateTime(startsAt);
  if (startsAt.length === 0) errors.push({ field: 'startsAt', code: 'required' });
  else if (startsAtMs === null) errors.push({ field: 'startsAt', code: 'invalidDateTime' });
  else if (context.isNew && startsAtMs < context.now - CLOCK_SKEW_MS) {
    errors.push({ field: 'startsAt', code: 'inPast', earliest: formatIsoDateTime(context.now - CLOCK_SKEW_MS) });
  }

  const place = checkText(input.place, MEETING_LIMITS.place, false);
  if (place.problem === 'tooLong') errors.push({ field: 'place', code: 'tooLong', max: MEETING_LIMITS.place });

  const link = checkText(input.link, MEETING_LIMITS.link, false);
  if (link.problem === 'tooLong') errors.push({ field: 'link', code: 'tooLong', max: MEETING_LIMITS.link });
  else if (link.value.length > 0 && !SAFE_LINK.test(link.value)) errors.push({ field: 'link', code: 'invalidLink' });

  if (errors.length > 0) return err(errors);
  return ok({
    title: title.value,
    startsAt,
    place: place.value,
    link: link.value,
    facilitatorId: input.facilitatorId,
    noteTakerIds: [...new Set(input.noteTakerIds)],
  });
}

export function isSafeLink(value: string): boolean {
  return value.length <= MEETING_LIMITS.link && SAFE_LINK.test(value);
}

/** Guest names are free text; member references need no checking here. */
export function checkPerson(person: PersonRef): { readonly person: PersonRef; readonly problem: TextCheck['problem'] } {
  if (person.kind === 'member') return { person, problem: null };
  const name = checkText(person.name, MEETING_LIMITS.guestName, true);
  return { person: { kind: 'guest', name: name.value }, problem: name.problem };
}

export function validateAgendaItem(input: AgendaItemDetails): Result<AgendaItemDetails, readonly AgendaItemError[]> {
  const errors: AgendaItemError[] = [];
  const title = checkText(input.title, MEETING_LIMITS.agendaTitle, true);
  if (title.problem === 'required') errors.push({ field: 'title', code: 'required' });
  if (title.problem === 'tooLong') errors.push({ field: 'title', code: 'tooLong', max: MEETING_LIMITS.agendaTitle });

  const presenter = input.presenter === null ? null : checkPerson(input.presenter);
  if (presenter?.problem === 'required') errors.push({ field: 'presenter', code: 'required' });
  if (presenter?.problem === 'tooLong') errors.push({ field: 'presenter', code: 'tooLong', max: MEETING_LIMITS.guestName });

  const timebox = input.timeboxMinutes;
  if (!Number.isInteger(timebox) || timebox < 0 || timebox > MEETING_LIMITS.timeboxMinutes) {
    errors.push({ field: 'timeboxMinutes', code: 'outOfRange', min: 0, max: MEETING_LIMITS.timeboxMinutes });
  }

  if (errors.length > 0) return err(errors);
  return ok({ title: title.value, presenter: presenter?.person ?? null, timeboxMinutes: timebox, pollId: input.pollId });
}

export function validateActionItem(input: ActionItemDetails): Result<ActionItemDetails, readonly ActionItemError[]> {
  const errors: ActionItemError[] = [];
  const what = checkText(input.what, MEETING_LIMITS.actionWhat, true);
  if (what.problem === 'required') errors.push({ field: 'what', code: 'required' });
  if (what.problem === 'tooLong') errors.push({ field: 'what', code: 'tooLong', max: MEETING_LIMITS.actionWhat });

  // An empty date field in a form means "no deadline", not a bad date.
  const due = input.due === null ? '' : input.due.trim();
  if (due.length > 0 && !isValidIsoDate(due)) errors.push({ field: 'due', code: 'invalidDate' });
  if (!ACTION_STATUSES.includes(input.status)) errors.push({ field: 'status', code: 'invalidStatus' });

  if (errors.length > 0) return err(errors);
  return ok({ what: what.value, ownerId: input.ownerId, due: due.length > 0 ? due : null, status: input.status });
}
