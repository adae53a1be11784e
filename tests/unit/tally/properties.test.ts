import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { tallyApproval } from '../../../src/domain/tally/approval';
import { tallyIrv } from '../../../src/domain/tally/irv';
import { tallyPlurality } from '../../../src/domain/tally/plurality';
import { tallySchulze } from '../../../src/domain/tally/schulze';
import { tallyScore } from '../../../src/domain/tally/score';
import { tallyStv } from '../../../src/domain/tally/stv';
import type { RankedBallot } from '../../../src/domain/tally/types';

const NAMES = ['Ana', 'Ben', 'Cleo', 'Dev', 'Eli', 'Fay'];

const candidatesArb = fc.integer({ min: 2, max: NAMES.length }).map((n) => NAMES.slice(0, n));

/** Weights include thirds and tenths, whose float sums depend on order unless summed exactly. */
const weightArb = fc.oneof(
  fc.constant(undefined),
  fc.integer({ min: 0, max: 6 }).map((n) => n / 3),
  fc.integer({ min: 1, max: 30 }).map((n) => n / 10),
);
const countArb = fc.oneof(fc.constant(undefined), fc.integer({ min: 0, max: 5 }));

const rankedArb = (candidates: readonly string[]): fc.Arbitrary<RankedBallot> =>
  fc.record(
    {
      ranking: fc.shuffledSubarray([...candidates], { minLength: 0 }),
      weight: weightArb,
      count: countArb,
    },
    { requiredKeys: ['ranking'] },
  );

const pollArb = (integral = false) =>
  candidatesArb.chain((candidates) =>
    fc.record({
      candidates: fc.constant(candidates),
      ballots: fc.array(integral ? rankedArb(candidates).map(({ ranking, count }) => ({ ranking, count: count ?? 1 })) : rankedArb(candidates), {
        maxLength: 25,
      }),
      seats: fc.integer({ min: 1, max: candidates.length }),
      seed: fc.string({ maxLength: 8 }),
    }),
  );

const withShuffle = <T extends { ballots: readonly unknown[] }>(arb: fc.Arbitrary<T>) =>
  arb.chain((poll) =>
    fc.tuple(fc.constant(poll), fc.shuffledSubarray([...poll.ballots], { minLength: poll.ballots.length, maxLength: poll.ballots.length })),
  );

const hasVotes = (ballots: readonly RankedBallot[]): boolean =>
  ballots.some((b) => b.ranking.length > 0 && (b.weight ?? 1) * (b.count ?? 1) > 0);

describe('tally properties', () => {
  it('ballot order never matters (every method)', () => {
    fc.assert(
      fc.property(withShuffle(pollArb()), ([{ candidates, ballots, seats, seed }, shuffled]) => {
        const shuffledRanked = shuffled as RankedBallot[];
        expect(tallyIrv(candidates, shuffledRanked, { seed })).toEqual(tallyIrv(candidates, ballots, { seed }));
        expect(tallyStv(candidates, shuffledRanked, { seats, seed })).toEqual(tallyStv(candidates, ballots, { seats, seed }));
        expect(tallySchulze(candidates, shuffledRanked, { seats, seed })).toEqual(tallySchulze(candidates, ballots, { seats, seed }));
        const asChoice = (list: readonly RankedBallot[]) => list.map((b) => ({ ...b, choice: b.ranking[0] ?? null }));
        expect(tallyPlurality(candidates, asChoice(shuffledRanked), { seats, seed })).toEqual(
          tallyPlurality(candidates, asChoice(ballots), { seats, seed }),
        );
        const asApproval = (list: readonly RankedBallot[]) => list.map((b) => ({ ...b, approved: b.ranking.slice(0, 2) }));
        expect(tallyApproval(candidates, asApproval(shuffledRanked), { seed })).toEqual(tallyApproval(candidates, asApproval(ballots), { seed }));
        const asScores = (list: readonly RankedBallot[]) =>
          list.map((b) => ({ ...b, scores: Object.fromEntries(b.ranking.map((name, i) => [name, Math.max(0, 5 - i)])) }));
        expect(tallyScore(candidates, asScores(shuffledRanked), { seed })).toEqual(tallyScore(candidates, asScores(ballots), { seed }));
      }),
      { numRuns: 200 },
    );
  });

  it('a Condorcet winner wins Schulze', () => {
    fc.assert(
      fc.property(pollArb(true), ({ candidates, ballots, seed }) => {
        const prefers = (b: RankedBallot, x: string, y: string): boolean => {
          const i = b.ranking.indexOf(x);
          const j = b.ranking.indexOf(y);
          return i >= 0 && (j < 0 || i < j);
        };
        const support = (x: string, y: string): number =>
          ballots.reduce((sum, b) => sum + (prefers(b, x, y) ? (b.weight ?? 1) * (b.count ?? 1) : 0), 0);
        const condorcet = candidates.find((x) => candidates.every((y) => x === y || support(x, y) > support(y, x)));
        fc.pre(condorcet !== undefined);
        expect(tallySchulze(candidates, ballots, { seed }).winners).toEqual([condorcet]);
      }),
      { numRuns: 300 },
    );
  });

  it('a candidate with a first-round majority wins IRV', () => {
    const arb = pollArb().chain((poll) =>
      fc.record({
        poll: fc.constant(poll),
        favourite: fc.constantFrom(...poll.candidates),
        rest: fc.shuffledSubarray(poll.candidates),
      }),
    );
    fc.assert(
      fc.property(arb, ({ poll, favourite, rest }) => {
        const others = poll.ballots.reduce((sum, b) => sum + (b.weight ?? 1) * (b.count ?? 1), 0);
        const majority = { ranking: [favourite, ...rest.filter((name) => name !== favourite)], weight: others + 0.5 };
        const result = tallyIrv(poll.candidates, [...poll.ballots, majority], { seed: poll.seed });
        expect(result.winners).toEqual([favourite]);
        expect(result.rounds).toHaveLength(1);
      }),
    );
  });

  it('STV elects exactly `seats` distinct candidates whenever someone voted', () => {
    fc.assert(
      fc.property(pollArb(), ({ candidates, ballots, seats, seed }) => {
        fc.pre(hasVotes(ballots));
        const result = tallyStv(candidates, ballots, { seats, seed });
        expect(result.winners).toHaveLength(seats);
        expect(new Set(result.winners).size).toBe(seats);
        for (const winner of result.winners) expect(candidates).toContain(winner);
        expect(result.rounds.flatMap((round) => round.elected)).toEqual(result.winners);
      }),
      { numRuns: 300 },
    );
  });

  it('IRV always elects one candidate whenever someone voted, and each round removes one', () => {
    fc.assert(
      fc.property(pollArb(), ({ candidates, ballots, seed }) => {
        fc.pre(hasVotes(ballots));
        const result = tallyIrv(candidates, ballots, { seed });
        expect(result.winners).toHaveLength(1);
        for (const round of result.rounds.slice(0, -1)) expect(round.eliminated).toHaveLength(1);
      }),
    );
  });

  it('identical seeds give identical results; tie-breaks are deterministic', () => {
    fc.assert(
      fc.property(pollArb(), ({ candidates, ballots, seats, seed }) => {
        const copy = structuredClone({ candidates, ballots });
        expect(tallyStv(copy.candidates, copy.ballots, { seats, seed })).toEqual(tallyStv(candidates, ballots, { seats, seed }));
        expect(tallyIrv(copy.candidates, copy.ballots, { seed })).toEqual(tallyIrv(candidates, ballots, { seed }));
        expect(tallySchulze(copy.candidates, copy.ballots, { seats, seed })).toEqual(tallySchulze(candidates, ballots, { seats, seed }));
      }),
    );
  });

  it('the same ballots aggregated with counts give the same result as listed one by one', () => {
    fc.assert(
      fc.property(pollArb(true), ({ candidates, ballots, seats, seed }) => {
        const expanded = ballots.flatMap((b) => Array.from({ length: b.count ?? 1 }, () => ({ ranking: b.ranking })));
        expect(tallyStv(candidates, expanded, { seats, seed }).winners).toEqual(tallyStv(candidates, ballots, { seats, seed }).winners);
        expect(tallySchulze(candidates, expanded, { seats, seed }).pairwise).toEqual(tallySchulze(candidates, ballots, { seats, seed }).pairwise);
      }),
    );
  });
});
