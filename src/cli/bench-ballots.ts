import type { RankedBallot } from '../domain/tally/types';
import { mulberry32 } from './seeded-random';

/** The bench's ten options and its seeded ranked ballots (the same data on every run). */
export const BENCH_CANDIDATES: readonly string[] = Array.from({ length: 10 }, (_, i) => `Option ${i + 1}`);

export function benchBallots(count: number, seed: number): RankedBallot[] {
  const random = mulberry32(seed);
  const out: RankedBallot[] = [];
  for (let i = 0; i < count; i++) {
    const order = [...BENCH_CANDIDATES];
    for (let j = order.length - 1; j > 0; j--) {
      // A mild skew towards low-numbered options, like a real electorate.
      const k = Math.floor(random() ** 1.3 * (j + 1));
      [order[j], order[k]] = [order[k]!, order[j]!];
    }
    out.push({ ranking: order.slice(0, 3 + Math.floor(random() * 8)) });
  }
  return out;
}
