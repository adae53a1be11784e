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

/** What the chapter's polls say about the linked ones (see AdmissionPolicyOptions). */
export interface PollEvidence {
  /** Linked polls with a final close record whose result is 'passed'. */
  readonly passed: ReadonlySet<string>;
  /** Linked polls with a final close record, whatever the result (a superset of `passed`). */
  readonly closed: ReadonlySet<string>;
}

/**
 * The linked polls that closed, and those that passed: an authentic yes/no poll of this chapter
 * put to the whole chapter, with a final close record (every named ballot present); it passed if
 * the result is 'passed'. Pure and deterministic, so it can be handed to the membership validator
 * as evidence (see policy.ts). Only a close record makes a poll final, never the clock.
 */
export function membershipPollEvidence(input: PollEvidenceInput): PollEvidence {
  const passed = new Set<string>();
  const closed = new Set<string>();
  const voters = votersOf(input.state);
  for (const link of input.state.pollLinks) {
    const raw = input.polls.get(link.pollId);
    const poll = raw?.definition;
    // Not arrived yet (or not the genuine record): still open as far as this device knows.
    if (raw === undefined || !isSignedPoll(poll) || poll.id !== link.pollId || !input.isAuthentic(poll)) continue;
    // A poll that can never decide for the chapter (a group-scoped poll would let a few members
    // decide) counts as closed without passing, rather than waiting forever.
    if (poll.method !== 'yesno' || poll.scope !== 'chapter' || poll.chapterId !== input.chapterId) {
      closed.add(poll.id);
      continue;
    }
    const count = countPoll({
      poll,
      ballots: raw.ballots,
      closes: raw.closes,
      voters,
      isAuthentic: (record: SignedBallot | SignedCloseRecord) => input.isAuthentic(record),
      now: poll.closesAt,
    });
    if (count.status !== 'closed') continue;
    closed.add(poll.id);
    const result = tallyPoll(poll, count.counted);
    if (result.method === 'yesno' && result.outcome === 'passed') passed.add(poll.id);
  }
  return { passed, closed };
}

/** The linked polls that passed (see membershipPollEvidence). */
export const passedMembershipPolls = (input: PollEvidenceInput): ReadonlySet<string> => membershipPollEvidence(input).passed;
