/** Deterministic tally methods (see README.md). */
export { tallyApproval } from './approval';
export type { ConsentBallot, ConsentOptions, ConsentReason, ConsentResponse, ConsentResult } from './consent';
export { tallyConsent } from './consent';
export { addExact, type ExactSum, exactSum, exactValue } from './exact-sum';
export type { IrvOptions, IrvResult } from './irv';
export { irvFromProfile, tallyIrv } from './irv';
export type { CandidateMethod, TallyMethod, TallyRequest } from './parse-input';
export { parseTallyInput } from './parse-input';
export { tallyPlurality } from './plurality';
export type { RankedProfile } from './ranked-profile';
export { rankedProfile } from './ranked-profile';
export type { TallyResult } from './run';
export { runTally } from './run';
export type { Matrix, SchulzeResult } from './schulze';
export { pairwiseMatrix, schulzeFromProfile, strongestPathMatrix, tallySchulze } from './schulze';
export { MAX_SCORE, tallyScore } from './score';
export type { StvResult } from './stv';
export { droopQuota, stvFromProfile, tallyStv } from './stv';
export { defaultSeed, fnv1a32, seededOrder } from './tie-break';
export type {
  ApprovalBallot,
  ChoiceBallot,
  RankedBallot,
  Round,
  ScoreBallot,
  SeatOptions,
  TieBreak,
  TotalsResult,
  Weighted,
} from './types';
export type { Outcome, Threshold, YesNoBallot, YesNoOptions, YesNoResult, YesNoVote } from './yes-no';
export { tallyYesNo } from './yes-no';
