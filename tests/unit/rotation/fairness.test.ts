import { describe, expect, it } from 'vitest';
import { rotationSeed } from '../../../src/domain/rotation/model';
import { assignment } from '../../../src/domain/rotation/rotation';
import { ids, rotation, unwrap } from './helpers';

const PARTICIPANTS = ['p1', 'p2', 'p3', 'p4', 'p5'];
const DRAWS = 2000;

/** Upper 0.001 critical values of the chi-square distribution (scipy.stats.chi2.ppf(0.999, df)). */
const CRITICAL_0_001: Record<number, number> = { 4: 18.467, 16: 39.252, 119: 172.418 };

const chiSquare = (observed: readonly number[], expected: number): number =>
  observed.reduce((sum, o) => sum + (o - expected) ** 2 / expected, 0);

interface Tally {
  /** counts[member][position] */
  readonly counts: number[][];
  readonly permutations: Map<string, number>;
}

function tally(orders: readonly (readonly string[])[]): Tally {
  const counts = PARTICIPANTS.map(() => PARTICIPANTS.map(() => 0));
  const permutations = new Map<string, number>();
  for (const order of orders) {
    order.forEach((member, position) => {
      counts[PARTICIPANTS.indexOf(member)]![position]!++;
    });
    permutations.set(order.join(), (permutations.get(order.join()) ?? 0) + 1);
  }
  return { counts, permutations };
}

function expectUniform({ counts, permutations }: Tally): void {
  const n = PARTICIPANTS.length;
  const expected = DRAWS / n;
  // Each position on its own: 5 cells, 4 degrees of freedom.
  for (let position = 0; position < n; position++) {
    const column = counts.map((row) => row[position]!);
    expect(chiSquare(column, expected)).toBeLessThan(CRITICAL_0_001[4]!);
  }
  // The whole member × position table: margins are fixed, so (5−1)(5−1) = 16 degrees of freedom.
  expect(chiSquare(counts.flat(), expected)).toBeLessThan(CRITICAL_0_001[16]!);
  // All 120 orders equally likely: 119 degrees of freedom.
  const all = Array.from({ length: 120 }, (_, i) => [...permutations.values()][i] ?? 0);
  expect(chiSquare(all, DRAWS / 120)).toBeLessThan(CRITICAL_0_001[119]!);
}

describe('fairness of the shuffle', () => {
  it('is uniform over 2,000 seeds (chi-square, p > 0.001)', () => {
    const orders = Array.from({ length: DRAWS }, (_, i) =>
      ids(unwrap(assignment(rotation({ participants: PARTICIPANTS, seed: rotationSeed('rot-fair', `seed-${i}`) }), 0))),
    );
    expectUniform(tally(orders));
  });

  it('is uniform over 2,000 cycles of one seed (chi-square, p > 0.001)', () => {
    const rot = rotation({ participants: PARTICIPANTS, seed: 'rot-fair:meeting-2026-01' });
    const orders = Array.from({ length: DRAWS }, (_, cycle) => ids(unwrap(assignment(rot, cycle))));
    expectUniform(tally(orders));
  });
});
