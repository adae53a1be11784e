/** Ballot, option and shared result types of the tally methods (see README.md). */

/** Every ballot carries a weight and a count; tallies use weight × count. */
export interface Weighted {
  /** Voting weight of each ballot (default 1; may be fractional; must be finite and ≥ 0). */
  readonly weight?: number;
  /** How many identical ballots this entry stands for (default 1). */
  readonly count?: number;
}

/** Ranked ballot: most preferred first; may be truncated. */
export interface RankedBallot extends Weighted {
  readonly ranking: readonly string[];
}

/** Single-choice ballot; `null` is a blank ballot. */
export interface ChoiceBallot extends Weighted {
  readonly choice: string | null;
}

export interface ApprovalBallot extends Weighted {
  readonly approved: readonly string[];
}

/** Scores 0–5 per candidate; a candidate left out scores 0. */
export interface ScoreBallot extends Weighted {
  readonly scores: Readonly<Record<string, number>>;
}

export interface SeatOptions {
  /** Number of winners (default 1). */
  readonly seats?: number;
  /** Tie-break seed, normally the poll id (default: `defaultSeed(candidates)`). */
  readonly seed?: string;
}

/** A tie that changed who won or who was eliminated, and how it was settled. */
export interface TieBreak {
  /** 1-based round (IRV/STV only). */
  readonly round?: number;
  readonly purpose: 'elect' | 'eliminate';
  /** The tied candidates (candidate order). */
  readonly among: readonly string[];
  /** Who was elected / eliminated by the tie-break. */
  readonly chosen: readonly string[];
  /** `earlierRounds`: settled by looking back at earlier rounds; `seed`: by the seeded order. */
  readonly rule: 'earlierRounds' | 'seed';
}

/** One counting round of IRV or STV. Numbers are rounded to 6 decimals for output. */
export interface Round {
  readonly round: number;
  /** Votes per candidate still in the count (for STV, earlier winners show what they kept). */
  readonly tally: Readonly<Record<string, number>>;
  /** Ballot weight that ran out of continuing preferences so far (not counting blank ballots). */
  readonly exhausted: number;
  readonly eliminated: readonly string[];
  readonly elected: readonly string[];
}

/** Plurality, approval and score: one total per candidate, highest totals win. */
export interface TotalsResult {
  readonly method: 'plurality' | 'approval' | 'score';
  readonly seats: number;
  readonly seed: string;
  readonly winners: readonly string[];
  /** All candidates, best first (ties in seeded order). */
  readonly ranking: readonly string[];
  readonly tally: Readonly<Record<string, number>>;
  /** Weight of all ballots, blank ones included. */
  readonly totalWeight: number;
  /** Weight of ballots that chose / approved / scored nobody. */
  readonly blank: number;
  readonly tieBreaks: readonly TieBreak[];
}
