/**
 * One builder for closed, signed polls made the way the app makes them (signed definition, one
 * signed ballot per device, the teller's close record, the count): the bench's audit file
 * (bench-files.ts) and the unit tests of --verify and of poll outcomes use it.
 */
import { signBallot, signCloseRecord, signPoll, verifyAllSigned } from '../crypto/ballot-signing';
import type { DeviceKeyPair } from '../crypto/ed25519';
import type { ChapterId, MemberId } from '../domain/membership/types';
import { countPoll, type PollCount, type PollInput, type SignedBallot, type SignedPoll, validatePollInput, type Voter } from '../domain/polls';
import type { BallotChoice, SignedCloseRecord } from '../domain/polls/types';

export const POLL_NOW = '2030-01-01T10:00:00.000Z';

const DEFAULTS: PollInput = {
  question: 'Which campaign first?',
  description: '',
  options: [],
  method: 'schulze',
  seats: 1,
  threshold: 'simple',
  customThreshold: 50,
  quorum: 0,
  closesAt: '2030-01-02T10:00:00.000Z',
  showResultsBeforeClose: false,
  allowBallotChange: true,
  anyMemberMayClose: false,
};

/** Active members m0, m1, … with one device each (keys[i]); the first is a teller. */
export const membersWith = (keys: readonly DeviceKeyPair[], names: readonly string[] = []): Voter[] =>
  keys.map((key, i) => ({
    memberId: `m${i}` as MemberId,
    name: names[i] ?? `Member ${i}`,
    active: true,
    isTeller: i === 0,
    devices: [{ key: key.publicKey, revoked: false }],
  }));

/** A poll signed by `creator` (members: the voters' ids, for custom weights). */
export async function signedPoll(input: Partial<PollInput>, creator: DeviceKeyPair, chapterId: ChapterId, voters: readonly Voter[]): Promise<SignedPoll> {
  const checked = validatePollInput({ ...DEFAULTS, ...input }, { chapterId, createdBy: creator.publicKey, now: POLL_NOW, members: voters.map((v) => v.memberId) });
  if (!checked.ok) throw new Error(JSON.stringify(checked.error));
  return signPoll(checked.value, creator);
}

export interface ClosedPoll {
  readonly ballots: readonly SignedBallot[];
  readonly close: SignedCloseRecord;
  readonly count: PollCount;
}

/**
 * Device keys[i] casts choices[i]; keys[0] closes, naming the ballots of the devices that belong
 * to `voters` (others' ballots are cast but left out, as a teller would); then the count.
 */
export async function castAndClose(poll: SignedPoll, keys: readonly DeviceKeyPair[], voters: readonly Voter[], choices: readonly BallotChoice[]): Promise<ClosedPoll> {
  const ballots: SignedBallot[] = [];
  for (let i = 0; i < choices.length; i++) {
    const key = keys[i]!;
    ballots.push(await signBallot({ v: 1, kind: 'ballot', pollId: poll.id, chapterId: poll.chapterId, voter: key.publicKey, seq: 1, choice: choices[i]!, castAt: POLL_NOW }, key));
  }
  const members = new Set(voters.flatMap((v) => v.devices.map((d) => d.key)));
  const counted = ballots.filter((b) => members.has(b.voter)).map((b) => b.id).sort();
  const close = await signCloseRecord(
    { v: 1, kind: 'close', pollId: poll.id, chapterId: poll.chapterId, closer: keys[0]!.publicKey, closedAt: POLL_NOW, early: true, ballots: counted },
    keys[0]!,
  );
  const authentic = await verifyAllSigned([...ballots, close]);
  const count = countPoll({ poll, ballots, closes: [close], voters, isAuthentic: (r) => authentic.has(r), now: POLL_NOW });
  return { ballots, close, count };
}
