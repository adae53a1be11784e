import type { Result } from './result';
import { err, ok } from './result';

export type BranchLevel = 'local' | 'regional' | 'national' | 'international';

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
}

export type ChapterField = 'name' | 'city' | 'region' | 'country' | 'foundedOn' | 'description';

export type ChapterError =
  | { readonly field: ChapterField; readonly code: 'required' }
  | { readonly field: ChapterField; readonly code: 'tooLong'; readonly max: number }
  | { readonly field: 'foundedOn'; readonly code: 'invalidDate' }
  | { readonly field: 'foundedOn'; readonly code: 'dateOutOfRange'; readonly min: string; readonly max: string };

export interface ChapterInput {
  readonly name: string;
  readonly city: string;
  readonly region: string;
  readonly country: string;
  readonly foundedOn: string;
  readonly description: string;
}

export const CHAPTER_LIMITS = {
  name: 120,
  city: 120,
  region: 120,
  country: 120,
  description: 20_000,
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
  const text = (field: Exclude<ChapterField, 'foundedOn'>, required: boolean): string => {
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
  if (errors.length > 0) return err(errors);
  return ok({ name, location: { city, region, country }, foundedOn, description, level: 'local' });
}

export function formatLocation(location: ChapterLocation): string {
  return [location.city, location.region, location.country].filter((part) => part.length > 0).join(', ');
}
