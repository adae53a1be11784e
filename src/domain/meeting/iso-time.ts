import { isValidIsoDate } from '../chapter';

/** Date, time and a mandatory offset: a meeting time without a zone means different instants on different devices. */
const ISO_DATE_TIME = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(?:(Z)|([+-])(\d{2}):(\d{2}))$/;
const MAX_DATE_TIME_LENGTH = 40;

/** Days since 1970-01-01 for a proleptic Gregorian date (H. Hinnant's algorithm; avoids Date.UTC's 0..99 year quirk). */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * ((month + 9) % 12) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

/** Parses a strict ISO 8601 date-time to epoch milliseconds; null for anything else. */
export function parseIsoDateTime(value: string): number | null {
  if (value.length > MAX_DATE_TIME_LENGTH) return null;
  const match = ISO_DATE_TIME.exec(value);
  if (!match) return null;
  const [, date = '', hh = '', mm = '', ss = '0', fraction = '', zulu, sign, offH = '0', offM = '0'] = match;
  if (!isValidIsoDate(date)) return null;
  const hour = Number(hh);
  const minute = Number(mm);
  const second = Number(ss);
  const offsetHours = Number(offH);
  const offsetMinutes = Number(offM);
  if (hour > 23 || minute > 59 || second > 59 || offsetHours > 23 || offsetMinutes > 59) return null;
  const offset = zulu ? 0 : (sign === '-' ? -1 : 1) * (offsetHours * 60 + offsetMinutes);
  const days = daysFromCivil(Number(date.slice(0, 4)), Number(date.slice(5, 7)), Number(date.slice(8, 10)));
  const millis = fraction.length > 0 ? Math.floor(Number(`0.${fraction}`) * 1000) : 0;
  return ((days * 24 + hour) * 60 + minute - offset) * 60_000 + second * 1000 + millis;
}

export function formatIsoDateTime(epochMs: number): string {
  return new Date(epochMs).toISOString();
}
