#!/usr/bin/env node
// `npm run --silent tally -- FILE.json`: count a poll from a JSON file and print the result as
// JSON on stdout. Rebuilds build/node/tally.mjs (from src/cli/tally.ts) first when it is missing
// or older than its sources; the build's output goes to stderr so stdout stays pure JSON.
// Exit codes: 0 ok, 2 bad input (message on stderr), 1 build failure.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { isStale } from './lib/mtime.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bundle = join(root, 'build/node/tally.mjs');
const inputs = ['src/domain/tally', 'src/cli', 'src/domain/result.ts', 'vite.node.config.ts', 'src/domain/polls', 'src/domain/membership', 'src/crypto'];
const lock = join(root, 'build/.tally-build.lock');
const staleLockMs = 120_000;

const needsBuild = () => isStale(root, inputs, [bundle]);

const pause = (ms) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

/** One build at a time: concurrent runs wait for the running build instead of racing it. */
const withBuildLock = (build) => {
  mkdirSync(join(root, 'build'), { recursive: true });
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      let age = 0;
      try {
        age = Date.now() - statSync(lock).mtimeMs;
      } catch {
        continue;
      }
      if (age > staleLockMs) rmSync(lock, { recursive: true, force: true });
      else pause(100);
    }
  }
  try {
    return needsBuild() ? build() : 0;
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
};

const runViteBuild = () => {
  const localVite = join(root, 'node_modules/vite/bin/vite.js');
  const args = ['build', '--config', 'vite.node.config.ts'];
  const onWindows = process.platform === 'win32';
  // Same as `npx vite build ...`, without npx's start-up cost when vite is installed locally.
  const [command, commandArgs, shell] = existsSync(localVite)
    ? [process.execPath, [localVite, ...args], false]
    : [onWindows ? 'npx.cmd' : 'npx', ['vite', ...args], onWindows];
  const result = spawnSync(command, commandArgs, { cwd: root, stdio: ['ignore', 2, 2], shell });
  if (result.error) console.error(`tally: could not run the build: ${result.error.message}`);
  return result.status ?? 1;
};

if (needsBuild()) {
  const status = withBuildLock(runViteBuild);
  if (status !== 0 || !existsSync(bundle)) {
    console.error('tally: building the CLI (vite build --config vite.node.config.ts) failed');
    process.exit(1);
  }
}

const { runCli } = await import(pathToFileURL(bundle).href);
process.exitCode = await runCli(process.argv.slice(2));
