import { tallyIrv, tallySchulze } from '../domain/tally';
import { BENCH_CANDIDATES as CANDIDATES, benchBallots as ballots } from './bench-ballots';

/**
 * `npm run bench` figure: 100,000 ranked ballots over 10 options counted by Schulze and
 * IRV (parsing excluded). Ballots come from a seeded generator, so every run counts the same data.
 */
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
