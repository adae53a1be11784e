/** Turns counted ballots into the tally's request, and runs it. */
import type { TallyRequest } from '../tally/parse-input';
import type { TallyResult } from '../tally/run';
import { runTally } from '../tally/run';
import type { ConsentBallot } from '../tally/consent';
import type { ApprovalBallot, ChoiceBallot, RankedBallot, ScoreBallot } from '../tally/types';
import type { YesNoBallot } from '../tally/yes-no';
import type { CountedBallot, PollDefinition, PollThreshold } from './types';

type Choice = Record<string, unknown>;

export const tallyThreshold = (threshold: PollThreshold): 'simple' | 'twoThirds' | { fraction: number } =>
  typeof threshold === 'string' ? threshold : { fraction: threshold.fraction };

export function toTallyRequest(poll: PollDefinition & { readonly id: string }, counted: readonly CountedBallot[]): TallyRequest {
  const choice = (c: CountedBallot): Choice => c.ballot.choice as Choice;
  const candidates = { candidates: poll.options, seats: poll.seats, seed: poll.id };
  switch (poll.method) {
    case 'yesno':
      return {
        method: 'yesno',
        threshold: tallyThreshold(poll.threshold),
        quorum: poll.quorum,
        ballots: counted.map((c): YesNoBallot => ({ vote: choice(c).vote as YesNoBallot['vote'], weight: c.weight })),
      };
    case 'consent':
      return {
        method: 'consent',
        blocksAllowed: 0,
        quorum: poll.quorum,
        ballots: counted.map((c): ConsentBallot => {
          const reason = choice(c).reason;
          return {
            response: choice(c).response as ConsentBallot['response'],
            weight: c.weight,
            voter: c.memberId,
            ...(typeof reason === 'string' && reason.trim() ? { reason } : {}),
          };
        }),
      };
    case 'plurality':
      return { method: 'plurality', ...candidates, ballots: counted.map((c): ChoiceBallot => ({ choice: choice(c).choice as string | null, weight: c.weight })) };
    case 'approval':
      return { method: 'approval', ...candidates, ballots: counted.map((c): ApprovalBallot => ({ approved: choice(c).approved as string[], weight: c.weight })) };
    case 'score':
      return {
        method: 'score',
        ...candidates,
        ballots: counted.map((c): ScoreBallot => ({ scores: choice(c).scores as Record<string, number>, weight: c.weight })),
      };
    default:
      return {
        method: poll.method,
        ...candidates,
        ballots: counted.map((c): RankedBallot => ({ ranking: choice(c).ranking as string[], weight: c.weight })),
      };
  }
}

export const tallyPoll = (poll: PollDefinition & { readonly id: string }, counted: readonly CountedBallot[]): TallyResult =>
  runTally(toTallyRequest(poll, counted));
