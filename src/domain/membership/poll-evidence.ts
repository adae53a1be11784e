import type { SignedBallot, SignedCloseRecord, Voter } from '../polls/types';
import { countPoll } from '../polls/count';
import { tallyPoll } from '../polls/tally-input';
import { isSignedPoll } from '../polls/validate';
import type { ChapterId } from './types';
import type { MembershipState } from './view';

/** One poll as stored in the chapter document (raw, unvalidated values). */
export interface StoredPoll {
  readonly definition: unknown;
  readonly ballots: readonly unknown[];
  readonly closes: readonly unknown[];
}

export interface PollEvidenceInput {
  readonly chapterId: ChapterId;
  /** The validated membership: which polls are linked, and who may vote in them. */
  readonly state: MembershipState;
  readonly polls: ReadonlyMap<string, StoredPoll>;
  /** True iff the record's id hashes its content and its signature verifies (checked by the caller). */
  readonly isAuthentic: (record: unknown) => boolean;
}

/** Who may vote, as the membership log says. */
export function votersOf(state: MembershipState): Voter[] {
  return state.members.map((member) => ({
    memberId: member.id,
    name: member.name,
    active: member.status === 'active',
    isTeller: member.roles.includes('teller'),
    devices: member.devices.map((device) => ({ key: device.key, revoked: device.revokedBy !== null })),
  }));
}

/**
 * The linked polls that passed: an authentic yes/no poll of this chapter put to the whole chapter,
 * with a final close record (every named ballot present) whose result is 'passed'. Pure and
 * deterministic, so it can be handed to the membership validator as evidence (see policy.ts).
 */
export function passedMembershipPolls(input: PollEvidenceInput): ReadonlySet<string> {
  const passed = new Set<string>();
  const voters = votersOf(input.state);
  for (const link of input.state.pollLinks) {
    const raw = input.polls.get(link.pollId);
    const poll = raw?.definition;
    if (raw === undefined || !isSignedPoll(poll) || poll.id !== link.pollId || poll.chapterId !== input.chapterId) continue;
    // A group-scoped poll would let a few members decide for the chapter.
    if (poll.method !== 'yesno' || poll.scope !== 'chapter' || !input.isAuthentic(poll)) continue;
    const count = countPoll({
      poll,
      ballots: raw.ballots,
      closes: raw.closes,
      voters,
      isAuthentic: (record: SignedBallot | SignedCloseRecord) => input.isAuthentic(record),
      // Only a close record makes the status final; the clock never does.
      now: poll.closesAt,
    });
    if (count.status !== 'closed') continue;
    const result = tallyPoll(poll, count.counted);
    if (result.method === 'yesno' && result.outcome === 'passed') passed.add(poll.id);
  }
  return passed;
}
