/**
 * Deterministic, seeded tie-breaking shared by every method.
 *
 * Seeded order: each candidate gets the 32-bit FNV-1a hash of the UTF-8 bytes of
 * `seed + ":" + candidate` (lone surrogates encoded as WTF-8). Candidates sorted by ascending
 * hash, then by name (UTF-16 code units) if two hashes collide, form the seeded order; earlier
 * means favoured. A tie for a seat goes to the candidate earliest in the seeded order; a tie
 * for elimination removes the candidate latest in it. The seed is the poll id, so every
 * device computes the same order, and nobody can predict it before the poll exists.
 *
 * IRV/STV elimination ties first look back at earlier rounds (`pickLoser`).
 */
import { clearlyGreater, nearlyEqual } from './numbers';

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** 32-bit FNV-1a of the UTF-8 encoding of `text`, as an unsigned integer. */
export function fnv1a32(text: string): number {
  let hash = FNV_OFFSET;
  const feed = (byte: number): void => {
    hash = Math.imul(hash ^ byte, FNV_PRIME) >>> 0;
  };
  for (const char of text) {
    const cp = char.codePointAt(0) ?? 0;
    if (cp < 0x80) {
      feed(cp);
    } else if (cp < 0x800) {
      feed(0xc0 | (cp >> 6));
      feed(0x80 | (cp & 0x3f));
    } else if (cp < 0x10000) {
      feed(0xe0 | (cp >> 12));
      feed(0x80 | ((cp >> 6) & 0x3f));
      feed(0x80 | (cp & 0x3f));
    } else {
      feed(0xf0 | (cp >> 18));
      feed(0x80 | ((cp >> 12) & 0x3f));
      feed(0x80 | ((cp >> 6) & 0x3f));
      feed(0x80 | (cp & 0x3f));
    }
  }
  return hash >>> 0;
}

/** Seed used when the caller gives none: `"candidates:"` + hex FNV-1a of the JSON candidate list. */
export function defaultSeed(candidates: readonly string[]): string {
  return `candidates:${fnv1a32(JSON.stringify(candidates)).toString(16).padStart(8, '0')}`;
}

/** Candidate names in seeded order (favoured first). */
export function seededOrder(seed: string, candidates: readonly string[]): string[] {
  const priority = seededPriority(seed, candidates);
  return candidates.map((_, index) => index).sort((a, b) => priority[a]! - priority[b]!).map((index) => candidates[index]!);
}

/** priority[i] = position of candidate i in the seeded order (0 = favoured). */
export function seededPriority(seed: string, candidates: readonly string[]): Int32Array {
  const hashes = candidates.map((name) => fnv1a32(`${seed}:${name}`));
  const order = candidates
    .map((_, index) => index)
    .sort((a, b) => {
      const byHash = hashes[a]! - hashes[b]!;
      if (byHash !== 0) return byHash;
      const nameA = candidates[a]!;
      const nameB = candidates[b]!;
      return nameA < nameB ? -1 : nameA > nameB ? 1 : a - b;
    });
  const priority = new Int32Array(candidates.length);
  order.forEach((candidate, position) => {
    priority[candidate] = position;
  });
  return priority;
}

/** Sorts candidate indices: higher value first; values equal up to the tolerance keep seeded order. */
export function orderByValue(indices: readonly number[], values: ArrayLike<number>, priority: Int32Array): number[][] {
  const sorted = [...indices].sort((a, b) => values[b]! - values[a]! || priority[a]! - priority[b]!);
  // Group runs of (nearly) equal values; each group is then in seeded order.
  const groups: number[][] = [];
  for (const index of sorted) {
    const group = groups.at(-1);
    if (group !== undefined && nearlyEqual(values[group[0]!]!, values[index]!)) group.push(index);
    else groups.push([index]);
  }
  for (const group of groups) group.sort((a, b) => priority[a]! - priority[b]!);
  return groups;
}

export interface LoserPick {
  readonly loser: number;
  /** Undefined when there was no tie. */
  readonly rule?: 'earlierRounds' | 'seed';
}

/**
 * The candidate to eliminate among `tied` (already known to share the lowest total).
 * Looks back from the most recent earlier round: where their totals differed, only those with
 * the fewest votes stay in the running; repeats until one is left or the first round is passed.
 * The rest is settled by the seeded order (the latest is eliminated).
 * `history[r][c]` is candidate c's total in round r (oldest first).
 */
export function pickLoser(tied: readonly number[], history: readonly Float64Array[], priority: Int32Array): LoserPick {
  if (tied.length === 1) return { loser: tied[0]! };
  let running = [...tied];
  for (let r = history.length - 1; r >= 0 && running.length > 1; r--) {
    const totals = history[r]!;
    let lowest = Number.POSITIVE_INFINITY;
    for (const c of running) lowest = Math.min(lowest, totals[c]!);
    running = running.filter((c) => !clearlyGreater(totals[c]!, lowest));
  }
  if (running.length === 1) return { loser: running[0]!, rule: 'earlierRounds' };
  let loser = running[0]!;
  for (const c of running) if (priority[c]! > priority[loser]!) loser = c;
  return { loser, rule: 'seed' };
}
