/** Runs the tally a validated TallyRequest asks for. Pure; the result is JSON-ready. */
import { tallyApproval } from './approval';
import { type ConsentResult, tallyConsent } from './consent';
import { type IrvResult, irvFromProfile, tallyIrv } from './irv';
import type { TallyRequest } from './parse-input';
import { tallyPlurality } from './plurality';
import { rankedProfileFromIndices } from './indexed-profile';
import type { RankedScan } from './ranked-request';
import { type SchulzeResult, schulzeFromProfile, tallySchulze } from './schulze';
import { tallyScore } from './score';
import { type StvResult, stvFromProfile, tallyStv } from './stv';
import type { TotalsResult } from './types';
import { tallyYesNo, type YesNoResult } from './yes-no';

export type TallyResult = TotalsResult | IrvResult | StvResult | SchulzeResult | YesNoResult | ConsentResult;

export function runTally(request: TallyRequest): TallyResult {
  switch (request.method) {
    case 'plurality':
      return tallyPlurality(request.candidates, request.ballots, request);
    case 'approval':
      return tallyApproval(request.candidates, request.ballots, request);
    case 'score':
      return tallyScore(request.candidates, request.ballots, request);
    case 'irv':
      return tallyIrv(request.candidates, request.ballots, request);
    case 'stv':
      return tallyStv(request.candidates, request.ballots, request);
    case 'schulze':
      return tallySchulze(request.candidates, request.ballots, request);
    case 'yesno':
      return tallyYesNo(request.ballots, request);
    case 'consent':
      return tallyConsent(request.ballots, request);
  }
}

/** The same result runTally gives for the request the scanned text stands for (see ranked-scan.ts). */
export function runRankedScan(scan: RankedScan): TallyResult {
  const { candidates, ballots, seats, seed } = scan;
  switch (scan.method) {
    case 'irv':
      return irvFromProfile(rankedProfileFromIndices(candidates, ballots, { mergeWhen: 'fractional' }), { seed });
    case 'schulze':
      return schulzeFromProfile(rankedProfileFromIndices(candidates, ballots, { mergeWhen: 'fractional' }), { seats, seed });
    case 'stv':
      return stvFromProfile(rankedProfileFromIndices(candidates, ballots), { seats, seed });
  }
}
