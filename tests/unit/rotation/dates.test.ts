import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cycleOf, slotDates, upcomingSlots } from '../../../src/domain/rotation/rotation';
import { rotation, unwrap } from './helpers';

/** Independent of the domain code: JS Date, adding months to the first of the month, then clamping. */
function addMonthsRef(start: string, months: number): string {
  const [y, m, d] = start.split('-').map(Number) as [number, number, number];
  const first = new Date(Date.UTC(y, m - 1 + months, 1));
  const lastDay = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  first.setUTCDate(Math.min(d, lastDay));
  return first.toISOString().slice(0, 10);
}

const addDaysRef = (start: string, days: number): string =>
  new Date(Date.parse(`${start}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

const startDates = fc
  .date({ min: new Date('1990-01-01T00:00:00Z'), max: new Date('2090-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

describe('month arithmetic', () => {
  it('clamps month ends without accumulating: Jan 31 → Feb 29 → Mar 31 → Apr 30 (leap year)', () => {
    const rot = rotation({ period: 'monthly', start: '2024-01-31', participants: ['a', 'b', 'c'] });
    expect(unwrap(slotDates(rot, 0))).toEqual([
      { slotStart: '2024-01-31', slotEnd: '2024-02-29' },
      { slotStart: '2024-02-29', slotEnd: '2024-03-31' },
      { slotStart: '2024-03-31', slotEnd: '2024-04-30' },
    ]);
    expect(unwrap(slotDates(rot, 1))).toEqual([
      { slotStart: '2024-04-30', slotEnd: '2024-05-31' },
      { slotStart: '2024-05-31', slotEnd: '2024-06-30' },
      { slotStart: '2024-06-30', slotEnd: '2024-07-31' },
    ]);
  });

  it('uses Feb 28 in common years and keeps Feb 29 starts on Feb 28/29', () => {
    const common = rotation({ period: 'monthly', start: '2023-01-31', participants: ['a', 'b'] });
    expect(unwrap(slotDates(common, 0))).toEqual([
      { slotStart: '2023-01-31', slotEnd: '2023-02-28' },
      { slotStart: '2023-02-28', slotEnd: '2023-03-31' },
    ]);
    const leapDay = rotation({ period: 'monthly', start: '2024-02-29', participants: ['a', 'b', 'c', 'd'] });
    expect(unwrap(slotDates(leapDay, 3))[0]!.slotStart).toBe('2025-02-28');
    expect(unwrap(slotDates(leapDay, 12))[0]!.slotStart).toBe('2028-02-29');
  });

  it('places instants in the right monthly period across short months', () => {
    const rot = rotation({ period: 'monthly', start: '2024-01-31', participants: ['a', 'b', 'c'] });
    expect(unwrap(cycleOf(rot, '2024-01-30T23:59:59Z'))).toBe(-1);
    expect(unwrap(cycleOf(rot, '2024-01-31'))).toBe(0);
    expect(unwrap(cycleOf(rot, '2024-04-29T23:59:59Z'))).toBe(0);
    expect(unwrap(cycleOf(rot, '2024-04-30'))).toBe(1);
    // 00:30 on Apr 30 in Berlin is still Apr 29 in UTC.
    expect(unwrap(cycleOf(rot, '2024-04-30T00:30:00+02:00'))).toBe(0);
  });
});

describe('slot dates', () => {
  it('slot i of cycle k starts at start + (k·n + i) periods while membership is unchanged', () => {
    fc.assert(
      fc.property(
        startDates,
        fc.constantFrom('weekly' as const, 'monthly' as const),
        fc.integer({ min: 1, max: 8 }),
        fc.nat(60),
        (start, period, n, cycle) => {
          const participants = Array.from({ length: n }, (_, i) => `m${i}`);
          const rot = rotation({ start, period, participants });
          const at = (p: number) => (period === 'weekly' ? addDaysRef(start, 7 * p) : addMonthsRef(start, p));
          const dates = unwrap(slotDates(rot, cycle));
          expect(dates).toHaveLength(n);
          dates.forEach((slot, i) => {
            expect(slot.slotStart).toBe(at(cycle * n + i));
            expect(slot.slotEnd).toBe(at(cycle * n + i + 1));
            expect(unwrap(cycleOf(rot, slot.slotStart))).toBe(cycle);
            expect(unwrap(cycleOf(rot, `${slot.slotEnd}T00:00:00Z`))).toBe(i === n - 1 ? cycle + 1 : cycle);
          });
        },
      ),
      { numRuns: 200 },
    );
  });

  it('gives cycle −1 before the start', () => {
    expect(unwrap(cycleOf(rotation(), '2026-01-04T23:59:59.999Z'))).toBe(-1);
    expect(unwrap(cycleOf(rotation(), '2026-01-05T00:00:00Z'))).toBe(0);
    expect(unwrap(cycleOf(rotation(), '2026-01-25T23:00:00-01:00'))).toBe(1);
  });
});

describe('upcomingSlots', () => {
  it('lists the running slot first and continues across cycles', () => {
    const rot = rotation();
    const list = unwrap(upcomingSlots(rot, '2026-01-14T12:00:00Z', 5));
    expect(list.map((s) => [s.cycle, s.position, s.slotStart])).toEqual([
      [0, 1, '2026-01-12'],
      [0, 2, '2026-01-19'],
      [1, 0, '2026-01-26'],
      [1, 1, '2026-02-02'],
      [1, 2, '2026-02-09'],
    ]);
  });

  it('starts at cycle 0 before the start and matches the per-cycle assignments', () => {
    const rot = rotation({ period: 'monthly', start: '2024-01-31' });
    const list = unwrap(upcomingSlots(rot, '2020-01-01', 9));
    expect(list).toHaveLength(9);
    expect(list[0]).toMatchObject({ cycle: 0, position: 0, slotStart: '2024-01-31' });
    expect(list.map((s) => s.cycle)).toEqual([0, 0, 0, 1, 1, 1, 2, 2, 2]);
    expect(unwrap(upcomingSlots(rot, '2020-01-01', 0))).toEqual([]);
  });

  it('rejects bad counts and dates', () => {
    expect(upcomingSlots(rotation(), '2026-01-01', -1)).toEqual({
      ok: false,
      error: [{ code: 'invalidCount', count: -1 }],
    });
    expect(upcomingSlots(rotation(), 'soon', 3)).toEqual({ ok: false, error: [{ code: 'invalidDate', value: 'soon' }] });
  });
});
