import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { signBallot, signCloseRecord, signPoll, verifyAllSigned, verifySigned } from '../../../src/crypto/ballot-signing';
import { type DeviceKeyPair, generateDeviceKeyPair } from '../../../src/crypto/ed25519';
import type { DocId } from '../../../src/domain/ids';
import type { MemberId } from '../../../src/domain/membership/types';
import { countPoll, isSignedPoll, type PollInput, tallyPoll, validatePollInput } from '../../../src/domain/polls';
import type { BallotChoice, SignedBallot, SignedPoll, Voter } from '../../../src/domain/polls/types';
import { plainPollInput } from './fixtures';

const CHAPTER = 'chapter-1' as DocId;
const NOW = '2030-01-01T10:00:00.000Z';
const CLOSES = '2030-01-02T10:00:00.000Z';
const MEMBERS = ['m0', 'm1', 'm2', 'm3'];

const base: PollInput = { ...plainPollInput('Move the food bank to Tuesdays?', []), method: 'yesno', closesAt: CLOSES };

const context = (creator: string) => ({ chapterId: CHAPTER, createdBy: creator as never, now: NOW, members: MEMBERS });

async function setup() {
  const keys = await Promise.all(MEMBERS.map(() => generateDeviceKeyPair()));
  const voters: Voter[] = keys.map((k, i) => ({
    memberId: MEMBERS[i] as MemberId,
    name: ['Ana', 'Ben', 'Cy', 'Dee'][i]!,
    active: true,
    isTeller: i === 0,
    devices: [{ key: k.publicKey, revoked: false }],
  }));
  return { keys, voters };
}

async function makePoll(creator: DeviceKeyPair, input: Partial<PollInput>): Promise<SignedPoll> {
  const checked = validatePollInput({ ...base, ...input }, context(creator.publicKey));
  if (!checked.ok) throw new Error(JSON.stringify(checked.error));
  return signPoll(checked.value, creator);
}

const cast = (poll: SignedPoll, key: DeviceKeyPair, choice: BallotChoice, seq = 1): Promise<SignedBallot> =>
  signBallot({ v: 1, kind: 'ballot', pollId: poll.id, chapterId: CHAPTER, voter: key.publicKey, seq, choice, castAt: NOW }, key);

async function count(poll: SignedPoll, voters: Voter[], ballots: unknown[], closes: unknown[] = []) {
  const authentic = await verifyAllSigned([...ballots, ...closes]);
  return countPoll({ poll, ballots, closes, voters, isAuthentic: (r) => authentic.has(r), now: NOW });
}

describe('validating an electorate and weights', () => {
  it('reports a nameless or empty group, unknown members, a missing reason and bad weights', () => {
    const bad = validatePollInput(
      { ...base, scope: { kind: 'group', name: ' ', members: [] }, weights: { kind: 'custom', reason: '', weights: {} } },
      context('k'),
    );
    expect(bad.ok).toBe(false);
    if (bad.ok) return;
    expect(bad.error).toEqual(
      expect.arrayContaining([
        { field: 'scope', code: 'required' },
        { field: 'scope', code: 'emptyScope' },
        { field: 'weights', code: 'required' },
      ]),
    );
    const weights = validatePollInput(
      {
        ...base,
        scope: { kind: 'group', name: 'Food bank crew', members: ['m1', 'mX'] },
        weights: { kind: 'custom', reason: 'Shift workers are affected most', weights: { m1: 0, m2: 2 } },
      },
      context('k'),
    );
    expect(weights.ok).toBe(false);
    if (weights.ok) return;
    expect(weights.error).toEqual([
      { field: 'scope', code: 'unknownMember', member: 'mX' },
      { field: 'weights', code: 'badWeight', member: 'm1', max: 100 },
      // m2 is a member, but not in this poll's electorate.
      { field: 'weights', code: 'unknownMember', member: 'm2' },
    ]);
    for (const w of [Number.NaN, -1, 100.5, 1.2345, Number.POSITIVE_INFINITY]) {
      const r = validatePollInput({ ...base, weights: { kind: 'custom', reason: 'r', weights: { m1: w } } }, context('k'));
      expect(r.ok, String(w)).toBe(false);
    }
  });

  it('signs the group, the weights and the minutes link into the poll; old polls still read', async () => {
    const { keys } = await setup();
    const poll = await makePoll(keys[0]!, {
      scope: { kind: 'group', name: 'Food bank crew', members: ['m2', 'm1', 'm2'] },
      weights: { kind: 'custom', reason: 'Shift workers', weights: { m1: 2.5, m2: 1 } },
      minutes: { meetingId: 'meet', agendaItemId: 'item' },
    });
    expect(poll.scope).toEqual({ kind: 'group', name: 'Food bank crew', members: ['m1', 'm2'] });
    expect(poll.weightRule).toEqual({ kind: 'custom', reason: 'Shift workers', weights: { m1: 2.5, m2: 1 } });
    expect(poll.minutes).toEqual({ meetingId: 'meet', agendaItemId: 'item' });
    expect(isSignedPoll(poll)).toBe(true);
    expect(await verifySigned(poll)).toBe(true);
    // Raising a weight after signing breaks the signature.
    const raised = { ...poll, weightRule: { kind: 'custom', reason: 'Shift workers', weights: { m1: 5, m2: 1 } } };
    expect(await verifySigned(raised)).toBe(false);
    expect(isSignedPoll({ ...poll, weightRule: { kind: 'custom', reason: 'x', weights: { m1: 0 } } })).toBe(false);
    const plain = await makePoll(keys[0]!, {});
    expect(plain.scope).toBe('chapter');
    expect(plain.weightRule).toBe('equal');
    expect('minutes' in plain).toBe(false);
  });
});

describe('counting with an electorate and weights', () => {
  it('lists ballots from members outside the electorate as not counted, and only electorate members as voters', async () => {
    const { keys, voters } = await setup();
    const poll = await makePoll(keys[0]!, { scope: { kind: 'group', name: 'Food bank crew', members: ['m0', 'm1'] } });
    const inside = await cast(poll, keys[1]!, { vote: 'yes' });
    const outside = await cast(poll, keys[2]!, { vote: 'no' });
    const c = await count(poll, voters, [inside, outside]);
    expect(c.counted.map((x) => x.ballot.id)).toEqual([inside.id]);
    expect(c.rejected).toEqual([{ id: outside.id, reason: 'outsideScope', memberId: 'm2', voter: keys[2]!.publicKey }]);
    expect(c.voters.map((v) => v.name)).toEqual(['Ana', 'Ben']);
    // A close record naming the outsider's ballot is invalid, so it cannot smuggle it in.
    const sneaky = await signCloseRecord(
      { v: 1, kind: 'close', pollId: poll.id, chapterId: CHAPTER, closer: keys[0]!.publicKey, closedAt: NOW, early: true, ballots: [inside.id, outside.id].sort() },
      keys[0]!,
    );
    const closed = await count(poll, voters, [inside, outside], [sneaky]);
    expect(closed.closes[0]).toMatchObject({ valid: false, reason: 'countsInvalidBallot' });
    expect(closed.status).toBe('open');
  });

  it('weights each ballot by the signed table: the most affected member outweighs two others', async () => {
    const { keys, voters } = await setup();
    const input = { weights: { kind: 'custom', reason: 'Ana runs the Tuesday shift', weights: { m0: 3, m1: 1, m2: 1, m3: 0.5 } } } as const;
    const poll = await makePoll(keys[0]!, input);
    const ballots = await Promise.all([
      cast(poll, keys[0]!, { vote: 'yes' }),
      cast(poll, keys[1]!, { vote: 'no' }),
      cast(poll, keys[2]!, { vote: 'no' }),
      cast(poll, keys[3]!, { vote: 'no' }),
    ]);
    const c = await count(poll, voters, ballots);
    expect(c.voters.map((v) => [v.name, v.weight])).toEqual([
      ['Ana', 3],
      ['Ben', 1],
      ['Cy', 1],
      ['Dee', 0.5],
    ]);
    expect(tallyPoll(poll, c.counted)).toMatchObject({ method: 'yesno', outcome: 'passed', yes: 3, no: 2.5 });
    // The same ballots under equal weights fail: the weights decide.
    const equal = await makePoll(keys[0]!, {});
    const again = await Promise.all(['yes', 'no', 'no', 'no'].map((v, i) => cast(equal, keys[i]!, { vote: v as 'yes' | 'no' })));
    expect(tallyPoll(equal, (await count(equal, voters, again)).counted)).toMatchObject({ outcome: 'failed', yes: 1, no: 3 });
  });

  it('property: fractional weights give bit-identical totals in any ballot order (exact sums)', async () => {
    const keys = await Promise.all(Array.from({ length: 12 }, () => generateDeviceKeyPair()));
    const ids = keys.map((_, i) => `w${i}`);
    const voters: Voter[] = keys.map((k, i) => ({ memberId: ids[i] as MemberId, name: ids[i]!, active: true, isTeller: false, devices: [{ key: k.publicKey, revoked: false }] }));
    const table = Object.fromEntries(ids.map((id, i) => [id, [0.1, 0.7, 33.333, 0.001, 99.999, 0.2][i % 6]!]));
    const checked = validatePollInput(
      { ...base, method: 'score', options: ['A', 'B', 'C'], weights: { kind: 'custom', reason: 'affectedness survey', weights: table } },
      { chapterId: CHAPTER, createdBy: keys[0]!.publicKey, now: NOW, members: ids },
    );
    if (!checked.ok) throw new Error(JSON.stringify(checked.error));
    const poll = await signPoll(checked.value, keys[0]!);
    const ballots = await Promise.all(keys.map((k, i) => cast(poll, k, { scores: { A: i % 6, B: (i * 7) % 6, C: 5 - (i % 6) } })));
    const authentic = await verifyAllSigned(ballots);
    const tallyOf = (order: readonly SignedBallot[]) =>
      tallyPoll(poll, countPoll({ poll, ballots: order, closes: [], voters, isAuthentic: (r) => authentic.has(r), now: NOW }).counted);
    const reference = JSON.stringify(tallyOf(ballots));
    fc.assert(
      fc.property(fc.shuffledSubarray(ballots, { minLength: ballots.length }), (order) => {
        expect(JSON.stringify(tallyOf(order))).toBe(reference);
      }),
      { numRuns: 100 },
    );
  });
});
