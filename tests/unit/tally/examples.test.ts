import { describe, expect, it } from 'vitest';
import { tallyApproval } from '../../../src/domain/tally/approval';
import { tallyConsent } from '../../../src/domain/tally/consent';
import { tallyIrv } from '../../../src/domain/tally/irv';
import { tallyPlurality } from '../../../src/domain/tally/plurality';
import { tallySchulze } from '../../../src/domain/tally/schulze';
import { tallyScore } from '../../../src/domain/tally/score';
import { tallyStv } from '../../../src/domain/tally/stv';
import type { RankedBallot } from '../../../src/domain/tally/types';
import { tallyYesNo } from '../../../src/domain/tally/yes-no';

const ranked = (count: number, order: string): RankedBallot => ({ ranking: order.split('>'), count });

describe('Schulze: Wikipedia example (45 voters, winner E)', () => {
  const candidates = ['A', 'B', 'C', 'D', 'E'];
  const ballots = [
    ranked(5, 'A>C>B>E>D'),
    ranked(5, 'A>D>E>C>B'),
    ranked(8, 'B>E>D>A>C'),
    ranked(3, 'C>A>B>E>D'),
    ranked(7, 'C>A>E>B>D'),
    ranked(2, 'C>B>A>D>E'),
    ranked(7, 'D>C>E>B>A'),
    ranked(8, 'E>B>A>D>C'),
  ];
  const result = tallySchulze(candidates, ballots);

  it('elects E and ranks E > A > C > B > D', () => {
    expect(result.winners).toEqual(['E']);
    expect(result.ranking).toEqual(['E', 'A', 'C', 'B', 'D']);
    expect(result.tieBreaks).toEqual([]);
    expect(result.totalWeight).toBe(45);
    expect(result.tally).toEqual({ A: 10, B: 8, C: 12, D: 7, E: 8 });
  });

  it('exposes the pairwise matrix d', () => {
    expect(result.pairwise).toEqual({
      A: { B: 20, C: 26, D: 30, E: 22 },
      B: { A: 25, C: 16, D: 33, E: 18 },
      C: { A: 19, B: 29, D: 17, E: 24 },
      D: { A: 15, B: 12, C: 28, E: 14 },
      E: { A: 23, B: 27, C: 21, D: 31 },
    });
  });

  it('exposes the strongest paths p', () => {
    expect(result.strongestPaths).toEqual({
      A: { B: 28, C: 28, D: 30, E: 24 },
      B: { A: 25, C: 28, D: 33, E: 24 },
      C: { A: 25, B: 29, D: 29, E: 24 },
      D: { A: 25, B: 28, C: 28, E: 24 },
      E: { A: 25, B: 28, C: 28, D: 31 },
    });
  });

  it('treats unranked candidates as below every ranked one', () => {
    const truncated = tallySchulze(['A', 'B', 'C'], [{ ranking: ['B'], count: 2 }, { ranking: ['A', 'C'] }]);
    expect(truncated.pairwise).toEqual({ A: { B: 1, C: 1 }, B: { A: 2, C: 2 }, C: { A: 0, B: 1 } });
    expect(truncated.winners).toEqual(['B']);
  });
});

describe('IRV: Wikipedia Tennessee capital example', () => {
  const candidates = ['Memphis', 'Nashville', 'Chattanooga', 'Knoxville'];
  const ballots = [
    ranked(42, 'Memphis>Nashville>Chattanooga>Knoxville'),
    ranked(26, 'Nashville>Chattanooga>Knoxville>Memphis'),
    ranked(15, 'Chattanooga>Knoxville>Nashville>Memphis'),
    ranked(17, 'Knoxville>Chattanooga>Nashville>Memphis'),
  ];

  it('elects Knoxville after eliminating Chattanooga then Nashville', () => {
    const result = tallyIrv(candidates, ballots);
    expect(result.winners).toEqual(['Knoxville']);
    expect(result.rounds).toEqual([
      {
        round: 1,
        tally: { Memphis: 42, Nashville: 26, Chattanooga: 15, Knoxville: 17 },
        exhausted: 0,
        eliminated: ['Chattanooga'],
        elected: [],
      },
      { round: 2, tally: { Memphis: 42, Nashville: 26, Knoxville: 32 }, exhausted: 0, eliminated: ['Nashville'], elected: [] },
      { round: 3, tally: { Memphis: 42, Knoxville: 58 }, exhausted: 0, eliminated: [], elected: ['Knoxville'] },
    ]);
    expect(result.tieBreaks).toEqual([]);
  });

  it('reports exhausted ballots and needs a majority of the ballots still in play', () => {
    const result = tallyIrv(['A', 'B', 'C'], [ranked(4, 'A'), ranked(3, 'B'), ranked(2, 'C')]);
    expect(result.winners).toEqual(['A']);
    expect(result.rounds.map((round) => round.exhausted)).toEqual([0, 2]);
    expect(result.rounds[1]?.tally).toEqual({ A: 4, B: 3 });
  });

  it('breaks an elimination tie by looking back at earlier rounds', () => {
    // Round 2: B and C both have 6, but B had fewer in round 1, so B goes.
    const result = tallyIrv(['A', 'B', 'C', 'D'], [ranked(10, 'A'), ranked(5, 'B'), ranked(6, 'C'), ranked(1, 'D>B')]);
    expect(result.rounds[1]?.tally).toEqual({ A: 10, B: 6, C: 6 });
    expect(result.rounds[1]?.eliminated).toEqual(['B']);
    expect(result.tieBreaks).toEqual([{ round: 2, purpose: 'eliminate', among: ['B', 'C'], chosen: ['B'], rule: 'earlierRounds' }]);
    expect(result.winners).toEqual(['A']);
  });

  it('has no winner without votes', () => {
    const result = tallyIrv(['A', 'B'], [{ ranking: [] }]);
    expect(result.winners).toEqual([]);
    expect(result.blank).toBe(1);
    expect(result.rounds).toEqual([{ round: 1, tally: { A: 0, B: 0 }, exhausted: 0, eliminated: [], elected: [] }]);
  });
});

describe('STV: Wikipedia food example (20 voters, 3 seats)', () => {
  const candidates = ['Oranges', 'Pears', 'Chocolate', 'Strawberries', 'Hamburgers'];
  const ballots = [
    ranked(4, 'Oranges'),
    ranked(2, 'Pears>Oranges'),
    ranked(8, 'Chocolate>Strawberries'),
    ranked(4, 'Chocolate>Hamburgers'),
    ranked(1, 'Strawberries'),
    ranked(1, 'Hamburgers'),
  ];

  it('elects Chocolate, Oranges and Strawberries with a Droop quota of 6', () => {
    const result = tallyStv(candidates, ballots, { seats: 3 });
    expect(result.quota).toBe(6);
    expect(result.winners).toEqual(['Chocolate', 'Oranges', 'Strawberries']);
    expect(result.rounds).toEqual([
      {
        round: 1,
        tally: { Oranges: 4, Pears: 2, Chocolate: 12, Strawberries: 1, Hamburgers: 1 },
        exhausted: 0,
        eliminated: [],
        elected: ['Chocolate'],
      },
      {
        round: 2,
        tally: { Oranges: 4, Pears: 2, Chocolate: 6, Strawberries: 5, Hamburgers: 3 },
        exhausted: 0,
        eliminated: ['Pears'],
        elected: [],
      },
      {
        round: 3,
        tally: { Oranges: 6, Chocolate: 6, Strawberries: 5, Hamburgers: 3 },
        exhausted: 0,
        eliminated: ['Hamburgers'],
        elected: ['Oranges'],
      },
      { round: 4, tally: { Oranges: 6, Chocolate: 6, Strawberries: 5 }, exhausted: 3, eliminated: [], elected: ['Strawberries'] },
    ]);
  });

  it('transfers fractional surpluses exactly and rounds only the output', () => {
    // Quota floor(9 / 3) + 1 = 4; A's surplus 3 of 7 moves at 3/7 per ballot.
    const result = tallyStv(['A', 'B', 'C', 'D'], [ranked(7, 'A>B'), ranked(1, 'C'), ranked(1, 'D')], { seats: 2 });
    expect(result.quota).toBe(4);
    expect(result.rounds[1]?.tally).toEqual({ A: 4, B: 3, C: 1, D: 1 });
    expect(result.winners).toEqual(['A', 'B']);
  });

  it('applies weights to the quota: floor of the weighted total', () => {
    const result = tallyStv(['A', 'B', 'C'], [{ ranking: ['A'], weight: 2.5, count: 2 }, { ranking: ['B'], weight: 0.5 }], { seats: 2 });
    expect(result.quota).toBe(Math.floor(5.5 / 3) + 1);
    expect(result.winners).toEqual(['A', 'B']);
  });
});

describe('plurality, approval, score', () => {
  const candidates = ['Ana', 'Ben', 'Cleo'];

  it('plurality counts weight × count and reports blank ballots', () => {
    const result = tallyPlurality(candidates, [
      { choice: 'Ana', count: 3 },
      { choice: 'Ben', count: 2, weight: 2 },
      { choice: 'Cleo', weight: 0.5 },
      { choice: null, count: 4 },
    ]);
    expect(result.tally).toEqual({ Ana: 3, Ben: 4, Cleo: 0.5 });
    expect(result.winners).toEqual(['Ben']);
    expect(result.ranking).toEqual(['Ben', 'Ana', 'Cleo']);
    expect(result.totalWeight).toBe(11.5);
    expect(result.blank).toBe(4);
  });

  it('plurality with two seats takes the two highest totals', () => {
    const result = tallyPlurality(candidates, [{ choice: 'Ana', count: 3 }, { choice: 'Cleo', count: 2 }, { choice: 'Ben' }], { seats: 2 });
    expect(result.winners).toEqual(['Ana', 'Cleo']);
  });

  it('approval gives each approved candidate the full weight', () => {
    const result = tallyApproval(candidates, [
      { approved: ['Ana', 'Ben'], count: 4 },
      { approved: ['Ben'], count: 3 },
      { approved: ['Cleo', 'Ana'], count: 2 },
      { approved: [] },
    ]);
    expect(result.tally).toEqual({ Ana: 6, Ben: 7, Cleo: 2 });
    expect(result.winners).toEqual(['Ben']);
    expect(result.blank).toBe(1);
  });

  it('score sums score × weight, missing scores count 0', () => {
    const result = tallyScore(candidates, [
      { scores: { Ana: 5, Ben: 3 }, count: 2 },
      { scores: { Ben: 5, Cleo: 4 }, count: 2 },
      { scores: { Cleo: 5 }, weight: 1.5 },
    ]);
    expect(result.tally).toEqual({ Ana: 10, Ben: 16, Cleo: 15.5 });
    expect(result.winners).toEqual(['Ben']);
  });

  it('a tie for the seat is settled by the seeded order and reported', () => {
    const result = tallyScore(candidates, [{ scores: { Ana: 4, Ben: 4, Cleo: 1 } }], { seed: 'poll-1' });
    expect(result.winners).toHaveLength(1);
    expect(result.tieBreaks).toEqual([{ purpose: 'elect', among: ['Ana', 'Ben'], chosen: result.winners, rule: 'seed' }]);
  });

  it('nobody wins a poll without votes', () => {
    expect(tallyPlurality(candidates, []).winners).toEqual([]);
    expect(tallyApproval(candidates, [{ approved: [] }]).winners).toEqual([]);
    expect(tallySchulze(candidates, []).winners).toEqual([]);
    expect(tallyStv(candidates, [], { seats: 2 }).winners).toEqual([]);
  });
});

describe('yes / no / abstain', () => {
  const votes = (yes: number, no: number, abstain = 0) => [
    { vote: 'yes' as const, count: yes },
    { vote: 'no' as const, count: no },
    { vote: 'abstain' as const, count: abstain },
  ];

  it('simple majority needs more yes than no; abstentions do not count in the ratio', () => {
    expect(tallyYesNo(votes(6, 5, 20)).outcome).toBe('passed');
    expect(tallyYesNo(votes(5, 5)).outcome).toBe('failed');
    const result = tallyYesNo(votes(6, 4, 5));
    expect(result).toMatchObject({ yes: 6, no: 4, abstain: 5, turnout: 15, yesShare: 0.6 });
  });

  it('two thirds is "at least": 2:1 passes, 65:35 fails', () => {
    expect(tallyYesNo(votes(2, 1), { threshold: 'twoThirds' }).outcome).toBe('passed');
    expect(tallyYesNo(votes(65, 35), { threshold: 'twoThirds' }).outcome).toBe('failed');
    // Fractional weights that make exactly two thirds pass too.
    const thirds = [
      { vote: 'yes' as const, weight: 0.1, count: 2 },
      { vote: 'yes' as const, weight: 0.1, count: 2 },
      { vote: 'no' as const, weight: 0.2 },
    ];
    expect(tallyYesNo(thirds, { threshold: 'twoThirds' }).outcome).toBe('passed');
  });

  it('custom fraction, strict or not', () => {
    expect(tallyYesNo(votes(3, 1), { threshold: { fraction: 0.75 } }).outcome).toBe('passed');
    expect(tallyYesNo(votes(3, 1), { threshold: { fraction: 0.75, strict: true } }).outcome).toBe('failed');
  });

  it('quorum is a minimum weighted turnout, abstentions included', () => {
    expect(tallyYesNo(votes(4, 1), { quorum: 10 }).outcome).toBe('noQuorum');
    expect(tallyYesNo(votes(4, 1, 5), { quorum: 10 }).outcome).toBe('passed');
    expect(tallyYesNo([{ vote: 'yes', weight: 2.5, count: 4 }], { quorum: 10 }).outcome).toBe('passed');
  });

  it('fails when nobody voted yes or no', () => {
    const result = tallyYesNo(votes(0, 0, 3), { threshold: { fraction: 0.5 } });
    expect(result.outcome).toBe('failed');
    expect(result.yesShare).toBeNull();
  });
});

describe('consent', () => {
  it('passes with agreement and stand-asides, listing the stand-aside reasons', () => {
    const result = tallyConsent([
      { response: 'agree', count: 7 },
      { response: 'standAside', reason: 'Cost worries', voter: 'Kim' },
      { response: 'standAside' },
    ]);
    expect(result.outcome).toBe('passed');
    expect(result.blocked).toBe(false);
    expect(result.standAside).toBe(2);
    expect(result.standAsideReasons).toEqual([{ reason: 'Cost worries', voter: 'Kim', weight: 1 }]);
  });

  it('one block stops the proposal by default and its reason is listed', () => {
    const result = tallyConsent([
      { response: 'agree', count: 12 },
      { response: 'block', reason: 'Breaks our safer-spaces policy', voter: 'Lou' },
      { response: 'standAside', reason: 'Away that week' },
    ]);
    expect(result.outcome).toBe('failed');
    expect(result.blocked).toBe(true);
    expect(result.blockReasons).toEqual([{ reason: 'Breaks our safer-spaces policy', voter: 'Lou', weight: 1 }]);
    expect(result.standAsideReasons).toEqual([{ reason: 'Away that week', weight: 1 }]);
  });

  it('blocksAllowed tolerates that many blocks; quorum applies', () => {
    const ballots = [{ response: 'agree' as const, count: 5 }, { response: 'block' as const }, { response: 'block' as const }];
    expect(tallyConsent(ballots, { blocksAllowed: 2 }).outcome).toBe('passed');
    expect(tallyConsent(ballots, { blocksAllowed: 1 }).outcome).toBe('failed');
    expect(tallyConsent(ballots, { blocksAllowed: 2, quorum: 8 }).outcome).toBe('noQuorum');
  });

  it('lists reasons in an order that does not depend on ballot order', () => {
    const a = { response: 'block' as const, reason: 'b-reason' };
    const b = { response: 'block' as const, reason: 'a-reason' };
    expect(tallyConsent([a, b])).toEqual(tallyConsent([b, a]));
  });
});
