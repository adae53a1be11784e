/**
 * Calendar arithmetic on the proleptic Gregorian calendar in UTC, with plain integers
 * (no Date, no Intl), so results never depend on the host's time zone or engine.
 *
 * - A *day number* counts days since 1970-01-01 (day 0); negative before it.
 * - An *instant* counts milliseconds since 1970-01-01T00:00:00Z.
 * - Supported years are 0001–9999 (what a four-digit ISO year can show).
 *
 * Day-number conversion follows Howard Hinnant's `days_from_civil` / `civil_from_days`
 * (public-domain algorithms, exact for every Gregorian date).
 */

export const DAY_MS = 86_400_000;

export interface CivilDate {
  readonly year: number;
  readonly month: number; // 1–12
  readonly day: number; // 1–31
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

export function civilFromDays(days: number): CivilDate {
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

const MIN_DAY = daysFromCivil(1, 1, 1);
const MAX_DAY = daysFromCivil(9999, 12, 31);

/** True when the day number lies in years 0001–9999. */
export const isSupportedDay = (day: number): boolean => Number.isInteger(day) && day >= MIN_DAY && day <= MAX_DAY;

export const dayOfInstant = (instant: number): number => Math.floor(instant / DAY_MS);

/**
 * Adds calendar months, clamping the day of month to the target month's length:
 * Jan 31 + 1 month = Feb 28 (Feb 29 in leap years), Jan 31 + 2 months = Mar 31.
 * Always computed from the given date, never step by step, so clamping does not accumulate.
 */
export function addMonthsClamped(day: number, months: number): number {
  const { year, month, day: dom } = civilFromDays(day);
  const total = year * 12 + (month - 1) + months;
  const newYear = Math.floor(total / 12);
  const newMonth = total - newYear * 12 + 1;
  return daysFromCivil(newYear, newMonth, Math.min(dom, daysInMonth(newYear, newMonth)));
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:\d{2})$/;

function civilDay(year: number, month: number, day: number): number | undefined {
  if (year < 1 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  return daysFromCivil(year, month, day);
}

/** Parses a calendar date `YYYY-MM-DD` into a day number. */
export function parseDate(value: string): number | undefined {
  const m = DATE.exec(value);
  if (!m) return undefined;
  return civilDay(Number(m[1]), Number(m[2]), Number(m[3]));
}

/**
 * Parses an RFC 3339 date-time with a mandatory offset (`Z` or `±HH:MM`), e.g.
 * `2026-03-05T18:30:00+01:00`, into an instant. Seconds are optional; fractions are
 * truncated to milliseconds. Leap seconds and `24:00` are rejected.
 */
export function parseDateTime(value: string): number | undefined {
  const m = DATE_TIME.exec(value);
  if (!m) return undefined;
  const day = civilDay(Number(m[1]), Number(m[2]), Number(m[3]));
  const hour = Number(m[4]);
  const minute = Number(m[5]);
  const second = Number(m[6] ?? '0');
  const millis = Number((m[7] ?? '').padEnd(3, '0').slice(0, 3));
  if (day === undefined || hour > 23 || minute > 59 || second > 59) return undefined;
  let offsetMinutes = 0;
  const zone = m[8] ?? 'Z';
  if (zone !== 'Z') {
    const offsetHours = Number(zone.slice(1, 3));
    const offsetMins = Number(zone.slice(4, 6));
    if (offsetHours > 23 || offsetMins > 59) return undefined;
    offsetMinutes = (zone.startsWith('-') ? -1 : 1) * (offsetHours * 60 + offsetMins);
  }
  const instant = day * DAY_MS + ((hour * 60 + minute - offsetMinutes) * 60 + second) * 1000 + millis;
  return isSupportedDay(dayOfInstant(instant)) ? instant : undefined;
}

/** A date-time with offset, or a bare date meaning 00:00 UTC of that day. */
export function parseInstant(value: string): number | undefined {
  const day = parseDate(value);
  return day === undefined ? parseDateTime(value) : day * DAY_MS;
}

const pad = (n: number, width: number): string => String(n).padStart(width, '0');

/** `YYYY-MM-DD` */
export function formatDate(day: number): string {
  const c = civilFromDays(day);
  return `${pad(c.year, 4)}-${pad(c.month, 2)}-${pad(c.day, 2)}`;
}

/** RFC 5545 DATE form, `YYYYMMDD`. */
export function formatIcsDate(day: number): string {
  const c = civilFromDays(day);
  return `${pad(c.year, 4)}${pad(c.month, 2)}${pad(c.day, 2)}`;
}

/** RFC 5545 UTC DATE-TIME form, `YYYYMMDDTHHMMSSZ`; milliseconds are truncated. */
export function formatIcsUtc(instant: number): string {
  const day = dayOfInstant(instant);
  const secondOfDay = Math.floor((instant - day * DAY_MS) / 1000);
  const hh = Math.floor(secondOfDay / 3600);
  const mm = Math.floor((secondOfDay % 3600) / 60);
  return `${formatIcsDate(day)}T${pad(hh, 2)}${pad(mm, 2)}${pad(secondOfDay % 60, 2)}Z`;
}
