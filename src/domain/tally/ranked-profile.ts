/**
 * Ranked ballots aggregated for fast counting.
 *
 * Identical rankings (after dropping unknown names and repeated candidates, keeping each
 * candidate's first position) are merged into one group whose mass is the exact sum of
 * weight × count of its ballots. Groups are stored as candidate indices in flat typed arrays,
 * so IRV, STV and Schulze loop over groups instead of ballots.
 * Ballots with no valid preference (or zero mass) are not stored; blank ones count in `blank`.
 * Group order follows first appearance, but every later sum is exact (exact-sum.ts), so no
 * result depends on ballot order.
 *
 * Speed: names are looked up with CandidateIndex; a ranking is found by a 32-bit hash of its
 * candidate indices in an open-addressing table of group ids (compared entry by entry on a hash
 * match). The per-ballot loop touches only typed arrays, so it allocates nothing on the JS heap,
 * and each loop sits in its own small function so the JIT optimises it on its own.
 */
import { CandidateIndex } from './candidate-index';
import { addExact, type ExactSum, exactSum, exactValue } from './exact-sum';
import { ballotMass } from './numbers';
import type { RankedBallot } from './types';

export interface RankedProfile {
  readonly candidates: readonly string[];
  readonly groupCount: number;
  /** Group g's preferences are prefs[offsets[g]] … prefs[offsets[g + 1] - 1]. */
  readonly offsets: Int32Array;
  readonly prefs: Int32Array;
  /** Exact total weight × count of each group (all > 0). */
  readonly mass: Float64Array;
  /** Every group mass is a safe integer and so is their total: plain sums are exact. */
  readonly integral: boolean;
  /** Weight of all ballots, blank ones included. */
  readonly totalWeight: number;
  /** Weight of ballots without a valid preference. */
  readonly blank: number;
}

export function rankedProfile(candidates: readonly string[], ballots: readonly RankedBallot[]): RankedProfile {
  const { masses, integral, entries } = measure(ballots);
  const grouped = group(candidates, ballots, masses, entries, !integral);
  if (grouped.groupOfBallot !== undefined) exactGroupMasses(grouped, masses, grouped.groupOfBallot);
  const { groups, used } = grouped;
  return {
    candidates,
    groupCount: groups,
    // Views, not copies: the arrays were sized for the worst case and are not shared.
    offsets: grouped.offsets.subarray(0, groups + 1),
    prefs: grouped.prefs.subarray(0, used),
    mass: grouped.mass.subarray(0, groups),
    integral,
    totalWeight: exactSum(masses),
    blank: exactSum(grouped.blankMasses),
  };
}

/** weight × count per ballot, whether all are safe integers with a safe total, ranking entries. */
function measure(ballots: readonly RankedBallot[]): { masses: Float64Array; integral: boolean; entries: number } {
  const masses = new Float64Array(ballots.length);
  let integral = true;
  let entries = 0;
  let total = 0;
  for (let b = 0; b < ballots.length; b++) {
    const ballot = ballots[b]!;
    const mass = ballotMass(ballot);
    masses[b] = mass;
    total += mass;
    if (!Number.isSafeInteger(mass)) integral = false;
    entries += ballot.ranking.length;
  }
  // Non-negative safe integers with a safe total: every plain partial sum is exact.
  return { masses, integral: integral && total <= Number.MAX_SAFE_INTEGER, entries };
}

interface Grouped {
  groups: number;
  used: number;
  readonly offsets: Int32Array;
  readonly prefs: Int32Array;
  readonly mass: Float64Array;
  readonly ballotsInGroup: Int32Array;
  readonly groupOfBallot: Int32Array | undefined;
  readonly blankMasses: number[];
}

function group(
  candidates: readonly string[],
  ballots: readonly RankedBallot[],
  masses: Float64Array,
  entries: number,
  trackBallots: boolean,
): Grouped {
  const n = candidates.length;
  const count = ballots.length;
  const lookup = new CandidateIndex(candidates);
  // Upper bounds: at most one group per ballot, at most every ranking entry stored.
  const offsets = new Int32Array(count + 1);
  const prefs = new Int32Array(entries);
  const mass = new Float64Array(count);
  const ballotsInGroup = new Int32Array(count);
  const groupHash = new Int32Array(count);
  const groupOfBallot = trackBallots ? new Int32Array(count).fill(-1) : undefined;
  let capacity = 1024;
  while (capacity < count * 2) capacity *= 2;
  const slots = new Int32Array(capacity); // group id + 1; 0 = empty
  const mask = capacity - 1;
  const stamp = new Int32Array(n).fill(-1);
  const blankMasses: number[] = [];
  let groups = 0;
  let used = 0;

  for (let b = 0; b < count; b++) {
    const m = masses[b]!;
    if (m === 0) continue;
    const ranking = ballots[b]!.ranking;
    // Write the ranking speculatively after the last stored group; kept only if it is new.
    let length = 0;
    let hash = 0x811c9dc5 | 0;
    for (let k = 0; k < ranking.length; k++) {
      const c = lookup.indexOf(ranking[k]!);
      if (c < 0 || stamp[c] === b) continue;
      stamp[c] = b;
      prefs[used + length++] = c;
      hash = Math.imul(hash ^ (c + 1), 0x01000193);
    }
    if (length === 0) {
      blankMasses.push(m);
      continue;
    }
    hash = finalizeHash(hash ^ length);
    let slot = hash & mask;
    let g = -1;
    for (;;) {
      const entry = slots[slot]!;
      if (entry === 0) break;
      const existing = entry - 1;
      const start = offsets[existing]!;
      if (groupHash[existing] === hash && offsets[existing + 1]! - start === length) {
        let k = 0;
        while (k < length && prefs[start + k] === prefs[used + k]) k++;
        if (k === length) {
          g = existing;
          break;
        }
      }
      slot = (slot + 1) & mask;
    }
    if (g < 0) {
      g = groups++;
      slots[slot] = g + 1;
      groupHash[g] = hash;
      used += length;
      offsets[groups] = used;
    }
    mass[g]! += m;
    ballotsInGroup[g]!++;
    if (groupOfBallot !== undefined) groupOfBallot[b] = g;
  }
  return { groups, used, offsets, prefs, mass, ballotsInGroup, groupOfBallot, blankMasses };
}

/** Re-sums groups of several fractional ballots exactly (plain sums depend on ballot order). */
function exactGroupMasses(grouped: Grouped, masses: Float64Array, groupOfBallot: Int32Array): void {
  const sums = new Map<number, ExactSum>();
  for (let b = 0; b < groupOfBallot.length; b++) {
    const g = groupOfBallot[b]!;
    if (g < 0 || grouped.ballotsInGroup[g]! < 2) continue;
    let partials = sums.get(g);
    if (partials === undefined) {
      partials = [];
      sums.set(g, partials);
    }
    addExact(partials, masses[b]!);
  }
  for (const [g, partials] of sums) grouped.mass[g] = exactValue(partials);
}

/** murmur3's 32-bit finaliser. */
function finalizeHash(value: number): number {
  let h = value ^ (value >>> 16);
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}
