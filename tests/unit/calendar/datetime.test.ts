import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addMonthsClamped,
  civilFromDays,
  DAY_MS,
  daysFromCivil,
  formatDate,
  formatIcsUtc,
  parseDate,
  parseDateTime,
  parseInstant,
} from '../../../src/domain/calendar/datetime';

// Date.UTC maps years 0–99 to 19xx, so the bounds are parsed from ISO strings.
const instants = fc.integer({ min: Date.parse('0001-01-01T00:00:00Z'), max: Date.parse('9999-12-31T23:59:59.999Z') });

describe('day numbers', () => {
  it('agree with Date.UTC over years 0001–9999', () => {
    fc.assert(
      fc.property(instants, (instant) => {
        const date = new Date(instant);
        const day = Math.floor(instant / DAY_MS);
        expect(civilFromDays(day)).toEqual({
          year: date.getUTCFullYear(),
          month: date.getUTCMonth() + 1,
          day: date.getUTCDate(),
        });
        expect(daysFromCivil(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate())).toBe(day);
      }),
      { numRuns: 500 },
    );
    expect(daysFromCivil(1970, 1, 1)).toBe(0);
    expect(formatDate(daysFromCivil(1, 1, 1))).toBe('0001-01-01');
  });

  it('adds months with the day clamped to the month end', () => {
    const d = (s: string) => parseDate(s)!;
    expect(formatDate(addMonthsClamped(d('2024-01-31'), 1))).toBe('2024-02-29');
    expect(formatDate(addMonthsClamped(d('2023-01-31'), 1))).toBe('2023-02-28');
    expect(formatDate(addMonthsClamped(d('2024-01-31'), 2))).toBe('2024-03-31');
    expect(formatDate(addMonthsClamped(d('2024-03-31'), -1))).toBe('2024-02-29');
    expect(formatDate(addMonthsClamped(d('2024-12-15'), 1))).toBe('2025-01-15');
    expect(formatDate(addMonthsClamped(d('1900-01-29'), 1))).toBe('1900-02-28');
    expect(formatDate(addMonthsClamped(d('2000-01-29'), 1))).toBe('2000-02-29');
  });
});

describe('parsing', () => {
  it('reads RFC 3339 date-times like Date.parse does', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(1971, 0, 1), max: Date.UTC(9998, 0, 1) }),
        fc.integer({ min: -14 * 60, max: 14 * 60 }),
        (instant, offset) => {
          const local = new Date(instant + offset * 60_000).toISOString().slice(0, 23);
          const sign = offset < 0 ? '-' : '+';
          const abs = Math.abs(offset);
          const zone = `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
          expect(parseDateTime(`${local}${zone}`)).toBe(instant);
          expect(parseDateTime(`${local}${zone}`)).toBe(Date.parse(`${local}${zone}`));
        },
      ),
    );
  });

  it('accepts minute precision and long fractions, and bare dates as UTC midnight', () => {
    expect(parseDateTime('2026-03-05T18:30+01:00')).toBe(Date.parse('2026-03-05T17:30:00Z'));
    expect(parseDateTime('2026-03-05T18:30:00.123456789Z')).toBe(Date.parse('2026-03-05T18:30:00.123Z'));
    expect(parseInstant('2026-03-05')).toBe(Date.parse('2026-03-05T00:00:00Z'));
  });

  it('rejects malformed and impossible values', () => {
    for (const bad of [
      '',
      '2026-02-29T10:00:00Z',
      '2026-03-05T24:00:00Z',
      '2026-03-05T23:60:00Z',
      '2026-03-05T23:59:60Z',
      '2026-03-05T10:00:00',
      '2026-03-05T10:00:00+2:00',
      '2026-03-05T10:00:00+24:00',
      '2026-03-05 10:00:00Z',
      '0000-01-01T00:00:00Z',
      '0001-01-01T00:00:00+01:00',
      '26-03-05T10:00:00Z',
    ]) {
      expect(parseDateTime(bad), bad).toBeUndefined();
    }
    for (const bad of ['2026-02-29', '2026-04-31', '2026-00-10', '2026-1-5', '2026-01-05T00:00:00Z']) {
      expect(parseDate(bad), bad).toBeUndefined();
    }
    expect(parseDate('2024-02-29')).toBeDefined();
  });
});

describe('formatting', () => {
  it('writes UTC date-times in the RFC 5545 form, truncating milliseconds', () => {
    expect(formatIcsUtc(Date.parse('2026-03-05T17:30:09.999Z'))).toBe('20260305T173009Z');
    expect(formatIcsUtc(Date.parse('1969-12-31T23:59:59Z'))).toBe('19691231T235959Z');
    expect(formatIcsUtc(Date.parse('0999-01-02T03:04:05Z'))).toBe('09990102T030405Z');
  });
});
