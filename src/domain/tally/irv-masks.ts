/**
 * IRV round totals by prefix sets, for integer masses and at most MASK_LIMIT candidates (the
 * common case: 100,000 ballots over 10 options). A ballot counts for its preference c exactly
 * when every preference it ranks before c is eliminated; so the mass of each (set S of the
 * preferences before c, c) is summed once, and a round's total for c is the sum over the subsets S
 * of the eliminated set (2^eliminated × candidates additions a round, whatever the number of
 * ballots). A ballot is exhausted when all it ranks is eliminated. With integer masses every sum is
 * exact in any order, so the totals are the ones Piles (piles.ts) keeps by moving ballots.
 */
import type { RankedProfile } from './ranked-profile';

export const MASK_LIMIT = 12;

export class MaskRounds {
  private readonly n: number;
  /** bySet[S * n + c]: mass of ballots whose preferences before c are exactly S. */
  private readonly bySet: Float64Array;
  /** byRanked[T]: mass of ballots that rank exactly the set T. */
  private readonly byRanked: Float64Array;
  private eliminated = 0;

  constructor(profile: RankedProfile) {
    const { candidates, groupCount, offsets, prefs, mass } = profile;
    const n = candidates.length;
    this.n = n;
    this.bySet = new Float64Array((1 << n) * n);
    this.byRanked = new Float64Array(1 << n);
    for (let g = 0; g < groupCount; g++) {
      const m = mass[g]!;
      const end = offsets[g + 1]!;
      let set = 0;
      for (let p = offsets[g]!; p < end; p++) {
        const c = prefs[p]!;
        this.bySet[set * n + c]! += m;
        set |= 1 << c;
      }
      this.byRanked[set]! += m;
    }
  }

  /** Whether the profile qualifies: integer masses, few enough candidates. */
  static fits(profile: RankedProfile): boolean {
    return profile.integral && profile.candidates.length <= MASK_LIMIT;
  }

  /** Totals of every continuing candidate (0 for eliminated ones). */
  totals(): Float64Array {
    const { n, bySet, eliminated } = this;
    const totals = new Float64Array(n);
    // Every subset of the eliminated set, the empty one included.
    for (let sub = eliminated; ; sub = (sub - 1) & eliminated) {
      const row = sub * n;
      for (let c = 0; c < n; c++) if ((eliminated & (1 << c)) === 0) totals[c]! += bySet[row + c]!;
      if (sub === 0) break;
    }
    return totals;
  }

  /** Mass of ballots all of whose preferences are eliminated. */
  exhausted(): number {
    const { byRanked, eliminated } = this;
    let total = 0;
    for (let sub = eliminated; sub !== 0; sub = (sub - 1) & eliminated) total += byRanked[sub]!;
    return total;
  }

  /** `candidate` is eliminated: its ballots count for their next continuing preference. */
  release(candidate: number, _continuing?: Uint8Array): void {
    this.eliminated |= 1 << candidate;
  }
}
