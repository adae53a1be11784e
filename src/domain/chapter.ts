import type { Result } from './result';
import { err, ok } from './result';

export type BranchLevel = 'local' | 'regional' | 'national' | 'international';

/** From the bottom up: a branch may only join a branch of a higher level. */
export const BRANCH_LEVELS: readonly BranchLevel[] = ['local', 'regional', 'national', 'international'];

export const isBranchLevel = (value: unknown): value is BranchLevel => BRANCH_LEVELS.includes(value as BranchLevel);

export interface ChapterLocation {
  readonly city: string;
  readonly region: string;
  readonly country: string;
}

/** The editable details of a chapter, as stored in its branch document. */
export interface ChapterDetails {
  readonly name: string;
  readonly location: ChapterLocation;
  /** ISO calendar date, yyyy-mm-dd. */
  readonly foundedOn: string;
  readonly description: string;
  readonly level: BranchLevel;
  /** Languages the branch works in (free text, e.g. "English", "Esperanto"); absent in older documents. */
  readonly languages?: readonly string[];
  /** Contact and social links: http(s) URLs or e-mail addresses; absent in older documents. */
  readonly links?: readonly string[];
}

export type ChapterField = 'name' | 'city' | 'region' | 'country' | 'foundedOn' | 'description' | 'languages' | 'links' | 'level';

export type ChapterError =
  | { readonly field: ChapterField; readonly code: 'required' }
  | { readonly field: ChapterField; readonly code: 'tooLong'; readonly max: number }
  | { readonly field: 'foundedOn'; readonly code: 'invalidDate' }
  | { readonly field: 'foundedOn'; readonly code: 'dateOutOfRange'; readonly min: string; readonly max: string }
  | { readonly field: 'languages' | 'links'; readonly code: 'tooMany'; readonly max: number }
  | { readonly field: 'links'; readonly code: 'invalidLink'; readonly value: string }
  | { readonly field: 'level'; readonly code: 'invalidLevel' };

export interface ChapterInput {
  readonly name: string;
  readonly city: string;
  readonly region: string;
  readonly country: string;
  readonly foundedOn: string;
  readonly description: string;
  /** Comma-separated; optional so older callers keep compiling. */
  readonly languages?: string;
  /** One link per line. */
  readonly links?: string;
  /** Chosen when the branch is created; defaults to 'local'. */
  readonly level?: string;
}

export const CHAPTER_LIMITS = {
  name: 120,
  city: 120,
  region: 120,
  country: 120,
  description: 20_000,
  language: 60,
  languages: 20,
  link: 500,
  links: 10,
} as const;

/** The federation's oldest plausible founding date; anything earlier is a typo. */
const EARLIEST_FOUNDING = '1800-01-01';
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isValidIsoDate(value: string): boolean {
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0;
  return day <= days;
}

/** `today` is passed in so validation stays deterministic and testable. */
export function validateChapter(input: ChapterInput, today: string): Result<ChapterDetails, readonly ChapterError[]> {
  const errors: ChapterError[] = [];
  const text = (field: 'name' | 'city' | 'region' | 'country' | 'description', required: boolean): string => {
    const value = input[field].trim();
    if (required && value.length === 0) errors.push({ field, code: 'required' });
    else if (value.length > CHAPTER_LIMITS[field]) errors.push({ field, code: 'tooLong', max: CHAPTER_LIMITS[field] });
    return value;
  };
  const name = text('name', true);
  const city = text('city', false);
  const region = text('region', false);
  const country = text('country', false);
  const description = text('description', false);
  const foundedOn = input.foundedOn.trim();
  if (foundedOn.length === 0) errors.push({ field: 'foundedOn', code: 'required' });
  else if (!isValidIsoDate(foundedOn)) errors.push({ field: 'foundedOn', code: 'invalidDate' });
  else if (foundedOn < EARLIEST_FOUNDING || foundedOn > today) {
    errors.push({ field: 'foundedOn', code: 'dateOutOfRange', min: EARLIEST_FOUNDING, max: today });
  }
  const languages = parseLanguages(input.languages ?? '', errors);
  const links = parseLinks(input.links ?? '', errors);
  const level = input.level === undefined || input.level === '' ? 'local' : input.level;
  if (!isBranchLevel(level)) errors.push({ field: 'level', code: 'invalidLevel' });
  if (errors.length > 0) return err(errors);
  return ok({
    name,
    location: { city, region, country },
    foundedOn,
    description,
    level: level as BranchLevel,
    // Only when asked, so callers that predate these fields see the same details as before.
    ...(input.languages !== undefined ? { languages } : {}),
    ...(input.links !== undefined ? { links } : {}),
  });
}

/** Comma-separated, trimmed, duplicates (ignoring case) dropped. */
function parseLanguages(raw: string, errors: ChapterError[]): readonly string[] {
  const seen = new Set<string>();
  const languages: string[] = [];
  for (const part of raw.split(',')) {
    const language = part.trim();
    if (language.length === 0 || seen.has(language.toLowerCase())) continue;
    if (language.length > CHAPTER_LIMITS.language) {
      errors.push({ field: 'languages', code: 'tooLong', max: CHAPTER_LIMITS.language });
      return [];
    }
    seen.add(language.toLowerCase());
    languages.push(language);
  }
  if (languages.length > CHAPTER_LIMITS.languages) errors.push({ field: 'languages', code: 'tooMany', max: CHAPTER_LIMITS.languages });
  return languages;
}

const EMAIL = /^[^\s@/:]+@[^\s@/:]+\.[^\s@/:]+$/;
const WEB = /^https?:\/\/[^\s/?#]+\.[^\s]*$/i;

/** A link is a web address (http/https) or an e-mail address; anything else (javascript:, data:) is refused. */
export function isContactLink(value: string): boolean {
  return value.length <= CHAPTER_LIMITS.link && (WEB.test(value) || EMAIL.test(value));
}

/** What an anchor's href should be: e-mail addresses become mailto: links. */
export const contactHref = (link: string): string => (EMAIL.test(link) ? `mailto:${link}` : link);

function parseLinks(raw: string, errors: ChapterError[]): readonly string[] {
  const links: string[] = [];
  for (const line of raw.split(/\r?\n/)) {
    const link = line.trim();
    if (link.length === 0 || links.includes(link)) continue;
    if (!isContactLink(link)) {
      errors.push({ field: 'links', code: 'invalidLink', value: link.slice(0, 80) });
      return [];
    }
    links.push(link);
  }
  if (links.length > CHAPTER_LIMITS.links) errors.push({ field: 'links', code: 'tooMany', max: CHAPTER_LIMITS.links });
  return links;
}

export function formatLocation(location: ChapterLocation): string {
  return [location.city, location.region, location.country].filter((part) => part.length > 0).join(', ');
}
