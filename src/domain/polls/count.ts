/**
 * Which ballots count. Pure and deterministic: every device holding the same records (in any
 * order) and the same membership state computes the same verdicts.
 *
 * Rules (see README.md):
 * 1. A ballot is rejected when it is malformed, for another poll or chapter, not authentic (its id
 *    is not the hash of its content or its signature does not verify), signed by a device bound
 *    to no active member ('notAMember'), by a member outside the poll's electorate
 *    ('outsideScope') or by a revoked device, when its choice does not fit the poll, or when it
 *    claims to be cast after the closing time ('afterClose').
 * 2. Of the remaining ballots, each member's latest by the member's own sequence number counts
 *    (never by clock; equal numbers: the smaller id). The others are 'superseded'. When the poll
 *    does not allow changing a ballot, the member's first counts and later ones are
 *    'changeNotAllowed'.
 * 3. A valid close record fixes the count: exactly the ballots it names count, every other ballot
 *    is 'late' (or 'superseded' when the member's named ballot is newer). Conflicting valid close
 *    records: the one naming the most ballots wins, then the smallest record id (its hash).
 */
import type { ChapterId, MemberId } from '../membership/types';
import { perChapterWeights } from './chapter-weights';
import type {
  CloseRejectReason,
  CountedBallot,
  RejectedBallot,
  RejectReason,
  SignedBallot,
  SignedCloseRecord,
  SignedPoll,
  Voter,
} from './types';
import { isSignedBallot, isSignedCloseRecord, isValidChoice } from './validate';

export interface CountInput {
  readonly poll: SignedPoll;
  /** Raw values as stored: anything may be in there. */
  readonly ballots: readonly unknown[];
  readonly closes: readonly unknown[];
  readonly voters: readonly Voter[];
  /** True iff the record's id hashes its canonical content and its signature verifies. */
  readonly isAuthentic: (record: SignedBallot | SignedCloseRecord) => boolean;
  /** RFC 3339 now (only decides between 'open' and 'provisional'). */
  readonly now: string;
}

export interface CloseVerdict {
  readonly record: SignedCloseRecord;
  readonly valid: boolean;
  readonly reason: CloseRejectReason | null;
  /** Named ballots this device has not received yet. */
  readonly missing: number;
  readonly chosen: boolean;
}

export interface VoterWeight {
  readonly memberId: MemberId;
  readonly name: string;
  /** Under 'perChapter', 0 for a voter whose ballot does not count (the chapter's say goes to those whose does). */
  readonly weight: number;
  readonly voted: boolean;
  /** The chapter the weight comes from (polls put to member chapters). */
  readonly chapterId?: ChapterId;
}

export type PollStatus = 'open' | 'provisional' | 'closed' | 'awaitingBallots';

export interface PollCount {
  readonly status: PollStatus;
  /** Sorted by member id. */
  readonly counted: readonly CountedBallot[];
  /** Sorted by id. */
  readonly rejected: readonly RejectedBallot[];
  readonly closes: readonly CloseVerdict[];
  readonly chosenClose: SignedCloseRecord | null;
  /** Every eligible voter (active member in the poll's scope) with their weight under the poll's rule. */
  readonly voters: readonly VoterWeight[];
  /** Members whose ballot counts. */
  readonly turnout: number;
}

interface Candidate {
  readonly ballot: SignedBallot;
  readonly memberId: MemberId;
  readonly chapterId: ChapterId | undefined;
}

/** Same order as localeCompare, without setting up a collation per comparison (10,000 voters). */
const byName = new Intl.Collator();
const compareKeys = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
const byId = (a: { id: string }, b: { id: string }): number => compareKeys(a.id, b.id);

/** Who may vote and what weighs: a member of this branch, or of a member chapter (chapters scope). */
export type VoterRef = Pick<Voter, 'memberId' | 'chapterId'>;

/**
 * Weight of one voter's ballot under 'equal' (1) or custom weights (the listed weight, else 1;
 * listed per chapter in a poll put to member chapters). 'perChapter' depends on who voted:
 * countPoll computes it (chapter-weights.ts); here it is 1.
 */
export const weightOf = (poll: SignedPoll, voter: VoterRef): number => {
  if (poll.weightRule === 'equal' || poll.weightRule === 'perChapter') return 1;
  const key = typeof poll.scope === 'object' && poll.scope.kind === 'chapters' ? (voter.chapterId ?? '') : voter.memberId;
  return Object.hasOwn(poll.weightRule.weights, key) ? poll.weightRule.weights[key]! : 1;
};

/**
 * Whether the voter belongs to the poll's electorate: the whole branch, the named group, or (a
 * branch's poll put to member chapters) an active member of one of the named chapters.
 */
export const inScope = (poll: SignedPoll, voter: VoterRef): boolean => {
  if (poll.scope === 'chapter') return voter.chapterId === undefined;
  if (poll.scope.kind === 'group') return voter.chapterId === undefined && poll.scope.members.includes(voter.memberId);
  const chapterId = voter.chapterId;
  return chapterId !== undefined && poll.scope.chapters.some((chapter) => chapter.id === chapterId);
};

/** One voter = one member of one chapter (or of this branch). */
const voterKey = (voter: VoterRef): string => `${voter.chapterId ?? ''}/${voter.memberId}`;

export function countPoll(input: CountInput): PollCount {
  const { poll } = input;
  const deviceOwner = new Map<string, { voter: Voter; revoked: boolean }>();
  // A device known in several electorates (the branch and member chapters) belongs to one in the
  // poll's scope if any, then to the chapter with the smallest id: the same choice on every device.
  const rank = (voter: Voter): string => `${inScope(poll, voter) && voter.active ? 0 : 1}/${voter.chapterId ?? ''}`;
  for (const voter of input.voters) {
    for (const device of voter.devices) {
      const known = deviceOwner.get(device.key);
      if (known === undefined || rank(voter) < rank(known.voter)) deviceOwner.set(device.key, { voter, revoked: device.revoked });
    }
  }

  const rejected = new Map<string, RejectedBallot>();
  /** Authentic ballots for this poll with a valid choice, bound to some member (any status). */
  const wellFormed = new Map<string, Candidate>();
  const eligible: Candidate[] = [];
  const closesAt = Date.parse(poll.closesAt);
  const reject = (id: string, reason: RejectReason, voter: string, memberId: MemberId | null) => {
    if (!rejected.has(id)) rejected.set(id, { id, reason, voter, memberId });
  };

  const seen = new Set<string>();
  for (const raw of input.ballots) {
    if (!isSignedBallot(raw)) {
      const id = typeof raw === 'object' && raw !== null && typeof (raw as { id?: unknown }).id === 'string' ? (raw as { id: string }).id : '?';
      reject(id, 'malformed', '', null);
      continue;
    }
    if (raw.pollId !== poll.id || raw.chapterId !== poll.chapterId) {
      reject(raw.id, 'wrongPoll', raw.voter, null);
      continue;
    }
    if (!input.isAuthentic(raw)) {
      // A forged copy may claim a genuine ballot's id: never let it shadow the genuine one.
      if (!seen.has(raw.id)) reject(`${raw.id}`, 'badSignature', raw.voter, null);
      continue;
    }
    if (seen.has(raw.id)) continue; // an exact copy (same id, authentic) of a ballot already seen
    seen.add(raw.id);
    rejected.delete(raw.id);
    const owner = deviceOwner.get(raw.voter);
    if (!owner) {
      reject(raw.id, 'notAMember', raw.voter, null);
      continue;
    }
    const memberId = owner.voter.memberId;
    if (!isValidChoice(poll, raw.choice)) {
      reject(raw.id, 'invalidChoice', raw.voter, memberId);
      continue;
    }
    if (!(Date.parse(raw.castAt) <= closesAt)) {
      reject(raw.id, 'afterClose', raw.voter, memberId);
      continue;
    }
    // The electorate is signed into the poll: a ballot from outside it can never count.
    if (!inScope(poll, owner.voter)) {
      reject(raw.id, 'outsideScope', raw.voter, memberId);
      continue;
    }
    const candidate: Candidate = { ballot: raw, memberId, chapterId: owner.voter.chapterId };
    wellFormed.set(raw.id, candidate);
    if (!owner.voter.active) reject(raw.id, 'notAMember', raw.voter, memberId);
    else if (owner.revoked) reject(raw.id, 'revokedDevice', raw.voter, memberId);
    else eligible.push(candidate);
  }

  // Each member's latest (or, without changes allowed, first) ballot.
  const perMember = new Map<string, Candidate[]>();
  for (const candidate of eligible) {
    const key = voterKey(candidate);
    const list = perMember.get(key) ?? [];
    list.push(candidate);
    perMember.set(key, list);
  }
  const provisional: Candidate[] = [];
  for (const list of perMember.values()) {
    list.sort((a, b) => (poll.allowBallotChange ? b.ballot.seq - a.ballot.seq : a.ballot.seq - b.ballot.seq) || byId(a.ballot, b.ballot));
    provisional.push(list[0]!);
    for (const other of list.slice(1)) {
      reject(other.ballot.id, poll.allowBallotChange ? 'superseded' : 'changeNotAllowed', other.ballot.voter, other.memberId);
    }
  }

  const closes = judgeCloses(input, deviceOwner, wellFormed, rejected);
  const chosen = closes.find((verdict) => verdict.chosen) ?? null;

  let counted: Candidate[];
  let status: PollStatus;
  if (chosen) {
    const named = new Set(chosen.record.ballots);
    counted = chosen.record.ballots.flatMap((id) => {
      const candidate = wellFormed.get(id);
      return candidate ? [candidate] : [];
    });
    const namedSeq = new Map(counted.map((c) => [voterKey(c), c.ballot.seq]));
    for (const id of named) rejected.delete(id);
    for (const candidate of eligible) {
      if (named.has(candidate.ballot.id)) continue;
      const seq = namedSeq.get(voterKey(candidate));
      const reason: RejectReason = seq !== undefined && seq > candidate.ballot.seq ? 'superseded' : 'late';
      rejected.set(candidate.ballot.id, { id: candidate.ballot.id, reason, voter: candidate.ballot.voter, memberId: candidate.memberId });
    }
    status = chosen.missing > 0 ? 'awaitingBallots' : 'closed';
  } else {
    counted = provisional;
    status = Date.parse(input.now) >= closesAt ? 'provisional' : 'open';
  }

  const shares = poll.weightRule === 'perChapter' ? perChapterWeights(counted.map((c) => ({ key: voterKey(c), chapterId: c.chapterId ?? '' }))) : null;
  const weight = (voter: VoterRef): number => (shares ? (shares.get(voterKey(voter)) ?? 0) : weightOf(poll, voter));
  const chapterOf = (voter: VoterRef) => (voter.chapterId === undefined ? {} : { chapterId: voter.chapterId });
  const countedBallots = counted
    .map((c): CountedBallot => ({ ballot: c.ballot, memberId: c.memberId, weight: weight(c), ...chapterOf(c) }))
    .sort((a, b) => compareKeys(voterKey(a), voterKey(b)));
  const votedMembers = new Set(countedBallots.map(voterKey));
  const voters = input.voters
    .filter((voter) => voter.active && inScope(poll, voter))
    .map((voter) => ({ memberId: voter.memberId, name: voter.name, weight: weight(voter), voted: votedMembers.has(voterKey(voter)), ...chapterOf(voter) }))
    .sort((a, b) => compareKeys(a.chapterId ?? '', b.chapterId ?? '') || byName.compare(a.name, b.name) || compareKeys(a.memberId, b.memberId));
  return {
    status,
    counted: countedBallots,
    rejected: [...rejected.values()].sort(byId),
    closes,
    chosenClose: chosen?.record ?? null,
    voters,
    turnout: countedBallots.length,
  };
}

function judgeCloses(
  input: CountInput,
  deviceOwner: ReadonlyMap<string, { voter: Voter; revoked: boolean }>,
  wellFormed: ReadonlyMap<string, Candidate>,
  rejected: ReadonlyMap<string, RejectedBallot>,
): CloseVerdict[] {
  const { poll } = input;
  const creator = deviceOwner.get(poll.createdBy)?.voter.memberId ?? null;
  const verdicts: Omit<CloseVerdict, 'chosen'>[] = [];
  const seen = new Set<string>();
  for (const raw of input.closes) {
    if (!isSignedCloseRecord(raw)) continue; // nothing to show for a record without a shape
    if (seen.has(raw.id) && input.isAuthentic(raw)) continue;
    const verdict = (reason: CloseRejectReason | null, missing = 0) => verdicts.push({ record: raw, valid: reason === null, reason, missing });
    if (raw.pollId !== poll.id || raw.chapterId !== poll.chapterId) {
      verdict('wrongPoll');
      continue;
    }
    if (!input.isAuthentic(raw)) {
      verdict('badSignature');
      continue;
    }
    seen.add(raw.id);
    const owner = deviceOwner.get(raw.closer);
    const isCreator = owner !== undefined && owner.voter.memberId === creator;
    const mayClose = owner !== undefined && !owner.revoked && (owner.voter.isTeller || isCreator || poll.anyMemberMayClose);
    if (!mayClose) {
      verdict('notAllowed');
      continue;
    }
    if (raw.early ? !(owner.voter.isTeller || isCreator) : !(Date.parse(raw.closedAt) >= Date.parse(poll.closesAt))) {
      verdict(raw.early ? 'notAllowed' : 'tooEarly');
      continue;
    }
    const members = new Set<string>();
    let missing = 0;
    let reason: CloseRejectReason | null = null;
    if (new Set(raw.ballots).size !== raw.ballots.length) reason = 'malformed';
    for (const id of raw.ballots) {
      if (reason) break;
      const candidate = wellFormed.get(id);
      if (!candidate) {
        if (rejected.has(id)) reason = 'countsInvalidBallot';
        else missing += 1;
        continue;
      }
      if (raw.early ? false : Date.parse(candidate.ballot.castAt) > Date.parse(raw.closedAt)) reason = 'countsInvalidBallot';
      if (members.has(voterKey(candidate))) reason = 'twoBallotsOfOneMember';
      members.add(voterKey(candidate));
    }
    verdict(reason, reason ? 0 : missing);
  }
  const winner = chooseClose(verdicts.filter((v) => v.valid).map((v) => v.record));
  return verdicts
    .map((v) => ({ ...v, chosen: winner !== null && v.valid && v.record.id === winner.id }))
    .sort((a, b) => byId(a.record, b.record));
}

/**
 * The deterministic rule between conflicting valid close records: the one naming the most ballots
 * wins; equal counts: the smallest record id (SHA-256, base64url, compared by UTF-16 code units).
 */
export function chooseClose<R extends { readonly id: string; readonly ballots: readonly string[] }>(records: readonly R[]): R | null {
  let best: R | null = null;
  for (const record of records) {
    if (best === null || record.ballots.length > best.ballots.length || (record.ballots.length === best.ballots.length && record.id < best.id)) best = record;
  }
  return best;
}

/** The ballot ids a close record made now on this device names: every counted ballot, sorted. */
export const ballotsToClose = (count: PollCount): string[] => count.counted.map((c) => c.ballot.id).sort();
