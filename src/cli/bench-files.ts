import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { signBallot, signCloseRecord, signPoll, verifyAllSigned } from '../crypto/ballot-signing';
import { type DeviceKeyPair, generateDeviceKeyPair } from '../crypto/ed25519';
import type { ChapterId, MemberId } from '../domain/membership/types';
import { buildAudit, countPoll, type SignedBallot, validatePollInput, type Voter } from '../domain/polls';
import { BENCH_CANDIDATES, benchBallots } from './bench-ballots';

/**
 * `npm run bench` inputs for the tally CLI, written once to build/bench/:
 * - ranked-100k.json: 100,000 ranked ballots over 10 options in the CLI's minimal format;
 * - audit-10k.json: a closed Schulze poll exported the way the app does, with 10,000 members,
 *   each with their own device key and one signed ballot, and the teller's close record.
 * Usage: node build/node/bench-files.mjs DIR [BALLOTS]
 */
const CHAPTER = 'benchchapter0000000000000' as ChapterId;
const NOW = '2030-01-01T10:00:00.000Z';

async function audit(size: number): Promise<unknown> {
  const keys: DeviceKeyPair[] = [];
  for (let i = 0; i < size; i++) keys.push(await generateDeviceKeyPair());
  const memberId = (i: number) => `m${String(i).padStart(6, '0')}` as MemberId;
  const voters: Voter[] = keys.map((k, i) => ({ memberId: memberId(i), name: `Member ${i}`, active: true, isTeller: i === 0, devices: [{ key: k.publicKey, revoked: false }] }));
  const checked = validatePollInput(
    {
      question: 'Which campaign first?',
      description: '',
      options: [...BENCH_CANDIDATES],
      method: 'schulze',
      seats: 1,
      threshold: 'simple',
      customThreshold: 50,
      quorum: 0,
      closesAt: '2030-01-02T10:00:00.000Z',
      showResultsBeforeClose: false,
      allowBallotChange: true,
      anyMemberMayClose: false,
    },
    { chapterId: CHAPTER, createdBy: keys[0]!.publicKey, now: NOW },
  );
  if (!checked.ok) throw new Error(JSON.stringify(checked.error));
  const poll = await signPoll(checked.value, keys[0]!);
  const rankings = benchBallots(size, 7);
  const ballots: SignedBallot[] = [];
  for (let i = 0; i < size; i++) {
    const choice = { ranking: rankings[i]!.ranking };
    ballots.push(await signBallot({ v: 1, kind: 'ballot', pollId: poll.id, chapterId: CHAPTER, voter: keys[i]!.publicKey, seq: 1, choice, castAt: NOW }, keys[i]!));
  }
  const counted = ballots.map((b) => b.id).sort();
  const close = await signCloseRecord({ v: 1, kind: 'close', pollId: poll.id, chapterId: CHAPTER, closer: keys[0]!.publicKey, closedAt: NOW, early: true, ballots: counted }, keys[0]!);
  const authentic = await verifyAllSigned([...ballots, close]);
  const count = countPoll({ poll, ballots, closes: [close], voters, isAuthentic: (r) => authentic.has(r), now: NOW });
  return buildAudit(poll, count, { voters, ballots, closes: [close] });
}

const write = (path: string, value: unknown): void => {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, JSON.stringify(value));
};

const dir = process.argv[2] ?? 'build/bench';
const size = Number(process.argv[3] ?? 10_000);
write(`${dir}/ranked-100k.json`, { method: 'schulze', candidates: BENCH_CANDIDATES, seats: 1, ballots: benchBallots(100_000, 42) });
write(`${dir}/ranked-100k-irv.json`, { method: 'irv', candidates: BENCH_CANDIDATES, seats: 1, ballots: benchBallots(100_000, 42) });
write(`${dir}/audit-${size / 1000}k.json`, await audit(size));
