import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rankedProfile } from '../../../src/domain/tally/ranked-profile';
import { irvFromProfile } from '../../../src/domain/tally/irv';
import { pairwiseMatrix, schulzeFromProfile } from '../../../src/domain/tally/schulze';

/** The pairwise matrix by its definition, one ballot and one pair at a time. */
function reference(candidates: readonly string[], ballots: readonly { ranking: readonly string[]; count: number }[]): number[] {
  const n = candidates.length;
  const d = new Array<number>(n * n).fill(0);
  for (const { ranking, count } of ballots) {
    const seen: string[] = [];
    for (const name of ranking) if (candidates.includes(name) && !seen.includes(name)) seen.push(name);
    const position = (c: string) => (seen.includes(c) ? seen.indexOf(c) : n);
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) if (i !== j && position(candidates[i]!) < position(candidates[j]!)) d[i * n + j]! += count;
    }
  }
  return d;
}

// Up to 12 candidates use the per-prefix-set sums, 13 and more the per-pair loop: both must agree with the definition.
const pollArb = fc.integer({ min: 2, max: 14 }).chain((n) => {
  const candidates = Array.from({ length: n }, (_, i) => `C${i}`);
  const ballot = fc.record({
    ranking: fc.array(fc.constantFrom(...candidates, 'nobody'), { maxLength: n + 2 }),
    count: fc.integer({ min: 0, max: 4 }),
  });
  return fc.record({ candidates: fc.constant(candidates), ballots: fc.array(ballot, { maxLength: 40 }) });
});

describe('Schulze pairwise matrix', () => {
  it('equals the count by definition for integer weights, with and without truncated and repeated names', () => {
    fc.assert(
      fc.property(pollArb, ({ candidates, ballots }) => {
        expect([...pairwiseMatrix(rankedProfile(candidates, ballots))]).toEqual(reference(candidates, ballots));
      }),
      { numRuns: 300 },
    );
  });
});

describe('ranked profiles with and without merging identical rankings', () => {
  const weighted = fc.integer({ min: 2, max: 8 }).chain((n) => {
    const candidates = Array.from({ length: n }, (_, i) => `C${i}`);
    const ranking = fc.shuffledSubarray(candidates, { minLength: 0, maxLength: Math.min(3, n) });
    const weight = fc.oneof(fc.constant(undefined), fc.integer({ min: 0, max: 3 }), fc.integer({ min: 1, max: 30 }).map((k) => k / 10));
    const ballot = fc.record({ ranking, weight, count: fc.integer({ min: 0, max: 3 }) }, { requiredKeys: ['ranking', 'count'] });
    return fc.record({ candidates: fc.constant(candidates), ballots: fc.array(ballot, { maxLength: 40 }) });
  });

  it('give Schulze and IRV the same result (integer masses are not merged, fractional ones are)', () => {
    fc.assert(
      fc.property(weighted, ({ candidates, ballots }) => {
        const merged = rankedProfile(candidates, ballots);
        const fast = rankedProfile(candidates, ballots, { mergeWhen: 'fractional' });
        expect(schulzeFromProfile(fast, { seed: 's' })).toEqual(schulzeFromProfile(merged, { seed: 's' }));
        expect(irvFromProfile(fast, { seed: 's' })).toEqual(irvFromProfile(merged, { seed: 's' }));
      }),
      { numRuns: 400 },
    );
  });
});
