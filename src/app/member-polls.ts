import { type Accessor, createEffect } from 'solid-js';
import type * as Y from 'yjs';
import { createPoll, readPolls } from '../crdt/poll-repository';
import { signPoll, verifyAllSigned } from '../crypto/ballot-signing';
import type { DeviceKeyPair } from '../crypto/ed25519';
import type { DocId } from '../domain/ids';
import { membershipPollEvidence, type PollEvidence } from '../domain/membership/poll-evidence';
import { createAdmissionPolicy } from '../domain/membership/policy';
import type { EntryBody, EntryId, MemberId } from '../domain/membership/types';
import { ENTRY_LIMITS } from '../domain/membership/types';
import type { ValidateOptions } from '../domain/membership/validate';
import type { Member, MembershipState, PollLink } from '../domain/membership/view';
import type { Result } from '../domain/result';
import { err, ok } from '../domain/result';
import { validatePollInput } from '../domain/polls/validate';
import type { ValidateMembership } from './trusted-verifier';

export interface PollAwareState {
  readonly state: MembershipState;
  /** Linked polls that passed: the evidence the state was validated with. */
  readonly passed: ReadonlySet<string>;
  /** Linked polls with a final close record, passed or not (the rest are still open). */
  readonly closed: ReadonlySet<string>;
}

const NONE: ReadonlySet<string> = new Set();
/** Admitting someone can change who votes in another linked poll; a few rounds settle any real log. */
const MAX_ROUNDS = 4;

const sameSet = (a: ReadonlySet<string>, b: ReadonlySet<string>): boolean => a.size === b.size && [...a].every((id) => b.has(id));

const NO_EVIDENCE: PollEvidence = { passed: NONE, closed: NONE };

const policyFor = (evidence: PollEvidence) => createAdmissionPolicy({ passedPolls: evidence.passed, closedPolls: evidence.closed });

/**
 * Validates the membership log with the chapter's polls as evidence: validate, find which linked
 * polls closed and passed (their voters come from that state), validate again with that evidence,
 * until the evidence stops changing. `previous` (the last answer, or just the polls that passed)
 * usually makes it one round.
 */
export async function validateWithPolls(
  validate: ValidateMembership,
  doc: Y.Doc,
  log: readonly unknown[],
  options: ValidateOptions,
  previous: ReadonlySet<string> | PollEvidence = NO_EVIDENCE,
): Promise<PollAwareState> {
  let evidence: PollEvidence = 'passed' in previous ? previous : { passed: previous, closed: previous };
  let state = await validate(log, { ...options, policy: policyFor(evidence) });
  for (let round = 1; round < MAX_ROUNDS; round += 1) {
    const next = await pollEvidence(doc, options.chapterId, state);
    if (sameSet(next.passed, evidence.passed) && sameSet(next.closed, evidence.closed)) break;
    evidence = next;
    state = await validate(log, { ...options, policy: policyFor(evidence) });
  }
  return { state, passed: evidence.passed, closed: evidence.closed };
}

async function pollEvidence(doc: Y.Doc, chapterId: DocId, state: MembershipState): Promise<PollEvidence> {
  if (state.pollLinks.length === 0) return NO_EVIDENCE;
  const polls = readPolls(doc);
  const records: unknown[] = [];
  for (const link of state.pollLinks) {
    const raw = polls.get(link.pollId);
    if (raw) records.push(raw.definition, ...raw.ballots, ...raw.closes);
  }
  const authentic = await verifyAllSigned(records);
  return membershipPollEvidence({ chapterId, state, polls, isAuthentic: (record) => authentic.has(record) });
}

const VOTE_DAYS = 7;

/**
 * Opens the yes/no poll a request or a removal is put to, through the polls' own validation,
 * signing and repository: the whole chapter votes, a simple majority decides, results shown at the close.
 */
export async function openMembershipPoll(
  doc: Y.Doc,
  chapterId: DocId,
  device: DeviceKeyPair,
  question: string,
  members: readonly string[],
): Promise<Result<string, 'badPoll'>> {
  const now = new Date();
  const checked = validatePollInput(
    {
      question,
      description: '',
      options: [],
      method: 'yesno',
      seats: 1,
      threshold: 'simple',
      customThreshold: 50,
      quorum: 0,
      closesAt: new Date(now.getTime() + VOTE_DAYS * 86_400_000).toISOString(),
      showResultsBeforeClose: false,
      allowBallotChange: true,
      anyMemberMayClose: true,
    },
    { chapterId, createdBy: device.publicKey, now: now.toISOString(), members },
  );
  if (!checked.ok) return err('badPoll');
  const signed = await signPoll(checked.value, device);
  createPoll(doc, signed);
  return ok(signed.id);
}

interface DecisionInput {
  readonly doc: Y.Doc;
  readonly state: Accessor<MembershipState | null>;
  readonly me: Accessor<Member | null>;
  readonly passed: Accessor<ReadonlySet<string>>;
  readonly write: (body: EntryBody) => Promise<void>;
}

/**
 * What the members view offers for requests and removals put to a vote. Call inside a reactive
 * owner: the member who put something to a vote carries out the decision once the poll passed
 * (anyone else can, with `applyPoll`).
 */
export function pollDecisions({ doc, state, me, passed, write }: DecisionInput) {
  const pollFor = (subject: { readonly requestId?: EntryId; readonly memberId?: MemberId }): PollLink | null =>
    state()?.pollLinks.find((link) =>
      subject.requestId !== undefined ? link.requestId === subject.requestId : link.memberId === (subject.memberId ?? null),
    ) ?? null;
  const pollPassed = (pollId: string): boolean => passed().has(pollId);
  const applyPoll = async (link: PollLink): Promise<void> => {
    if (!me() || !pollPassed(link.pollId)) return;
    if (link.requestId !== null) await write({ type: 'admit', requestId: link.requestId, pollId: link.pollId });
    else if (link.memberId !== null) {
      const reason = (pollQuestion(doc, link.pollId) ?? link.pollId).slice(0, ENTRY_LIMITS.reason);
      await write({ type: 'remove', memberId: link.memberId, reason, decisionId: link.pollId });
    }
  };
  const applied = new Set<string>();
  createEffect(() => {
    const current = state();
    const mine = me();
    if (!current || !mine) return;
    for (const link of current.pollLinks) {
      if (link.linkedByMember !== mine.id || !pollPassed(link.pollId) || applied.has(link.pollId)) continue;
      const open =
        link.requestId !== null
          ? current.pendingRequests.some((request) => request.id === link.requestId)
          : current.members.some((member) => member.id === link.memberId && member.status === 'active');
      if (!open) continue;
      applied.add(link.pollId);
      void applyPoll(link);
    }
  });
  return { pollFor, pollPassed, applyPoll };
}

/** The question of a stored poll (for a removal's reason), or null. */
export function pollQuestion(doc: Y.Doc, pollId: string): string | null {
  const definition = readPolls(doc).get(pollId)?.definition as { readonly question?: unknown } | undefined;
  return typeof definition?.question === 'string' ? definition.question : null;
}
