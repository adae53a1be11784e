import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rankedProfile } from '../../../src/domain/tally/ranked-profile';
import { pairwiseMatrix } from '../../../src/domain/tally/schulze';

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
