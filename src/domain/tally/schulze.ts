/**
 * Schulze method (beatpath), winning-votes variant.
 *
 * - Pairwise matrix d[i][j]: total weight × count of ballots ranking i above j. A ranked
 *   candidate is above every unranked one; unranked candidates are tied with each other.
 * - Strongest paths p (widest path, Floyd–Warshall style): p[i][j] = d[i][j] if
 *   d[i][j] > d[j][i], else 0; then p[j][k] = max(p[j][k], min(p[j][i], p[i][k])).
 * - i beats j when p[i][j] > p[j][i]. The ranking is built in tiers: each tier holds the remaining
 *   candidates that no remaining candidate beats; inside a tier the seeded order decides
 *   (tie-break.ts). Winners are the first `seats` of that ranking (seats > 1 is a Schulze
 *   ranking, not proportional). A tie straddling the last seat is reported in `tieBreaks`.
 * - Totals equal up to a relative 1e-9 count as equal. No ballot with a valid preference →
 *   no winners.
 * `tally` holds first-preference totals, for context only.
 * The result exposes both matrices as name-keyed records, `pairwise[i][j]` = d[i][j] and
 * `strongestPaths[i][j]` = p[i][j] (diagonal omitted, rounded to 6 decimals);
 * `pairwiseMatrix` / `strongestPathMatrix` return them as flat n × n arrays at full precision.
 */
import { addExact, type ExactSum, exactValue } from './exact-sum';
import { byName, clearlyGreater, round6 } from './numbers';
import { type RankedProfile, rankedProfile } from './ranked-profile';
import { defaultSeed, seededPriority } from './tie-break';
import { clampSeats } from './totals-result';
import type { RankedBallot, SeatOptions, TieBreak } from './types';

export type Matrix = Readonly<Record<string, Readonly<Record<string, number>>>>;

export interface SchulzeResult {
  readonly method: 'schulze';
  readonly seats: number;
  readonly seed: string;
  readonly winners: readonly string[];
  /** All candidates, best first. */
  readonly ranking: readonly string[];
  /** Candidates grouped into tiers of equals (before the seeded order). */
  readonly tiers: readonly (readonly string[])[];
  /** First-preference totals, for context only: Schulze decides by the pairwise matrix. */
  readonly tally: Readonly<Record<string, number>>;
  /** pairwise[i][j] = d[i][j], candidate order. */
  readonly pairwise: Matrix;
  readonly strongestPaths: Matrix;
  readonly totalWeight: number;
  readonly blank: number;
  readonly tieBreaks: readonly TieBreak[];
}

export function tallySchulze(candidates: readonly string[], ballots: readonly RankedBallot[], options: SeatOptions = {}): SchulzeResult {
  return schulzeFromProfile(rankedProfile(candidates, ballots, { mergeWhen: 'fractional' }), options);
}

/** d as a flat n × n array: d[i * n + j] = weight of ballots ranking i above j. */
export function pairwiseMatrix(profile: RankedProfile): Float64Array {
  if (!profile.integral) return exactPairwise(profile);
  return profile.candidates.length <= MASK_LIMIT ? maskPairwise(profile) : plainPairwise(profile);
}

/**
 * Integer masses and at most MASK_LIMIT candidates: a ballot's p-th preference c beats exactly the
 * candidates outside the set S of its first p + 1 preferences, so only the mass per (S, c) is
 * summed (one addition per preference instead of one per pair) and spread over d at the end.
 */
const MASK_LIMIT = 12;

function maskPairwise(profile: RankedProfile): Float64Array {
  const { candidates, groupCount, offsets, prefs, mass } = profile;
  const n = candidates.length;
  const bySet = new Float64Array((1 << n) * n);
  for (let g = 0; g < groupCount; g++) {
    const m = mass[g]!;
    const end = offsets[g + 1]!;
    let set = 0;
    for (let p = offsets[g]!; p < end; p++) {
      const c = prefs[p]!;
      set |= 1 << c;
      bySet[set * n + c]! += m;
    }
  }
  const d = new Float64Array(n * n);
  for (let set = 1; set < 1 << n; set++) {
    for (let c = 0; c < n; c++) {
      const m = bySet[set * n + c]!;
      if (m === 0) continue;
      for (let j = 0; j < n; j++) if ((set & (1 << j)) === 0) d[c * n + j]! += m;
    }
  }
  return d;
}

/** Each ranked candidate is above everyone ranked after it and everyone unranked. */
function plainPairwise(profile: RankedProfile): Float64Array {
  const { candidates, groupCount, offsets, prefs, mass } = profile;
  const n = candidates.length;
  const d = new Float64Array(n * n);
  const ranked = new Uint8Array(n);
  const unranked = new Int32Array(n);
  for (let g = 0; g < groupCount; g++) {
    const m = mass[g]!;
    const start = offsets[g]!;
    const end = offsets[g + 1]!;
    let missing = 0;
    if (end - start < n) {
      for (let p = start; p < end; p++) ranked[prefs[p]!] = 1;
      for (let j = 0; j < n; j++) {
        if (ranked[j] === 0) unranked[missing++] = j;
        else ranked[j] = 0;
      }
    }
    for (let p = start; p < end; p++) {
      const row = prefs[p]! * n;
      for (let q = p + 1; q < end; q++) d[row + prefs[q]!]! += m;
      for (let u = 0; u < missing; u++) d[row + unranked[u]!]! += m;
    }
  }
  return d;
}

/** Same as plainPairwise with exact sums per cell (fractional weights, order-independent). */
function exactPairwise(profile: RankedProfile): Float64Array {
  const { candidates, groupCount, offsets, prefs, mass } = profile;
  const n = candidates.length;
  const sums: ExactSum[] = Array.from({ length: n * n }, () => []);
  const ranked = new Uint8Array(n);
  for (let g = 0; g < groupCount; g++) {
    const m = mass[g]!;
    const start = offsets[g]!;
    const end = offsets[g + 1]!;
    for (let p = start; p < end; p++) ranked[prefs[p]!] = 1;
    for (let p = start; p < end; p++) {
      const row = prefs[p]! * n;
      for (let q = p + 1; q < end; q++) addExact(sums[row + prefs[q]!]!, m);
      for (let j = 0; j < n; j++) if (ranked[j] === 0) addExact(sums[row + j]!, m);
    }
    for (let p = start; p < end; p++) ranked[prefs[p]!] = 0;
  }
  return Float64Array.from(sums, exactValue);
}

/** Strongest path strengths p from d (flat n × n). */
export function strongestPathMatrix(d: Float64Array, n: number): Float64Array {
  const p = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      if (i !== j && clearlyGreater(d[i * n + j]!, d[j * n + i]!)) p[i * n + j] = d[i * n + j]!;
    }
  }
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      if (i === j) continue;
      const ji = p[j * n + i]!;
      if (ji === 0) continue;
      for (let k = 0; k < n; k++) {
        if (k === i || k === j) continue;
        const through = Math.min(ji, p[i * n + k]!);
        if (through > p[j * n + k]!) p[j * n + k] = through;
      }
    }
  }
  return p;
}

export function schulzeFromProfile(profile: RankedProfile, options: SeatOptions = {}): SchulzeResult {
  const { candidates } = profile;
  const n = candidates.length;
  const seats = clampSeats(options.seats, n);
  const seed = options.seed ?? defaultSeed(candidates);
  const priority = seededPriority(seed, candidates);
  const d = pairwiseMatrix(profile);
  const p = strongestPathMatrix(d, n);
  const beats = (i: number, j: number): boolean => clearlyGreater(p[i * n + j]!, p[j * n + i]!);

  const tiers: number[][] = [];
  let remaining = candidates.map((_, i) => i);
  while (remaining.length > 0) {
    let tier = remaining.filter((i) => !remaining.some((j) => beats(j, i)));
    // Cannot happen with exact arithmetic (the relation is transitive); guards against a cycle
    // created by the float tolerance.
    if (tier.length === 0) tier = remaining;
    tier.sort((a, b) => priority[a]! - priority[b]!);
    tiers.push(tier);
    remaining = remaining.filter((i) => !tier.includes(i));
  }

  const anyVotes = profile.groupCount > 0 && profile.mass.some((m) => m > 0);
  const winners: number[] = [];
  const tieBreaks: TieBreak[] = [];
  for (const tier of anyVotes ? tiers : []) {
    const open = seats - winners.length;
    if (open <= 0) break;
    const taken = tier.slice(0, open);
    if (taken.length < tier.length) {
      tieBreaks.push({
        purpose: 'elect',
        among: [...tier].sort((a, b) => a - b).map((i) => candidates[i]!),
        chosen: taken.map((i) => candidates[i]!),
        rule: 'seed',
      });
    }
    winners.push(...taken);
  }

  return {
    method: 'schulze',
    seats,
    seed,
    winners: winners.map((i) => candidates[i]!),
    ranking: tiers.flat().map((i) => candidates[i]!),
    tiers: tiers.map((tier) => tier.map((i) => candidates[i]!)),
    tally: byName(candidates, firstPreferences(profile)),
    pairwise: matrixRecord(candidates, d),
    strongestPaths: matrixRecord(candidates, p),
    totalWeight: round6(profile.totalWeight),
    blank: round6(profile.blank),
    tieBreaks,
  };
}

function firstPreferences(profile: RankedProfile): Float64Array {
  if (profile.integral) {
    // Safe integers with a safe total: plain sums are exact in any order.
    const totals = new Float64Array(profile.candidates.length);
    for (let g = 0; g < profile.groupCount; g++) totals[profile.prefs[profile.offsets[g]!]!]! += profile.mass[g]!;
    return totals;
  }
  const sums: ExactSum[] = profile.candidates.map(() => []);
  for (let g = 0; g < profile.groupCount; g++) addExact(sums[profile.prefs[profile.offsets[g]!]!]!, profile.mass[g]!);
  return Float64Array.from(sums, exactValue);
}

function matrixRecord(candidates: readonly string[], matrix: Float64Array): Matrix {
  const n = candidates.length;
  return Object.fromEntries(
    candidates.map((from, i) => [
      from,
      Object.fromEntries(candidates.flatMap((to, j) => (i === j ? [] : [[to, round6(matrix[i * n + j]!)]]))),
    ]),
  );
}
