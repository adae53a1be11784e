import { parseDateTime } from '../calendar/datetime';
import { utf8Length } from '../calendar/utf8';
import type { Result } from '../result';
import { err, ok } from '../result';
import { isSafeLinkUrl } from './safe-url';
import type { OfferCategory, OfferDirection, OfferStatus, OrganizingError, PostKind, PostStatus, ProjectKind } from './types';
import { LIMITS, OFFER_CATEGORIES, OFFER_DIRECTIONS, POST_KINDS, PROJECT_KINDS } from './types';
import { isTimeZoneName } from '../calendar/zone';

export type Checked<T> = Result<T, readonly OrganizingError[]>;

function text(errors: OrganizingError[], field: string, value: string, max: number, required: boolean): string {
  const trimmed = value.trim();
  if (required && trimmed.length === 0) errors.push({ field, code: 'required' });
  else if (trimmed.length > max) errors.push({ field, code: 'tooLong', max });
  return trimmed;
}

function choice<T extends string>(errors: OrganizingError[], field: string, value: string, allowed: readonly T[]): T {
  if (!(allowed as readonly string[]).includes(value)) errors.push({ field, code: 'invalidChoice' });
  return value as T;
}

export interface ProjectInput {
  readonly title: string;
  readonly description: string;
  readonly kind: string;
}

export interface ValidProject {
  readonly title: string;
  readonly description: string;
  readonly kind: ProjectKind;
}

export function validateProject(input: ProjectInput): Checked<ValidProject> {
  const errors: OrganizingError[] = [];
  const title = text(errors, 'title', input.title, LIMITS.title, true);
  const description = text(errors, 'description', input.description, LIMITS.description, false);
  const kind = choice(errors, 'kind', input.kind, PROJECT_KINDS);
  return errors.length > 0 ? err(errors) : ok({ title, description, kind });
}

export interface OfferInput {
  readonly direction: string;
  readonly category: string;
  readonly title: string;
  readonly details: string;
  readonly availability: string;
}

export interface ValidOffer {
  readonly direction: OfferDirection;
  readonly category: OfferCategory;
  readonly title: string;
  readonly details: string;
  readonly availability: string;
}

export function validateOffer(input: OfferInput): Checked<ValidOffer> {
  const errors: OrganizingError[] = [];
  const direction = choice(errors, 'direction', input.direction, OFFER_DIRECTIONS);
  const category = choice(errors, 'category', input.category, OFFER_CATEGORIES);
  const title = text(errors, 'title', input.title, LIMITS.title, true);
  const details = text(errors, 'details', input.details, LIMITS.offerDetails, false);
  const availability = text(errors, 'availability', input.availability, LIMITS.availability, false);
  return errors.length > 0 ? err(errors) : ok({ direction, category, title, details, availability });
}

/** open → claimed → done; a claim can be released (claimed → open) and done reopened. */
const TRANSITIONS: Readonly<Record<OfferStatus, readonly OfferStatus[]>> = {
  open: ['claimed', 'done'],
  claimed: ['open', 'done'],
  done: ['open'],
};

export function checkOfferTransition(from: OfferStatus, to: OfferStatus): Checked<OfferStatus> {
  return TRANSITIONS[from].includes(to) ? ok(to) : err([{ field: 'status', code: 'invalidTransition', from, to }]);
}

export interface EventInput {
  readonly title: string;
  /** RFC 3339 date-times with offset. */
  readonly start: string;
  readonly end: string;
  readonly place: string;
  readonly link: string;
  readonly description: string;
  /** Whole days: start/end are midnights in the event's zone (end exclusive). */
  readonly allDay?: boolean;
  /** IANA zone the event is planned in; '' or absent: none recorded. */
  readonly timeZone?: string;
  /** Share with the federation (copies in every ancestor branch). */
  readonly shared?: boolean;
}

export function validateEventInput(input: EventInput): Checked<EventInput> {
  const errors: OrganizingError[] = [];
  const title = text(errors, 'title', input.title, LIMITS.title, true);
  const place = text(errors, 'place', input.place, LIMITS.place, false);
  const link = text(errors, 'link', input.link, LIMITS.link, false);
  const description = text(errors, 'description', input.description, LIMITS.description, false);
  const start = parseDateTime(input.start);
  const end = parseDateTime(input.end);
  if (start === undefined) errors.push({ field: 'start', code: 'invalidDate' });
  if (end === undefined) errors.push({ field: 'end', code: 'invalidDate' });
  if (start !== undefined && end !== undefined && Math.floor(end / 1000) <= Math.floor(start / 1000)) {
    errors.push({ field: 'end', code: 'endBeforeStart' });
  }
  if (link.length > 0 && link.length <= LIMITS.link && !/^https?:\/\//i.test(link)) errors.push({ field: 'link', code: 'invalidUrl' });
  else if (link.length > 0 && !isSafeLinkUrl(link)) errors.push({ field: 'link', code: 'invalidUrl' });
  const timeZone = input.timeZone ?? '';
  if (timeZone && !isTimeZoneName(timeZone)) errors.push({ field: 'timeZone', code: 'invalidChoice' });
  if (errors.length > 0) return err(errors);
  return ok({ title, start: input.start, end: input.end, place, link, description, allDay: input.allDay === true, timeZone, shared: input.shared === true });
}

export interface PostInput {
  readonly kind: string;
  readonly title: string;
  readonly body: string;
  readonly status: string;
}

export interface ValidPost {
  readonly kind: PostKind;
  readonly title: string;
  readonly body: string;
  readonly status: PostStatus;
}

/** The body is kept exactly as typed (Markdown is whitespace-sensitive), only size-capped. */
export function validatePost(input: PostInput): Checked<ValidPost> {
  const errors: OrganizingError[] = [];
  const kind = choice(errors, 'kind', input.kind, POST_KINDS);
  const title = text(errors, 'title', input.title, LIMITS.title, true);
  const status = choice<PostStatus>(errors, 'status', input.status, ['draft', 'published']);
  const bytes = utf8Length(input.body);
  if (input.body.trim().length === 0) errors.push({ field: 'body', code: 'required' });
  else if (bytes > LIMITS.postBytes) errors.push({ field: 'body', code: 'tooLarge', maxBytes: LIMITS.postBytes, bytes });
  return errors.length > 0 ? err(errors) : ok({ kind, title, body: input.body, status });
}

export function validateReply(body: string): Checked<string> {
  const bytes = utf8Length(body);
  if (body.trim().length === 0) return err([{ field: 'reply', code: 'required' }]);
  if (bytes > LIMITS.replyBytes) return err([{ field: 'reply', code: 'tooLarge', maxBytes: LIMITS.replyBytes, bytes }]);
  return ok(body);
}
