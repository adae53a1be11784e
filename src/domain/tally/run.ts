/** Runs the tally a validated TallyRequest asks for. Pure; the result is JSON-ready. */
import { tallyApproval } from './approval';
import { type ConsentResult, tallyConsent } from './consent';
import { type IrvResult, tallyIrv } from './irv';
import type { TallyRequest } from './parse-input';
import { tallyPlurality } from './plurality';
import { type SchulzeResult, tallySchulze } from './schulze';
import { tallyScore } from './score';
import { type StvResult, tallyStv } from './stv';
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
