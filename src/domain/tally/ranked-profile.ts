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
 * match). One pass over the ballots; the per-ballot step touches only typed arrays (it allocates
 * nothing on the JS heap) and is a small method, so V8 optimises it after a few hundred calls
 * instead of waiting for on-stack replacement of one long loop, which a single cold count (the
 * CLI) would pay in full.
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

/**
 * `mergeWhen: 'fractional'` (Schulze, IRV): with integer masses, whether identical rankings are
 * merged changes no sum, so each ballot keeps its own group and the lookup table is skipped;
 * fractional masses are merged as always (their rounding must not depend on it). STV always
 * merges: it scales group values, and (m1 + m2) × f is not always m1 × f + m2 × f in floating point.
 */
export function rankedProfile(
  candidates: readonly string[],
  ballots: readonly RankedBallot[],
  options: { readonly mergeWhen?: 'always' | 'fractional' } = {},
): RankedProfile {
  return profileOf(candidates, ballots.length, (grouper) => {
    if (grouper.merges) for (let b = 0; b < ballots.length; b++) grouper.add(ballots[b]!, b);
    else for (let b = 0; b < ballots.length; b++) grouper.append(ballots[b]!, b);
  }, options);
}

/** The profile of `count` ballots that `feed` adds to the grouper (in ballot order). */
export function profileOf(
  candidates: readonly string[],
  count: number,
  feed: (grouper: Grouper) => void,
  options: { readonly mergeWhen?: 'always' | 'fractional' },
): RankedProfile {
  const group = (merges: boolean): Grouper => {
    const grouper = new Grouper(candidates, count, merges);
    feed(grouper);
    return grouper;
  };
  let grouper = group(options.mergeWhen !== 'fractional');
  if (!grouper.merges && !isIntegral(grouper)) grouper = group(true);
  const { groups, used, masses } = grouper;
  const integral = isIntegral(grouper);
  if (!integral) exactGroupMasses(grouper);
  return {
    candidates,
    groupCount: groups,
    // Views, not copies: the arrays were sized for the worst case and are not shared.
    offsets: grouper.offsets.subarray(0, groups + 1),
    prefs: grouper.prefs.subarray(0, used),
    mass: grouper.mass.subarray(0, groups),
    integral,
    totalWeight: exactSum(masses),
    blank: exactSum(grouper.blankMasses),
  };
}

/** Non-negative safe integers with a safe total: every plain partial sum is exact. */
const isIntegral = (grouper: Grouper): boolean => grouper.integral && grouper.plainTotal <= Number.MAX_SAFE_INTEGER;

export class Grouper {
  groups = 0;
  used = 0;
  integral = true;
  plainTotal = 0;
  /** weight × count per ballot. */
  readonly masses: Float64Array;
  readonly offsets: Int32Array;
  prefs: Int32Array;
  readonly mass: Float64Array;
  readonly ballotsInGroup: Int32Array;
  /** Group of each ballot (-1: none), to re-sum fractional groups exactly. */
  readonly groupOfBallot: Int32Array;
  readonly blankMasses: number[] = [];
  private readonly lookup: CandidateIndex;
  private readonly groupHash: Int32Array;
  private readonly slots: Int32Array;
  private readonly mask: number;
  private readonly stamp: Int32Array;

  constructor(
    candidates: readonly string[],
    count: number,
    readonly merges: boolean,
  ) {
    this.lookup = new CandidateIndex(candidates);
    this.masses = new Float64Array(count);
    // Upper bounds: at most one group per ballot; prefs grows on demand.
    this.offsets = new Int32Array(count + 1);
    this.prefs = new Int32Array(Math.max(64, count * Math.min(candidates.length, 8)));
    this.mass = new Float64Array(count);
    this.ballotsInGroup = new Int32Array(count);
    this.groupHash = new Int32Array(count);
    this.groupOfBallot = new Int32Array(count).fill(-1);
    let capacity = 1024;
    while (merges && capacity < count * 2) capacity *= 2;
    this.slots = new Int32Array(capacity); // group id + 1; 0 = empty
    this.mask = capacity - 1;
    this.stamp = new Int32Array(candidates.length).fill(-1);
  }

  add(ballot: RankedBallot, b: number): void {
    const m = this.record(ballotMass(ballot), b);
    if (m === 0) return;
    const ranking = ballot.ranking;
    const used = this.used;
    if (used + ranking.length > this.prefs.length) this.grow(used + ranking.length);
    const { prefs, stamp, lookup } = this;
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
    this.place(length, hash, m, b);
  }

  /** Like `add` without merging: the ballot starts a group of its own (no hash, no lookup). */
  append(ballot: RankedBallot, b: number): void {
    const m = this.record(ballotMass(ballot), b);
    if (m === 0) return;
    const ranking = ballot.ranking;
    const used = this.used;
    if (used + ranking.length > this.prefs.length) this.grow(used + ranking.length);
    const { prefs, stamp, lookup } = this;
    let length = 0;
    for (let k = 0; k < ranking.length; k++) {
      const c = lookup.indexOf(ranking[k]!);
      if (c < 0 || stamp[c] === b) continue;
      stamp[c] = b;
      prefs[used + length++] = c;
    }
    if (length === 0) this.blankMasses.push(m);
    else this.newGroup(length, 0, m, b);
  }

  /** Like `add` for a ranking given as candidate indices src[start … end - 1]. */
  addIndices(src: Int32Array, start: number, end: number, mass: number, b: number): void {
    const m = this.record(Number.isFinite(mass) && mass > 0 ? mass : 0, b);
    if (m === 0) return;
    const used = this.used;
    if (used + end - start > this.prefs.length) this.grow(used + end - start);
    const { prefs, stamp } = this;
    const n = stamp.length;
    let length = 0;
    let hash = 0x811c9dc5 | 0;
    for (let k = start; k < end; k++) {
      const c = src[k]!;
      if (c < 0 || c >= n || stamp[c] === b) continue;
      stamp[c] = b;
      prefs[used + length++] = c;
      hash = Math.imul(hash ^ (c + 1), 0x01000193);
    }
    this.place(length, hash, m, b);
  }

  private record(m: number, b: number): number {
    this.masses[b] = m;
    this.plainTotal += m;
    if (!Number.isSafeInteger(m)) this.integral = false;
    return m;
  }

  /** Keeps the ranking just written after the last group: a new group, or more mass for its twin. */
  private place(length: number, rawHash: number, m: number, b: number): void {
    if (length === 0) {
      this.blankMasses.push(m);
      return;
    }
    if (!this.merges) {
      this.newGroup(length, 0, m, b);
      return;
    }
    const used = this.used;
    const { prefs, offsets, slots, groupHash, mask } = this;
    const hash = finalizeHash(rawHash ^ length);
    let slot = hash & mask;
    for (;;) {
      const entry = slots[slot]!;
      if (entry === 0) break;
      const existing = entry - 1;
      const start = offsets[existing]!;
      if (groupHash[existing] === hash && offsets[existing + 1]! - start === length) {
        let k = 0;
        while (k < length && prefs[start + k] === prefs[used + k]) k++;
        if (k === length) {
          this.mass[existing]! += m;
          this.ballotsInGroup[existing]!++;
          this.groupOfBallot[b] = existing;
          return;
        }
      }
      slot = (slot + 1) & mask;
    }
    slots[slot] = this.newGroup(length, hash, m, b) + 1;
  }

  /** Keeps the ranking just written after the last group as a new group; returns its id. */
  private newGroup(length: number, hash: number, m: number, b: number): number {
    const g = this.groups++;
    this.groupHash[g] = hash;
    this.used += length;
    this.offsets[g + 1] = this.used;
    this.mass[g] = m;
    this.ballotsInGroup[g] = 1;
    this.groupOfBallot[b] = g;
    return g;
  }

  private grow(needed: number): void {
    const bigger = new Int32Array(Math.max(needed, this.prefs.length * 2));
    bigger.set(this.prefs.subarray(0, this.used));
    this.prefs = bigger;
  }
}

/** Re-sums groups of several fractional ballots exactly (plain sums depend on ballot order). */
function exactGroupMasses(grouper: Grouper): void {
  const { masses, groupOfBallot, ballotsInGroup } = grouper;
  const sums = new Map<number, ExactSum>();
  for (let b = 0; b < groupOfBallot.length; b++) {
    const g = groupOfBallot[b]!;
    if (g < 0 || ballotsInGroup[g]! < 2) continue;
    let partials = sums.get(g);
    if (partials === undefined) {
      partials = [];
      sums.set(g, partials);
    }
    addExact(partials, masses[b]!);
  }
  for (const [g, partials] of sums) grouper.mass[g] = exactValue(partials);
}

/** murmur3's 32-bit finaliser. */
function finalizeHash(value: number): number {
  let h = value ^ (value >>> 16);
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}
