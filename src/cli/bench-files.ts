import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { type DeviceKeyPair, generateDeviceKeyPair } from '../crypto/ed25519';
import type { ChapterId } from '../domain/membership/types';
import { buildAudit } from '../domain/polls';
import { BENCH_CANDIDATES, benchBallots } from './bench-ballots';
import { castAndClose, membersWith, signedPoll } from './closed-poll';

/**
 * `npm run bench` inputs for the tally CLI, written once to build/bench/:
 * - ranked-100k.json: 100,000 ranked ballots over 10 options in the CLI's minimal format;
 * - audit-10k.json: a closed Schulze poll exported the way the app does, with 10,000 members,
 *   each with their own device key and one signed ballot, and the teller's close record.
 * Usage: node build/node/bench-files.mjs DIR [BALLOTS]
 */
const CHAPTER = 'benchchapter0000000000000' as ChapterId;

async function audit(size: number): Promise<unknown> {
  const keys: DeviceKeyPair[] = [];
  for (let i = 0; i < size; i++) keys.push(await generateDeviceKeyPair());
  const voters = membersWith(keys);
  const poll = await signedPoll({ options: [...BENCH_CANDIDATES], method: 'schulze' }, keys[0]!, CHAPTER, voters);
  const choices = benchBallots(size, 7).map(({ ranking }) => ({ ranking }));
  const { ballots, close, count } = await castAndClose(poll, keys, voters, choices);
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
