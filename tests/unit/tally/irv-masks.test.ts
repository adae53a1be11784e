import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MaskRounds } from '../../../src/domain/tally/irv-masks';
import { Piles } from '../../../src/domain/tally/piles';
import { rankedProfile } from '../../../src/domain/tally/ranked-profile';

const NAMES = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H'];

describe('IRV rounds by prefix sets', () => {
  it('gives the totals and exhausted mass that moving ballots between piles gives, round after round', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: NAMES.length }).chain((n) =>
          fc.record({
            n: fc.constant(n),
            ballots: fc.array(
              fc.record({ ranking: fc.shuffledSubarray(NAMES.slice(0, n)), count: fc.integer({ min: 0, max: 1000 }) }),
              { maxLength: 40 },
            ),
            order: fc.shuffledSubarray([...Array(n).keys()], { minLength: n, maxLength: n }),
          }),
        ),
        ({ n, ballots, order }) => {
          const profile = rankedProfile(NAMES.slice(0, n), ballots, { mergeWhen: 'fractional' });
          expect(MaskRounds.fits(profile)).toBe(true);
          const masks = new MaskRounds(profile);
          const piles = new Piles(profile);
          const continuing = new Uint8Array(n).fill(1);
          for (const loser of order) {
            expect(masks.totals()).toEqual(piles.totals());
            expect(masks.exhausted()).toBe(piles.exhausted());
            continuing[loser] = 0;
            masks.release(loser);
            piles.release(loser, continuing);
          }
          expect(masks.exhausted()).toBe(piles.exhausted());
        },
      ),
      { numRuns: 300 },
    );
  });

  it('is used only for integer masses and at most 12 candidates', () => {
    expect(MaskRounds.fits(rankedProfile(['A', 'B'], [{ ranking: ['A'], weight: 0.5 }]))).toBe(false);
    const many = Array.from({ length: 13 }, (_, i) => `C${i}`);
    expect(MaskRounds.fits(rankedProfile(many, [{ ranking: ['C1'] }]))).toBe(false);
  });
});
