import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exactSum } from '../../../src/domain/tally/exact-sum';
import { tallyIrv } from '../../../src/domain/tally/irv';
import { tallyPlurality } from '../../../src/domain/tally/plurality';
import { tallySchulze } from '../../../src/domain/tally/schulze';
import { tallyStv } from '../../../src/domain/tally/stv';
import { defaultSeed, fnv1a32, seededOrder } from '../../../src/domain/tally/tie-break';

describe('seeded tie-break order', () => {
  it('uses 32-bit FNV-1a over UTF-8 (published test vectors)', () => {
    expect(fnv1a32('')).toBe(0x811c9dc5);
    expect(fnv1a32('a')).toBe(0xe40c292c);
    expect(fnv1a32('foobar')).toBe(0xbf9cf968);
    // "é" is the two UTF-8 bytes c3 a9.
    expect(fnv1a32('é')).toBe(Math.imul(Math.imul(0x811c9dc5 ^ 0xc3, 0x01000193) ^ 0xa9, 0x01000193) >>> 0);
  });

  it('orders candidates by the hash of seed + ":" + name', () => {
    const candidates = ['Ana', 'Ben', 'Cleo', 'Dev'];
    const order = seededOrder('poll-42', candidates);
    const expected = [...candidates].sort((a, b) => fnv1a32(`poll-42:${a}`) - fnv1a32(`poll-42:${b}`));
    expect(order).toEqual(expected);
  });

  it('does not depend on the order candidates are listed in', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.string({ minLength: 1 }), { minLength: 1, maxLength: 8 }), fc.string(), (names, seed) => {
        expect(seededOrder(seed, [...names].reverse())).toEqual(seededOrder(seed, names));
      }),
    );
  });

  it('a full tie goes to the first candidate of the seeded order; the seed matters', () => {
    const candidates = ['A', 'B', 'C', 'D', 'E'];
    const ballots = candidates.map((choice) => ({ choice }));
    const winners = new Set<string>();
    for (let poll = 0; poll < 40; poll++) {
      const seed = `poll-${poll}`;
      const result = tallyPlurality(candidates, ballots, { seed });
      expect(result.winners).toEqual([seededOrder(seed, candidates)[0]]);
      expect(result.tieBreaks).toEqual([{ purpose: 'elect', among: candidates, chosen: result.winners, rule: 'seed' }]);
      winners.add(result.winners[0]!);
    }
    expect(winners.size).toBeGreaterThan(2);
  });

  it('IRV eliminates the last candidate of the seeded order when earlier rounds do not help', () => {
    const candidates = ['A', 'B', 'C'];
    const ballots = candidates.map((name) => ({ ranking: [name] }));
    const result = tallyIrv(candidates, ballots, { seed: 'meeting-7' });
    const order = seededOrder('meeting-7', candidates);
    expect(result.rounds[0]?.eliminated).toEqual([order[2]]);
    expect(result.tieBreaks[0]).toEqual({ round: 1, purpose: 'eliminate', among: candidates, chosen: [order[2]], rule: 'seed' });
  });

  it('Schulze ties are settled by the seeded order too', () => {
    const candidates = ['A', 'B', 'C'];
    const result = tallySchulze(candidates, [{ ranking: ['A', 'B', 'C'] }, { ranking: ['B', 'C', 'A'] }, { ranking: ['C', 'A', 'B'] }], {
      seed: 's',
    });
    expect(result.tiers).toEqual([seededOrder('s', candidates)]);
    expect(result.winners).toEqual([seededOrder('s', candidates)[0]]);
    expect(result.tieBreaks).toHaveLength(1);
  });

  it('the default seed is a hash of the candidate list', () => {
    expect(defaultSeed(['A', 'B'])).toBe(defaultSeed(['A', 'B']));
    expect(defaultSeed(['A', 'B'])).not.toBe(defaultSeed(['B', 'A']));
    const result = tallyStv(['A', 'B'], [{ ranking: ['A'] }, { ranking: ['B'] }]);
    expect(result.seed).toBe(defaultSeed(['A', 'B']));
  });
});

describe('exact summation', () => {
  it('gives the correctly rounded sum', () => {
    expect(exactSum(Array.from({ length: 10 }, () => 0.1))).toBe(1);
    expect(exactSum([1e100, 1, -1e100])).toBe(1);
    expect(exactSum([])).toBe(0);
    expect(exactSum([0.1, 0.2])).toBe(0.30000000000000004);
  });

  it('does not depend on the order of the values', () => {
    const values = fc.array(fc.oneof(fc.double({ min: -1e6, max: 1e6, noNaN: true }), fc.integer({ min: 0, max: 30 }).map((n) => n / 3)), {
      maxLength: 40,
    });
    fc.assert(
      fc.property(
        values.chain((list) => fc.tuple(fc.constant(list), fc.shuffledSubarray(list, { minLength: list.length, maxLength: list.length }))),
        ([list, shuffled]) => {
          expect(exactSum(shuffled)).toBe(exactSum(list));
        },
      ),
    );
  });
});
