import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CliIo, runCli } from '../../../src/cli/tally';

const root = join(import.meta.dirname, '../../..');
let dir = '';

const file = (name: string, content: string): string => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};

/**
 * Runs `node scripts/tally.mjs ...args` like `npm run --silent tally -- ...args`. `messages` are
 * the CLI's own stderr lines: if someone else's build emptied build/node meanwhile, the script
 * rebuilds and vite's log lines come first on stderr.
 */
const tally = (...args: string[]) => {
  const run = spawnSync(process.execPath, [join(root, 'scripts/tally.mjs'), ...args], { cwd: root, encoding: 'utf8', timeout: 120_000 });
  const messages = run.stderr.split('\n').filter((line) => line.startsWith('tally:'));
  return { code: run.status, stdout: run.stdout, stderr: run.stderr, messages };
};

const tennessee = JSON.stringify({
  method: 'irv',
  candidates: ['Memphis', 'Nashville', 'Chattanooga', 'Knoxville'],
  ballots: [
    { ranking: ['Memphis', 'Nashville', 'Chattanooga', 'Knoxville'], count: 42 },
    { ranking: ['Nashville', 'Chattanooga', 'Knoxville', 'Memphis'], count: 26 },
    { ranking: ['Chattanooga', 'Knoxville', 'Nashville', 'Memphis'], count: 15 },
    { ranking: ['Knoxville', 'Chattanooga', 'Nashville', 'Memphis'], count: 17 },
  ],
});

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'tally-cli-'));
  // The first run (re)builds build/node/tally.mjs when the sources are newer; build output goes to stderr.
  const warmUp = tally(file('warm-up.json', tennessee));
  expect(warmUp.code, warmUp.stderr).toBe(0);
}, 180_000);

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

// Generous: a concurrent build elsewhere can force a rebuild inside any of these runs.
describe('scripts/tally.mjs', { timeout: 120_000 }, () => {
  it('prints pure JSON on stdout for good input', () => {
    const run = tally(file('good.json', tennessee));
    expect(run.code).toBe(0);
    const result = JSON.parse(run.stdout);
    expect(result.winners).toEqual(['Knoxville']);
    expect(result.rounds.map((round: { eliminated: string[] }) => round.eliminated)).toEqual([['Chattanooga'], ['Nashville'], []]);
    expect(result.rounds[2].tally).toEqual({ Memphis: 42, Knoxville: 58 });
  });

  it('prints schulze matrices and STV rounds', () => {
    const schulze = tally(file('schulze.json', JSON.stringify({ method: 'Schulze', candidates: ['A', 'B'], ballots: [{ ranking: ['B', 'A'], count: 2 }, { ranking: ['A'] }] })));
    expect(schulze.code).toBe(0);
    expect(JSON.parse(schulze.stdout)).toMatchObject({ winners: ['B'], pairwise: { A: { B: 1 }, B: { A: 2 } }, strongestPaths: { A: { B: 0 }, B: { A: 2 } } });
    const stv = tally(file('stv.json', JSON.stringify({ method: 'stv', seats: 2, candidates: ['A', 'B', 'C'], ballots: [{ ranking: ['A', 'B'], count: 5 }, { ranking: ['C'] }] })));
    expect(JSON.parse(stv.stdout)).toMatchObject({ winners: ['A', 'B'], quota: 3 });
  });

  it.each([
    ['bad JSON', '{"method": "irv", ', 'is not valid JSON'],
    ['an unknown method', JSON.stringify({ method: 'borda', candidates: ['A'], ballots: [] }), 'unknown method "borda"'],
    ['an unknown candidate', JSON.stringify({ method: 'irv', candidates: ['A', 'B'], ballots: [{ ranking: ['A'] }, { ranking: ['B', 'Zed'] }] }), 'ballots[1]: unknown candidate "Zed"'],
    ['a negative count', JSON.stringify({ method: 'approval', candidates: ['A'], ballots: [{ approved: ['A'], count: -2 }] }), 'ballots[0].count'],
    ['too many seats', JSON.stringify({ method: 'stv', seats: 3, candidates: ['A', 'B'], ballots: [] }), '"seats"'],
    ['duplicate candidates', JSON.stringify({ method: 'schulze', candidates: ['A', 'A'], ballots: [] }), 'duplicate candidate "A"'],
    ['a score out of range', JSON.stringify({ method: 'score', candidates: ['A'], ballots: [{ scores: { A: 9 } }] }), 'from 0 to 5'],
  ])('exits 2 with a one-line message on stderr for %s', (name, content, message) => {
    const run = tally(file(`${name.replaceAll(' ', '-')}.json`, content));
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.messages).toHaveLength(1);
    expect(run.messages[0]).toContain(message);
  });

  it('exits 2 for a missing file', () => {
    const run = tally(join(dir, 'nope.json'));
    expect(run.code).toBe(2);
    expect(run.messages).toHaveLength(1);
    expect(run.messages[0]).toMatch(/^tally: cannot read .*nope\.json: .*ENOENT/);
  });
});

describe('runCli', () => {
  const capture = (files: Record<string, string>) => {
    const out: string[] = [];
    const errors: string[] = [];
    const io: CliIo = {
      stdout: (text) => out.push(text),
      stderr: (text) => errors.push(text),
      readFile: (path) => {
        const content = files[path];
        if (content === undefined) throw new Error(`ENOENT: no such file, open '${path}'`);
        return content;
      },
    };
    return { io, out, errors };
  };

  it('needs exactly one file argument', () => {
    const { io, errors } = capture({});
    expect(runCli([], io)).toBe(2);
    expect(runCli(['a.json', 'b.json'], io)).toBe(2);
    expect(errors.join('')).toContain('usage:');
  });

  it('accepts a byte-order mark and runs yes/no polls', () => {
    const { io, out } = capture({ 'p.json': `\uFEFF${JSON.stringify({ method: 'yesno', ballots: [{ vote: 'yes' }] })}` });
    expect(runCli(['p.json'], io)).toBe(0);
    expect(JSON.parse(out.join(''))).toMatchObject({ method: 'yesno', outcome: 'passed' });
  });

  it('reports invalid input on one line', () => {
    const { io, errors } = capture({ 'p.json': '[1, 2' });
    expect(runCli(['p.json'], io)).toBe(2);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^tally: p\.json is not valid JSON: [^\n]*\n$/);
  });
});
