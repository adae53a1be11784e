import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { signBallot, signCloseRecord, signPoll, verifyAllSigned } from '../../../src/crypto/ballot-signing';
import { type DeviceKeyPair, generateDeviceKeyPair } from '../../../src/crypto/ed25519';
import type { DocId } from '../../../src/domain/ids';
import type { DeviceKey, MemberId } from '../../../src/domain/membership/types';
import { auditToTallyInput, buildAudit, chooseClose, countPoll, tallyPoll, validatePollInput } from '../../../src/domain/polls';
import type { BallotChoice, SignedBallot, SignedCloseRecord, SignedPoll, Voter } from '../../../src/domain/polls/types';
import { parseTallyInput } from '../../../src/domain/tally/parse-input';
import { runTally } from '../../../src/domain/tally/run';

const CHAPTER = 'chapter-1' as DocId;
const NOW = '2030-01-01T10:00:00.000Z';
const CLOSES = '2030-01-02T10:00:00.000Z';

interface World {
  readonly keys: DeviceKeyPair[];
  readonly outsider: DeviceKeyPair;
  readonly voters: Voter[];
}

async function world(): Promise<World> {
  const keys = await Promise.all([0, 1, 2].map(() => generateDeviceKeyPair()));
  const outsider = await generateDeviceKeyPair();
  const voters: Voter[] = keys.map((k, i) => ({
    memberId: `m${i}` as MemberId,
    name: ['Ana', 'Ben', 'Cy'][i]!,
    active: true,
    isTeller: i === 0,
    devices: [{ key: k.publicKey, revoked: false }],
  }));
  return { keys, outsider, voters };
}

async function makePoll(creator: DeviceKeyPair, method = 'yesno', options: string[] = [], allowBallotChange = true): Promise<SignedPoll> {
  const def = validatePollInput(
    {
      question: 'Q?',
      description: '',
      options,
      method,
      seats: 1,
      threshold: 'simple',
      customThreshold: 50,
      quorum: 0,
      closesAt: CLOSES,
      showResultsBeforeClose: false,
      allowBallotChange,
      anyMemberMayClose: false,
    },
    { chapterId: CHAPTER, createdBy: creator.publicKey, now: NOW },
  );
  if (!def.ok) throw new Error(JSON.stringify(def.error));
  return signPoll(def.value, creator);
}

const ballot = (poll: SignedPoll, key: DeviceKeyPair, seq: number, choice: BallotChoice, castAt = NOW): Promise<SignedBallot> =>
  signBallot({ v: 1, kind: 'ballot', pollId: poll.id, chapterId: CHAPTER, voter: key.publicKey, seq, choice, castAt }, key);

const close = (poll: SignedPoll, key: DeviceKeyPair, ballots: string[], early = true): Promise<SignedCloseRecord> =>
  signCloseRecord({ v: 1, kind: 'close', pollId: poll.id, chapterId: CHAPTER, closer: key.publicKey, closedAt: NOW, early, ballots: [...ballots].sort() }, key);

async function count(poll: SignedPoll, w: World, ballots: unknown[], closes: unknown[] = [], now = NOW) {
  const authentic = await verifyAllSigned([...ballots, ...closes]);
  return countPoll({ poll, ballots, closes, voters: w.voters, isAuthentic: (r) => authentic.has(r), now });
}

describe('which ballots count', () => {
  it('takes each member’s latest ballot by their own sequence number, whatever the clock says', async () => {
    const w = await world();
    const poll = await makePoll(w.keys[0]!);
    const first = await ballot(poll, w.keys[1]!, 1, { vote: 'no' }, '2030-01-01T12:00:00.000Z');
    const second = await ballot(poll, w.keys[1]!, 2, { vote: 'yes' }, '2030-01-01T09:00:00.000Z');
    const c = await count(poll, w, [second, first]);
    expect(c.counted.map((x) => x.ballot.id)).toEqual([second.id]);
    expect(c.rejected).toEqual([{ id: first.id, reason: 'superseded', memberId: 'm1', voter: w.keys[1]!.publicKey }]);
    expect(c.status).toBe('open');
  });

  it('keeps the first ballot when changes are not allowed', async () => {
    const w = await world();
    const poll = await makePoll(w.keys[0]!, 'yesno', [], false);
    const first = await ballot(poll, w.keys[1]!, 1, { vote: 'no' });
    const second = await ballot(poll, w.keys[1]!, 2, { vote: 'yes' });
    const c = await count(poll, w, [second, first]);
    expect(c.counted.map((x) => x.ballot.id)).toEqual([first.id]);
    expect(c.rejected[0]?.reason).toBe('changeNotAllowed');
  });

  it('rejects forged, non-member, after-close, invalid and wrong-poll ballots with reasons', async () => {
    const w = await world();
    const poll = await makePoll(w.keys[0]!);
    const other = await makePoll(w.keys[0]!, 'plurality', ['a', 'b']);
    const good = await ballot(poll, w.keys[1]!, 1, { vote: 'yes' });
    const forged = { ...(await ballot(poll, w.keys[2]!, 1, { vote: 'yes' })), choice: { vote: 'no' } };
    const outsider = await ballot(poll, w.outsider, 1, { vote: 'no' });
    const late = await ballot(poll, w.keys[0]!, 1, { vote: 'no' }, '2030-01-03T00:00:00.000Z');
    const invalid = await ballot(poll, w.keys[0]!, 2, { choice: 'a' });
    const wrong = await ballot(other, w.keys[0]!, 1, { choice: 'a' });
    const c = await count(poll, w, [good, forged, outsider, late, invalid, wrong, { junk: true }]);
    expect(c.counted.map((x) => x.ballot.id)).toEqual([good.id]);
    const reasons = Object.fromEntries(c.rejected.map((r) => [r.id, r.reason]));
    expect(reasons).toMatchObject({
      [forged.id]: 'badSignature',
      [outsider.id]: 'notAMember',
      [late.id]: 'afterClose',
      [invalid.id]: 'invalidChoice',
      [wrong.id]: 'wrongPoll',
      '?': 'malformed',
    });
  });

  it('a close record fixes the count; later ballots are listed as late', async () => {
    const w = await world();
    const poll = await makePoll(w.keys[0]!);
    const a = await ballot(poll, w.keys[0]!, 1, { vote: 'yes' });
    const b = await ballot(poll, w.keys[1]!, 1, { vote: 'no' });
    const record = await close(poll, w.keys[0]!, [a.id]);
    const c = await count(poll, w, [a, b], [record]);
    expect(c.status).toBe('closed');
    expect(c.counted.map((x) => x.ballot.id)).toEqual([a.id]);
    expect(c.rejected).toEqual([{ id: b.id, reason: 'late', memberId: 'm1', voter: w.keys[1]!.publicKey }]);
    // A non-teller, non-creator may not close; a close record naming a forged ballot is invalid.
    const byBen = await close(poll, w.keys[1]!, [a.id, b.id]);
    const c2 = await count(poll, w, [a, b], [byBen]);
    expect(c2.closes[0]?.reason).toBe('notAllowed');
    expect(c2.status).toBe('open');
  });

  it('property: adding forged, outsider or late ballots never changes the result', async () => {
    const w = await world();
    const poll = await makePoll(w.keys[0]!);
    const votes = ['yes', 'no', 'abstain'] as const;
    const genuine = await Promise.all(w.keys.map((k, i) => ballot(poll, k, 1, { vote: votes[i]! })));
    const junk = [
      ...(await Promise.all(w.keys.map((k) => ballot(poll, k, 99, { vote: 'no' }, '2031-01-01T00:00:00.000Z')))),
      ...(await Promise.all([1, 2, 3].map((seq) => ballot(poll, w.outsider, seq, { vote: 'yes' })))),
      ...genuine.map((g) => ({ ...g, seq: 50, choice: { vote: 'no' } })),
      ...genuine.map((g) => ({ ...g, id: `${g.id}x`, choice: { vote: 'no' } })),
    ];
    const base = tallyPoll(poll, (await count(poll, w, genuine)).counted);
    const authentic = await verifyAllSigned([...genuine, ...junk]);
    await fc.assert(
      fc.property(fc.shuffledSubarray(junk), fc.array(fc.nat(), { maxLength: 10 }), (extra, order) => {
        const all: unknown[] = [...genuine, ...extra];
        for (const i of order) all.push(all[i % all.length]); // duplicates
        const sorted = all.sort(() => 0).reverse();
        const c = countPoll({ poll, ballots: sorted, closes: [], voters: w.voters, isAuthentic: (r) => authentic.has(r), now: NOW });
        expect(tallyPoll(poll, c.counted)).toEqual(base);
        expect(c.counted.map((x) => x.ballot.id).sort()).toEqual(genuine.map((g) => g.id).sort());
      }),
      { numRuns: 100 },
    );
  });
});

describe('conflicting close records', () => {
  it('chooses the same record under any order: most ballots, then smallest id', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.record({ id: fc.string({ minLength: 1, maxLength: 6 }), ballots: fc.array(fc.constant('b'), { maxLength: 4 }) }), {
          selector: (r) => r.id,
          minLength: 1,
          maxLength: 8,
        }),
        fc.integer(),
        (records, seed) => {
          const shuffled = [...records].sort((a, b) => ((a.id.charCodeAt(0) * seed) % 7) - ((b.id.charCodeAt(0) * seed) % 7));
          const chosen = chooseClose(shuffled);
          expect(chosen).toBe(chooseClose(records));
          const most = Math.max(...records.map((r) => r.ballots.length));
          const smallest = records.filter((r) => r.ballots.length === most).map((r) => r.id).sort()[0];
          expect(chosen?.id).toBe(smallest);
        },
      ),
    );
  });

  it('two valid close records on devices receiving them in opposite orders give one result', async () => {
    const w = await world();
    const poll = await makePoll(w.keys[0]!);
    const a = await ballot(poll, w.keys[0]!, 1, { vote: 'yes' });
    const b = await ballot(poll, w.keys[1]!, 1, { vote: 'no' });
    const small = await close(poll, w.keys[0]!, [a.id]);
    const big = await close(poll, w.keys[0]!, [a.id, b.id]);
    const one = await count(poll, w, [a, b], [small, big]);
    const two = await count(poll, w, [b, a], [big, small]);
    expect(one.chosenClose?.id).toBe(big.id);
    expect(two).toEqual(one);
    expect(one.closes).toHaveLength(2);
  });
});

describe('audit export', () => {
  it('round-trips through the tally CLI input to the same result', async () => {
    const w = await world();
    const poll = await makePoll(w.keys[0]!, 'irv', ['Red', 'Green', 'Blue']);
    const ballots = await Promise.all([
      ballot(poll, w.keys[0]!, 1, { ranking: ['Red', 'Green'] }),
      ballot(poll, w.keys[1]!, 1, { ranking: ['Green', 'Red'] }),
      ballot(poll, w.keys[2]!, 1, { ranking: ['Blue', 'Green'] }),
    ]);
    const record = await close(poll, w.keys[0]!, ballots.map((b) => b.id));
    const c = await count(poll, w, ballots, [record]);
    const audit = JSON.parse(JSON.stringify(buildAudit(poll, c)));
    expect(audit.format).toBe('chapterhouse-poll-audit');
    expect(audit.weights.voters.map((v: { weight: number }) => v.weight)).toEqual([1, 1, 1]);
    const request = parseTallyInput(audit);
    expect(request.ok).toBe(true);
    if (request.ok) expect(runTally(request.value)).toEqual(audit.result);
    expect(auditToTallyInput({ format: 'chapterhouse-poll-audit', version: 2 }).ok).toBe(false);
  });

  it('round-trips yes/no and consent audits', async () => {
    const w = await world();
    for (const [method, choices] of [
      ['yesno', [{ vote: 'yes' }, { vote: 'yes' }, { vote: 'no' }]],
      ['consent', [{ response: 'agree' }, { response: 'standAside', reason: 'busy' }, { response: 'block', reason: 'no' }]],
    ] as const) {
      const poll = await makePoll(w.keys[0]!, method);
      const ballots = await Promise.all(choices.map((choice, i) => ballot(poll, w.keys[i]!, 1, choice as BallotChoice)));
      const c = await count(poll, w, ballots, [await close(poll, w.keys[0]!, ballots.map((b) => b.id))]);
      const audit = JSON.parse(JSON.stringify(buildAudit(poll, c)));
      const request = parseTallyInput(audit);
      expect(request.ok).toBe(true);
      if (request.ok) expect(runTally(request.value)).toEqual(audit.result);
    }
  });
});

describe('poll input validation', () => {
  it('gives typed errors', () => {
    const result = validatePollInput(
      {
        question: ' ',
        description: '',
        options: ['a', 'a'],
        method: 'stv',
        seats: 5,
        threshold: 'simple',
        customThreshold: 50,
        quorum: 0,
        closesAt: '2020-01-01T00:00:00Z',
        showResultsBeforeClose: false,
        allowBallotChange: true,
        anyMemberMayClose: false,
      },
      { chapterId: CHAPTER, createdBy: 'k' as DeviceKey, now: NOW },
    );
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.map((e) => e.code).sort()).toEqual(['badSeats', 'closesInPast', 'duplicateOption', 'required']);
  });
});
