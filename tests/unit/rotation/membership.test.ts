import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { recordJoin, recordLeave } from '../../../src/domain/rotation/changes';
import type { Rotation } from '../../../src/domain/rotation/model';
import {
  assignment,
  cycleOf,
  effectiveCycle,
  membersOf,
  slotDates,
  upcomingSlots,
} from '../../../src/domain/rotation/rotation';
import { rotation, unwrap } from './helpers';

const ms = (day: string) => Date.parse(`${day}T00:00:00Z`);

/** An instant inside `cycle`, `fraction` of the way through it. */
function instantIn(rot: Rotation, cycle: number, fraction: number): string {
  const dates = unwrap(slotDates(rot, cycle));
  const start = ms(dates[0]!.slotStart);
  const end = ms(dates[dates.length - 1]!.slotEnd);
  return new Date(start + Math.floor(fraction * (end - start))).toISOString();
}

describe('joining and leaving', () => {
  it('takes effect from the cycle after the one it was recorded in', () => {
    const base = rotation();
    const joined = unwrap(recordJoin(base, 'dev', '2026-01-10T09:00:00+01:00'));
    expect(unwrap(membersOf(joined, 0))).toEqual(['ana', 'ben', 'chi']);
    expect(unwrap(membersOf(joined, 1))).toEqual(['ana', 'ben', 'chi', 'dev']);
    expect(unwrap(assignment(joined, 0))).toEqual(unwrap(assignment(base, 0)));
    expect(unwrap(slotDates(joined, 1)).map((s) => s.slotStart)).toEqual([
      '2026-01-26',
      '2026-02-02',
      '2026-02-09',
      '2026-02-16',
    ]);
    const left = unwrap(recordLeave(joined, 'ana', '2026-02-01T10:00:00Z'));
    expect(unwrap(effectiveCycle(left, '2026-02-01T10:00:00Z'))).toBe(2);
    expect(unwrap(membersOf(left, 1))).toHaveLength(4);
    expect(unwrap(membersOf(left, 2))).toEqual(['ben', 'chi', 'dev']);
    expect(unwrap(slotDates(left, 2))[0]!.slotStart).toBe('2026-02-23');
    expect(unwrap(membersOf(left, 40))).toEqual(['ben', 'chi', 'dev']);
    // The log's order does not matter.
    const reversed = { ...left, changes: [...left.changes].reverse() };
    for (let k = 0; k < 5; k++) expect(unwrap(assignment(reversed, k))).toEqual(unwrap(assignment(left, k)));
  });

  it('never changes the cycle it was recorded in or any earlier one (property)', () => {
    const members = fc.uniqueArray(fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f', 'g'), { minLength: 2, maxLength: 6 });
    fc.assert(
      fc.property(
        members,
        fc.constantFrom('weekly' as const, 'monthly' as const),
        fc.nat(6),
        fc.double({ min: 0, max: 0.999, noNaN: true }),
        fc.boolean(),
        (participants, period, cycle, fraction, join) => {
          const base = rotation({ participants, period, start: '2025-12-31' });
          const at = instantIn(base, cycle, fraction);
          expect(unwrap(cycleOf(base, at))).toBe(cycle);
          const changed = unwrap(join ? recordJoin(base, 'newcomer', at) : recordLeave(base, participants[0]!, at));
          for (let k = 0; k <= cycle; k++) expect(unwrap(assignment(changed, k))).toEqual(unwrap(assignment(base, k)));
          const next = unwrap(membersOf(changed, cycle + 1));
          expect(next.includes('newcomer')).toBe(join);
          expect(next.includes(participants[0]!)).toBe(join);
          const lastOfCycle = unwrap(slotDates(base, cycle)).at(-1)!;
          expect(unwrap(slotDates(changed, cycle + 1))[0]!.slotStart).toBe(lastOfCycle.slotEnd);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('applies changes recorded before the start from cycle 0', () => {
    const rot = unwrap(recordJoin(rotation(), 'dev', '2025-12-01T00:00:00Z'));
    expect(unwrap(effectiveCycle(rot, '2025-12-01T00:00:00Z'))).toBe(0);
    expect(unwrap(membersOf(rot, 0))).toEqual(['ana', 'ben', 'chi', 'dev']);
  });

  it('rejects joining members, leaving non-members and bad input', () => {
    const rot = rotation();
    expect(recordJoin(rot, 'ana', '2026-01-06')).toEqual({
      ok: false,
      error: [{ code: 'alreadyMember', memberId: 'ana', cycle: 1 }],
    });
    expect(recordLeave(rot, 'zed', '2026-01-06')).toEqual({
      ok: false,
      error: [{ code: 'notMember', memberId: 'zed', cycle: 1 }],
    });
    const left = unwrap(recordLeave(rot, 'ana', '2026-01-06'));
    expect(recordLeave(left, 'ana', '2026-01-07').ok).toBe(false);
    expect(recordJoin(rot, '', '2026-01-06')).toEqual({ ok: false, error: [{ code: 'required', field: 'memberId' }] });
    expect(recordJoin(rot, 'dev', 'tomorrow')).toEqual({
      ok: false,
      error: [{ code: 'invalidDate', value: 'tomorrow' }],
    });
  });

  it('lets an empty cycle last one period and resumes when someone joins', () => {
    const solo = rotation({ participants: ['ana'] });
    const empty = unwrap(recordLeave(solo, 'ana', '2026-01-06'));
    expect(unwrap(slotDates(empty, 1))).toEqual([]);
    expect(unwrap(cycleOf(empty, '2026-01-12'))).toBe(1);
    expect(unwrap(cycleOf(empty, '2026-01-26'))).toBe(3);
    const listed = unwrap(upcomingSlots(empty, '2026-01-01', 10));
    expect(listed.map((s) => s.memberId)).toEqual(['ana']);
    const back = unwrap(recordJoin(empty, 'ben', '2026-01-28T12:00:00Z'));
    expect(unwrap(membersOf(back, 4))).toEqual(['ben']);
    const resumed = unwrap(upcomingSlots(back, '2026-01-01', 3));
    expect(resumed.map((s) => [s.memberId, s.cycle, s.slotStart])).toEqual([
      ['ana', 0, '2026-01-05'],
      ['ben', 4, '2026-02-02'],
      ['ben', 5, '2026-02-09'],
    ]);
  });

  it('handles a change recorded far in the future without walking every cycle', () => {
    const rot = unwrap(recordJoin(rotation({ participants: ['ana'] }), 'ben', '9000-06-15T00:00:00Z'));
    const cycle = unwrap(cycleOf(rot, '9000-06-15T00:00:00Z'));
    expect(unwrap(membersOf(rot, cycle))).toEqual(['ana']);
    expect(unwrap(membersOf(rot, cycle + 1))).toEqual(['ana', 'ben']);
  });
});
