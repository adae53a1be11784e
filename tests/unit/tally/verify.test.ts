import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { type CliIo, runCli } from '../../../src/cli/tally';
import { castAndClose, membersWith, signedPoll } from '../../../src/cli/closed-poll';
import { generateDeviceKeyPair } from '../../../src/crypto/ed25519';
import type { ChapterId } from '../../../src/domain/membership/types';
import { buildAudit } from '../../../src/domain/polls';

const CHAPTER = 'chapter-1' as ChapterId;
// biome-ignore lint/suspicious/noExplicitAny: JSON fixtures that the tests alter freely
type Json = Record<string, any>;

let audit: Json = {};

/** A closed Schulze poll among three members, weighted, plus an outsider's ballot, exported the way the app does. */
beforeAll(async () => {
  const keys = await Promise.all([0, 1, 2, 3].map(() => generateDeviceKeyPair()));
  const voters = membersWith(keys.slice(0, 3), ['Ana', 'Ben', 'Cy']);
  const poll = await signedPoll(
    {
      question: 'Which day for the repair café?',
      options: ['Mon', 'Wed', 'Sat'],
      method: 'schulze',
      weights: { kind: 'custom', reason: 'Ana and Ben staff it', weights: { m0: 2, m1: 2, m2: 1 } },
    },
    keys[0]!,
    CHAPTER,
    voters,
  );
  const rankings = [['Wed', 'Sat', 'Mon'], ['Sat', 'Wed', 'Mon'], ['Mon', 'Sat', 'Wed'], ['Mon', 'Wed', 'Sat']];
  const { ballots, close, count } = await castAndClose(poll, keys, voters, rankings.map((ranking) => ({ ranking })));
  audit = JSON.parse(JSON.stringify(buildAudit(poll, count, { voters, ballots, closes: [close] })));
});

const verify = async (file: unknown) => {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { stdout: (t) => out.push(t), stderr: (t) => err.push(t), readFile: () => JSON.stringify(file) };
  const code = await runCli(['--verify', 'audit.json'], io);
  return { code, report: out.length ? JSON.parse(out.join('')) : null, stderr: err.join('') };
};

const clone = (): Json => JSON.parse(JSON.stringify(audit));

describe('tally --verify', () => {
  it('verifies an untouched export: every signature, the counted and rejected ballots, the result', async () => {
    const { code, report, stderr } = await verify(audit);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(report).toMatchObject({ pollSignature: 'valid', status: 'closed', verified: true, matchesExport: { counted: true, result: true } });
    expect(report.counted.map((c: Json) => [c.memberId, c.weight])).toEqual([
      ['m0', 2],
      ['m1', 2],
      ['m2', 1],
    ]);
    expect(report.rejected).toEqual([expect.objectContaining({ reason: 'notAMember' })]);
    expect(report.closeRecords).toEqual([expect.objectContaining({ valid: true, chosen: true })]);
    expect(report.result).toEqual(audit.result);
  });

  it('rejects an altered ballot with its reason and fails verification', async () => {
    const file = clone();
    const target = file.records.ballots[1];
    target.choice = { ranking: ['Mon', 'Wed', 'Sat'] };
    const { code, report, stderr } = await verify(file);
    expect(code).toBe(1);
    expect(report.verified).toBe(false);
    expect(report.rejected).toContainEqual(expect.objectContaining({ id: target.id, reason: 'badSignature' }));
    // The close record names a ballot that no longer verifies, so the poll is not final here.
    expect(report.status).not.toBe('closed');
    expect(stderr).toMatch(/^tally: audit\.json: not verified: /);
  });

  it('fails when the poll definition (e.g. its weights) was altered, or the claimed result was', async () => {
    const weights = clone();
    weights.poll.weightRule.weights.m2 = 50;
    const w = await verify(weights);
    expect(w.code).toBe(1);
    expect(w.report.pollSignature).toBe('invalid');

    const result = clone();
    result.result.winners = ['Mon'];
    const r = await verify(result);
    expect(r.code).toBe(1);
    expect(r.report.matchesExport).toEqual({ counted: true, result: false });
  });

  it('refuses files that cannot be verified with exit code 2', async () => {
    const { records: _records, ...old } = clone();
    expect((await verify(old)).code).toBe(2);
    expect((await verify({ method: 'irv', candidates: [], ballots: [] })).stderr).toMatch(/not a chapterhouse-poll-audit file/);
    const members = clone();
    members.members[0].devices = 'nope';
    const bad = await verify(members);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/members\[0\]\.devices must be an array/);
  });

  it('works through npm run tally (the built CLI)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tally-verify-'));
    try {
      const path = join(dir, 'audit.json');
      writeFileSync(path, JSON.stringify(audit));
      const root = join(import.meta.dirname, '../../..');
      const run = spawnSync(process.execPath, [join(root, 'scripts/tally.mjs'), '--verify', path], { cwd: root, encoding: 'utf8', timeout: 120_000 });
      expect(run.status, run.stderr).toBe(0);
      expect(JSON.parse(run.stdout)).toMatchObject({ verified: true, pollId: audit.pollId });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 180_000);
});
