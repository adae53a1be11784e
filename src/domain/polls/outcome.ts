/**
 * What a closed poll contributes to the minutes of its linked agenda item: counted heads per
 * answer (yes/no and consent; weights are in the result itself) and every minority position —
 * each "no", stand-aside and block, with the voter's reason when they gave one, so the minority's
 * position survives in the record. Pure and deterministic: ordered by member id.
 */
import type { MemberId } from '../membership/types';
import type { CountedBallot, MinutesLink, SignedPoll } from './types';

export interface OutcomeCounts {
  readonly for: number;
  readonly against: number;
  readonly abstain: number;
  readonly standAside: number;
  readonly block: number;
}

export type DissentPosition = 'no' | 'standAside' | 'block';

export interface OutcomeDissent {
  readonly memberId: MemberId;
  readonly position: DissentPosition;
  /** '' when no reason was given. */
  readonly reason: string;
}

export interface PollOutcome {
  /** Null for candidate methods (the result lists the totals). */
  readonly counts: OutcomeCounts | null;
  readonly dissent: readonly OutcomeDissent[];
}

const reasonOf = (choice: Record<string, unknown>): string => (typeof choice.reason === 'string' ? choice.reason.trim() : '');

export function pollOutcome(poll: SignedPoll, counted: readonly CountedBallot[]): PollOutcome {
  if (poll.method !== 'yesno' && poll.method !== 'consent') return { counts: null, dissent: [] };
  const counts = { for: 0, against: 0, abstain: 0, standAside: 0, block: 0 };
  const dissent: OutcomeDissent[] = [];
  for (const c of counted) {
    const choice = c.ballot.choice as Record<string, unknown>;
    const answer = poll.method === 'yesno' ? choice.vote : choice.response;
    if (answer === 'yes' || answer === 'agree') counts.for += 1;
    else if (answer === 'abstain') counts.abstain += 1;
    else if (answer === 'no') {
      counts.against += 1;
      dissent.push({ memberId: c.memberId, position: 'no', reason: reasonOf(choice) });
    } else if (answer === 'standAside' || answer === 'block') {
      counts[answer] += 1;
      dissent.push({ memberId: c.memberId, position: answer, reason: reasonOf(choice) });
    }
  }
  dissent.sort((a, b) => (a.memberId < b.memberId ? -1 : a.memberId > b.memberId ? 1 : 0));
  return { counts, dissent };
}

/**
 * The agenda items whose minutes get this poll's outcome: the one named in the signed poll, plus
 * any agenda item that points at the poll. Sorted and distinct.
 */
export function minutesTargets(poll: SignedPoll, agendaPointingHere: readonly MinutesLink[]): readonly MinutesLink[] {
  const all = [...(poll.minutes ? [poll.minutes] : []), ...agendaPointingHere];
  const seen = new Map<string, MinutesLink>();
  for (const link of all) seen.set(`${link.meetingId}\u0000${link.agendaItemId}`, { meetingId: link.meetingId, agendaItemId: link.agendaItemId });
  return [...seen.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, link]) => link);
}

/** The decision id for one poll in one agenda item: the same on every device, so two devices writing it concurrently write one record. */
export const outcomeDecisionId = (pollId: string, agendaItemId: string): string => `poll-${pollId}-${agendaItemId}`;
