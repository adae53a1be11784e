/**
 * Ranked profiles from ballots already turned into candidate indices (the tally CLI's scanner,
 * ranked-scan.ts, does this while reading the file), equal to rankedProfile's from the same
 * ballots as names.
 */
import { profileOf as groupedProfile, type RankedProfile } from './ranked-profile';

/**
 * Ballots already turned into candidate indices (the tally CLI's scanner does this while reading
 * the file): ballot b ranks prefs[offsets[b]] … prefs[offsets[b + 1] - 1] with mass masses[b]
 * (weight × count; 0 or less counts as 0). The profile is the one rankedProfile builds from the
 * same ballots as names.
 */
export interface IndexedBallots {
  readonly count: number;
  readonly offsets: Int32Array;
  readonly prefs: Int32Array;
  readonly masses: Float64Array;
  /**
   * Set by a producer that has already checked it: every ranking is non-empty with distinct valid
   * indices and every mass is a positive safe integer, with a safe total (saves a pass).
   */
  readonly plain?: boolean;
}

export function rankedProfileFromIndices(
  candidates: readonly string[],
  ballots: IndexedBallots,
  options: { readonly mergeWhen?: 'always' | 'fractional' } = {},
): RankedProfile {
  if (options.mergeWhen === 'fractional') {
    const direct = directProfile(candidates, ballots);
    if (direct !== null) return direct;
  }
  const { count, offsets, prefs, masses } = ballots;
  return groupedProfile(candidates, count, (grouper) => {
    for (let b = 0; b < count; b++) grouper.addIndices(prefs, offsets[b]!, offsets[b + 1]!, masses[b]!, b);
  }, options);
}

/**
 * The profile the Grouper would build without merging, when every ballot has a positive safe
 * integer mass (safe total) and a non-empty ranking of distinct valid indices: then each ballot is
 * its group as it stands, and the source's arrays are used as they are (no copy). Else null.
 */
function directProfile(candidates: readonly string[], ballots: IndexedBallots): RankedProfile | null {
  const { count, offsets, prefs, masses } = ballots;
  const n = candidates.length;
  const stamp = new Int32Array(n);
  let total = 0;
  if (ballots.plain === true) for (let b = 0; b < count; b++) total += masses[b]!;
  else for (let b = 0; b < count; b++) {
    const m = masses[b]!;
    const start = offsets[b]!;
    const end = offsets[b + 1]!;
    if (!(m > 0) || !Number.isSafeInteger(m) || end <= start) return null;
    total += m;
    for (let p = start; p < end; p++) {
      const c = prefs[p]!;
      if (!(c >= 0 && c < n) || stamp[c] === b + 1) return null;
      stamp[c] = b + 1;
    }
  }
  if (total > Number.MAX_SAFE_INTEGER || offsets[0] !== 0) return null;
  return {
    candidates,
    groupCount: count,
    offsets: offsets.subarray(0, count + 1),
    prefs: prefs.subarray(0, offsets[count]!),
    mass: masses.subarray(0, count),
    integral: true,
    totalWeight: total,
    blank: 0,
  };
}
