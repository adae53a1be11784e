import type { PollInput } from '../../../src/domain/polls';

/** A plurality poll closing on 2 Jan 2030 with no quorum: the fields every branch-poll test shares. */
export const plainPollInput = (question: string, options: readonly string[]): PollInput => ({
  question,
  description: '',
  options: [...options],
  method: 'plurality',
  seats: 1,
  threshold: 'simple',
  customThreshold: 50,
  quorum: 0,
  closesAt: '2030-01-02T10:00:00.000Z',
  showResultsBeforeClose: true,
  allowBallotChange: true,
  anyMemberMayClose: false,
});
