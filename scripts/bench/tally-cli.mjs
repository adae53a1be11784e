// `npm run bench` rows for the tally CLI as a person runs it: wall time of
// `node build/node/tally.mjs FILE` minus that of `node -e 0` (Node's start-up), median of 5.
// Inputs come from build/node/bench-files.mjs (seeded, written once to build/bench/).
// Run alone: node scripts/bench/tally-cli.mjs
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const DIR = 'build/bench';
const FILES = ['ranked-100k.json', 'ranked-100k-irv.json', 'audit-10k.json'];

const median = (values) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)];

function wallMs(args, repeats = 5) {
  const samples = [];
  for (let i = 0; i < repeats; i++) {
    const start = performance.now();
    const run = spawnSync(process.execPath, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    samples.push(performance.now() - start);
    if (run.status !== 0) throw new Error(`${args.join(' ')} exited with ${run.status}: ${run.stderr}`);
  }
  return median(samples);
}

export function measureTallyCli() {
  if (FILES.some((file) => !existsSync(`${DIR}/${file}`))) {
    const made = spawnSync(process.execPath, ['build/node/bench-files.mjs', DIR, '10000'], { stdio: 'inherit' });
    if (made.status !== 0) return null;
  }
  const startMs = wallMs(['-e', '0'], 7);
  return {
    startMs,
    schulzeMs: wallMs(['build/node/tally.mjs', `${DIR}/ranked-100k.json`]) - startMs,
    irvMs: wallMs(['build/node/tally.mjs', `${DIR}/ranked-100k-irv.json`]) - startMs,
    verifyMs: wallMs(['build/node/tally.mjs', '--verify', `${DIR}/audit-10k.json`], 3) - startMs,
  };
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(measureTallyCli());
