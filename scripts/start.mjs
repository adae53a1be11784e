#!/usr/bin/env node
// `npm start`: rebuild when sources are newer than the build, then run the bundled
// app + relay server (build/node/server.mjs). Plain Node, no dependencies.
import { spawn } from 'node:child_process';
import { constants } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isStale } from './lib/mtime.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const serverEntry = join(root, 'build/node/server.mjs');
const outputs = [join(root, 'dist/index.html'), serverEntry];
const inputs = ['src', 'server', 'public', 'index.html', 'vite.config.ts', 'vite.node.config.ts', 'package.json'];
const forwardedSignals = ['SIGINT', 'SIGTERM'];

const needsBuild = () => isStale(root, inputs, outputs);

/** Runs a child with inherited stdio, passing our signals on, and resolves with how it ended. */
const run = (command, args, options = {}) =>
  new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: root, stdio: 'inherit', ...options });
    const forward = (signal) => {
      child.kill(signal);
    };
    for (const signal of forwardedSignals) process.on(signal, forward);
    child.once('error', reject);
    child.once('exit', (code, signal) => {
      for (const s of forwardedSignals) process.off(s, forward);
      resolve({ code, signal });
    });
  });

const exitCodeOf = ({ code, signal }) => code ?? (signal ? 128 + (constants.signals[signal] ?? 0) : 1);

/** Prefer the npm that launched us (npm_execpath); fall back to `npm` on PATH. */
const runBuild = () => {
  const npmCli = process.env.npm_execpath;
  if (npmCli && /\.[cm]?js$/.test(npmCli)) return run(process.execPath, [npmCli, 'run', 'build']);
  const onWindows = process.platform === 'win32';
  return run(onWindows ? 'npm.cmd' : 'npm', ['run', 'build'], { shell: onWindows });
};

if (needsBuild()) {
  console.log('Building Chapterhouse (sources changed or no build yet)…');
  const result = await runBuild();
  const code = exitCodeOf(result);
  if (code !== 0) {
    console.error('Build failed; not starting the server.');
    process.exit(code);
  }
}

const result = await run(process.execPath, [serverEntry]);
process.exit(exitCodeOf(result));
