import { tallyIrv, tallySchulze } from '../domain/tally';
import type { RankedBallot } from '../domain/tally/types';
import { mulberry32 } from './seeded-random';

/**
 * `npm run bench` figure: 100,000 ranked ballots over 10 options counted by Schulze and
 * IRV (parsing excluded). Ballots come from a seeded generator, so every run counts the same data.
 */
const CANDIDATES = Array.from({ length: 10 }, (_, i) => `Option ${i + 1}`);

function ballots(count: number, seed: number): RankedBallot[] {
  const random = mulberry32(seed);
  const out: RankedBallot[] = [];
  for (let i = 0; i < count; i++) {
    const order = [...CANDIDATES];
    for (let j = order.length - 1; j > 0; j--) {
      // A mild skew towards low-numbered options, like a real electorate.
      const k = Math.floor(random() ** 1.3 * (j + 1));
      [order[j], order[k]] = [order[k]!, order[j]!];
    }
    out.push({ ranking: order.slice(0, 3 + Math.floor(random() * 8)) });
  }
  return out;
}

const median = (values: number[]): number => values.sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

function time(run: () => unknown, repeats: number): number {
  run();
  const samples: number[] = [];
  for (let i = 0; i < repeats; i++) {
    const start = performance.now();
    run();
    samples.push(performance.now() - start);
  }
  return median(samples);
}

const data = ballots(100_000, 42);
const result = {
  ballots: data.length,
  candidates: CANDIDATES.length,
  schulzeMs: time(() => tallySchulze(CANDIDATES, data, { seed: 'bench' }), 7),
  irvMs: time(() => tallyIrv(CANDIDATES, data, { seed: 'bench' }), 7),
};
process.stdout.write(`${JSON.stringify(result)}\n`);
