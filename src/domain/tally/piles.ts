/**
 * Ranked-ballot groups sorted into piles by their current (highest continuing) candidate, as in a
 * hand count. Moving a pile touches only its groups, so a round costs what it transfers, not the
 * whole profile. Totals are kept exactly: plain sums while every value is a safe integer (the
 * profile is `integral` and nothing was scaled), exact partial sums (exact-sum.ts) afterwards,
 * so they never depend on group order.
 */
import { addExact, type ExactSum, exactValue } from './exact-sum';
import type { RankedProfile } from './ranked-profile';

export class Piles {
  /** Current value of each group (starts at its mass; STV surplus transfers scale it). */
  readonly values: Float64Array;
  private readonly position: Int32Array;
  private readonly nextInPile: Int32Array;
  private readonly head: Int32Array;
  private readonly plainTotals: Float64Array;
  private plainExhausted = 0;
  private exact: { totals: ExactSum[]; exhausted: ExactSum } | undefined;

  constructor(private readonly profile: RankedProfile) {
    const { candidates, groupCount, offsets, prefs, mass } = profile;
    const n = candidates.length;
    this.values = Float64Array.from(mass);
    this.position = offsets.slice(0, groupCount);
    this.nextInPile = new Int32Array(groupCount);
    this.head = new Int32Array(n).fill(-1);
    this.plainTotals = new Float64Array(n);
    if (!profile.integral) this.exact = { totals: Array.from({ length: n }, () => []), exhausted: [] };
    // Add in reverse so each pile lists its groups in profile order.
    for (let g = groupCount - 1; g >= 0; g--) this.place(g, prefs[offsets[g]!]!);
  }

  /** Totals of every candidate's pile (0 for candidates without one). */
  totals(): Float64Array {
    if (this.exact === undefined) return this.plainTotals.slice();
    return Float64Array.from(this.exact.totals, exactValue);
  }

  /** Value held by no candidate because the ballots ran out of continuing preferences. */
  exhausted(): number {
    return this.exact === undefined ? this.plainExhausted : exactValue(this.exact.exhausted);
  }

  /**
   * Moves every group in `candidate`'s pile to its next preference with `continuing[c] === 1`,
   * multiplying its value by `factor` (1 for an elimination, the surplus fraction for STV).
   */
  release(candidate: number, continuing: Uint8Array, factor = 1): void {
    const { offsets, prefs } = this.profile;
    if (factor !== 1) this.useExactSums();
    let g = this.head[candidate]!;
    this.head[candidate] = -1;
    this.plainTotals[candidate] = 0;
    if (this.exact !== undefined) this.exact.totals[candidate] = [];
    while (g >= 0) {
      const following = this.nextInPile[g]!;
      if (factor !== 1) this.values[g]! *= factor;
      let p = this.position[g]! + 1;
      const end = offsets[g + 1]!;
      while (p < end && continuing[prefs[p]!] === 0) p++;
      this.position[g] = p;
      if (p < end) this.place(g, prefs[p]!);
      else if (this.exact === undefined) this.plainExhausted += this.values[g]!;
      else if (this.values[g] !== 0) addExact(this.exact.exhausted, this.values[g]!);
      g = following;
    }
  }

  private place(g: number, candidate: number): void {
    this.nextInPile[g] = this.head[candidate]!;
    this.head[candidate] = g;
    const value = this.values[g]!;
    if (this.exact === undefined) this.plainTotals[candidate]! += value;
    else if (value !== 0) addExact(this.exact.totals[candidate]!, value);
  }

  private useExactSums(): void {
    if (this.exact !== undefined) return;
    // Plain totals so far are exact integers: each becomes a one-element partial sum.
    this.exact = {
      totals: Array.from(this.plainTotals, (total) => (total === 0 ? [] : [total])),
      exhausted: this.plainExhausted === 0 ? [] : [this.plainExhausted],
    };
  }
}

/** Indices of the candidates still marked 1 in `continuing`. */
export function continuingIndices(continuing: Uint8Array): number[] {
  const list: number[] = [];
  for (let c = 0; c < continuing.length; c++) if (continuing[c] === 1) list.push(c);
  return list;
}
