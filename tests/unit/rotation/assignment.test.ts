import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { recordSwap } from '../../../src/domain/rotation/changes';
import { rotationSeed, validateRotation } from '../../../src/domain/rotation/model';
import { assignment, cycleOf, slotDates, verifyAssignment } from '../../../src/domain/rotation/rotation';
import { byId, ids, rotation, unwrap } from './helpers';

const memberIds = fc.uniqueArray(fc.string({ minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 12 });
const seeds = fc.string({ minLength: 1, maxLength: 20 });
const period = fc.constantFrom('weekly' as const, 'monthly' as const);

describe('assignment', () => {
  it('gives every participant exactly one slot per cycle, in consecutive periods', () => {
    fc.assert(
      fc.property(memberIds, seeds, fc.nat(500), period, (participants, seed, cycle, p) => {
        const slots = unwrap(assignment(rotation({ participants, seed, period: p }), cycle));
        expect([...ids(slots)].sort(byId)).toEqual([...participants].sort(byId));
        for (let i = 1; i < slots.length; i++) expect(slots[i]!.slotStart).toBe(slots[i - 1]!.slotEnd);
        for (const slot of slots) expect(slot.slotStart < slot.slotEnd).toBe(true);
      }),
    );
  });

  it('depends only on the seed, not on the order participants were entered', () => {
    const input = memberIds.chain((members) =>
      fc.tuple(fc.constant(members), fc.shuffledSubarray(members, { minLength: members.length })),
    );
    fc.assert(
      fc.property(input, seeds, fc.nat(500), ([members, reordered], seed, cycle) => {
        const a = unwrap(assignment(rotation({ participants: members, seed }), cycle));
        const b = unwrap(assignment(rotation({ participants: reordered, seed }), cycle));
        expect(b).toEqual(a);
      }),
    );
  });

  it('differs between seeds and between cycles', () => {
    const participants = ['ana', 'ben', 'chi', 'dev', 'eli', 'fay'];
    const bySeed = new Set<string>();
    const byCycle = new Set<string>();
    for (let i = 0; i < 50; i++) {
      bySeed.add(ids(unwrap(assignment(rotation({ participants, seed: rotationSeed('rot1', `vote-${i}`) }), 0))).join());
      byCycle.add(ids(unwrap(assignment(rotation({ participants }), i))).join());
    }
    // 720 possible orders; 50 draws almost surely give well over 40 distinct ones.
    expect(bySeed.size).toBeGreaterThan(40);
    expect(byCycle.size).toBeGreaterThan(40);
  });

  it('applies swaps on top of the derived order, only in their cycle and in log order', () => {
    const base = rotation({ participants: ['ana', 'ben', 'chi', 'dev'] });
    const before = ids(unwrap(assignment(base, 2)));
    const [first, second, third] = [before[0]!, before[1]!, before[2]!];
    const swapped = unwrap(recordSwap(base, { cycle: 2, a: first, b: third }));
    const after = ids(unwrap(assignment(swapped, 2)));
    expect(after).toEqual([third, second, first, before[3]]);
    expect(unwrap(assignment(swapped, 1))).toEqual(unwrap(assignment(base, 1)));
    expect(unwrap(assignment(swapped, 3))).toEqual(unwrap(assignment(base, 3)));
    // Dates stay with the slot; only the people move.
    expect(unwrap(slotDates(swapped, 2))).toEqual(unwrap(slotDates(base, 2)));
    const twice = unwrap(recordSwap(swapped, { cycle: 2, a: first, b: second }));
    expect(ids(unwrap(assignment(twice, 2)))).toEqual([third, first, second, before[3]]);
  });

  it('ignores logged swaps that name a non-member', () => {
    const base = rotation();
    const withStray = { ...base, swaps: [{ cycle: 0, a: 'ana', b: 'zed' }] };
    expect(unwrap(assignment(withStray, 0))).toEqual(unwrap(assignment(base, 0)));
  });

  it('refuses to record a swap with a non-member, with oneself or in a bad cycle', () => {
    const base = rotation();
    expect(recordSwap(base, { cycle: 0, a: 'ana', b: 'zed' })).toEqual({
      ok: false,
      error: [{ code: 'notMember', memberId: 'zed', cycle: 0 }],
    });
    expect(recordSwap(base, { cycle: 0, a: 'ana', b: 'ana' })).toEqual({
      ok: false,
      error: [{ code: 'sameMember', memberId: 'ana' }],
    });
    expect(recordSwap(base, { cycle: -1, a: 'ana', b: 'ben' })).toEqual({
      ok: false,
      error: [{ code: 'invalidCycle', cycle: -1 }],
    });
  });
});

describe('verifyAssignment', () => {
  it('accepts the derived assignment and rejects any rigged one', () => {
    fc.assert(
      fc.property(memberIds, seeds, fc.nat(200), fc.nat(), fc.nat(), (participants, seed, cycle, x, y) => {
        const rot = rotation({ participants, seed });
        const slots = unwrap(assignment(rot, cycle));
        expect(verifyAssignment(rot, cycle, slots)).toBe(true);
        expect(verifyAssignment(rot, cycle, ids(slots))).toBe(true);
        expect(verifyAssignment(rot, cycle, ids(slots).slice(1))).toBe(false);
        expect(verifyAssignment(rot, cycle, [...ids(slots), 'intruder'])).toBe(false);
        const i = x % slots.length;
        const j = y % slots.length;
        if (i !== j) {
          const rigged = [...ids(slots)];
          [rigged[i], rigged[j]] = [rigged[j]!, rigged[i]!];
          expect(verifyAssignment(rot, cycle, rigged)).toBe(false);
        }
      }),
    );
  });

  it('checks dates too when full slots are claimed', () => {
    const rot = rotation();
    const slots = unwrap(assignment(rot, 1));
    const shifted = slots.map((slot) => ({ ...slot, slotStart: '2000-01-01' }));
    expect(verifyAssignment(rot, 1, shifted)).toBe(false);
    expect(verifyAssignment(rot, 1, unwrap(assignment(rotation({ seed: 'other' }), 1)))).toBe(false);
    expect(verifyAssignment(rot, -1, [])).toBe(false);
  });

  it('verifies against the swapped assignment', () => {
    const base = rotation();
    const plain = ids(unwrap(assignment(base, 0)));
    const swapped = unwrap(recordSwap(base, { cycle: 0, a: plain[0]!, b: plain[1]! }));
    expect(verifyAssignment(swapped, 0, plain)).toBe(false);
    expect(verifyAssignment(swapped, 0, [plain[1]!, plain[0]!, plain[2]!])).toBe(true);
  });
});

describe('rotation validation', () => {
  it('reports bad rotations as typed errors', () => {
    const bad = rotation({
      id: '',
      seed: '',
      start: '2026-02-30',
      participants: ['ana', 'ana', ''],
      changes: [{ kind: 'join', memberId: 'x', recordedAt: 'yesterday' }],
      swaps: [{ cycle: 1.5, a: 'ana', b: 'ben' }],
    });
    expect(validateRotation(bad)).toEqual({
      ok: false,
      error: [
        { code: 'required', field: 'id' },
        { code: 'required', field: 'seed' },
        { code: 'invalidStart' },
        { code: 'duplicateParticipant', memberId: 'ana' },
        { code: 'required', field: 'memberId' },
        { code: 'invalidChange', index: 0 },
        { code: 'invalidSwap', index: 0 },
      ],
    });
    expect(assignment(bad, 0).ok).toBe(false);
    expect(validateRotation({ ...rotation(), period: 'daily' as 'weekly' })).toEqual({
      ok: false,
      error: [{ code: 'invalidPeriod' }],
    });
  });

  it('rejects bad cycles and dates', () => {
    expect(assignment(rotation(), -1)).toEqual({ ok: false, error: [{ code: 'invalidCycle', cycle: -1 }] });
    expect(slotDates(rotation(), 0.5)).toEqual({ ok: false, error: [{ code: 'invalidCycle', cycle: 0.5 }] });
    expect(cycleOf(rotation(), '2026-13-01')).toEqual({
      ok: false,
      error: [{ code: 'invalidDate', value: '2026-13-01' }],
    });
    expect(cycleOf(rotation(), '2026-01-05T10:00:00')).toEqual({
      ok: false,
      error: [{ code: 'invalidDate', value: '2026-01-05T10:00:00' }],
    });
  });
});
