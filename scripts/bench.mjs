// `npm run bench`: prints figures and ratios against baselines measured in the same run.
// Timing goals live here, never in timed tests.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { measureBundle } from './bench/bundle-size.mjs';
import { measureBusyBrowser } from './bench/busy-browser.mjs';
import { measureEditLatency } from './bench/edit-latency.mjs';
import { membershipRows } from './bench/membership.mjs';
import { measureTallyCli } from './bench/tally-cli.mjs';

const rows = [];
const row = (name, value, goal, ok) => rows.push({ name, value, goal, verdict: ok === undefined ? '' : ok ? 'ok' : 'MISSED' });
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
const ms = (value) => `${value.toFixed(1)} ms`;

const nodeEntries = ['bench-tally', 'bench-dataset', 'bench-files', 'tally'].map((name) => `build/node/${name}.mjs`);
if (!existsSync('dist/index.html') || nodeEntries.some((entry) => !existsSync(entry)) || process.env.BENCH_REBUILD) {
  const built = spawnSync('npm', ['run', 'build'], { stdio: 'inherit' });
  if (built.status !== 0) process.exit(built.status ?? 1);
}

const bundle = measureBundle('dist');
row('initial JS (gzip)', kb(bundle.initialJs), '≤ 100 KB', bundle.initialJs <= 100 * 1024);
row('precache (gzip)', `${kb(bundle.precache)} in ${bundle.precacheFiles} files`, '≤ 400 KB', bundle.precache <= 400 * 1024);

const tally = spawnSync(process.execPath, ['build/node/bench-tally.mjs'], { encoding: 'utf8' });
if (tally.status === 0) {
  const figures = JSON.parse(tally.stdout);
  row('Schulze, 100,000 ranked ballots × 10', ms(figures.schulzeMs), '< 50 ms', figures.schulzeMs < 50);
  row('IRV, 100,000 ranked ballots × 10', ms(figures.irvMs), '< 50 ms', figures.irvMs < 50);
} else console.error(tally.stderr);

// The tally CLI end to end (read, parse, validate, count, print), minus Node's own start-up.
const cli = measureTallyCli();
if (cli !== null) {
  row('node start-up (baseline)', ms(cli.startMs), '', undefined);
  row('tally CLI, 100,000 ranked, Schulze, beyond start-up', ms(cli.schulzeMs), '< 200 ms', cli.schulzeMs < 200);
  row('tally CLI, 100,000 ranked, IRV, beyond start-up', ms(cli.irvMs), '< 200 ms', cli.irvMs < 200);
  row('tally --verify, 10,000 signed ballots, beyond start-up', ms(cli.verifyMs), '', undefined);
}

// Busy chapter (5 years, 260 meetings, 500 polls, 200 members): raw Y.applyUpdate is the baseline.
const dataset = spawnSync(process.execPath, ['build/node/bench-dataset.mjs'], { encoding: 'utf8', maxBuffer: 1 << 20 });
if (dataset.status === 0) {
  const figures = JSON.parse(dataset.stdout);
  const mb = (bytes) => `${(bytes / 1024 / 1024).toFixed(2)} MB`;
  row('busy chapter: update size', mb(figures.updateBytes), '', undefined);
  row('busy chapter: update, gzip', mb(figures.gzipBytes), '', undefined);
  row('busy chapter: growth per year', figures.growthPerYear.map(mb).join(', '), '', undefined);
  row('busy chapter: Y.applyUpdate (baseline)', ms(figures.applyMs), '', undefined);
  row('busy chapter: bundle size', mb(figures.bundleBytes), '', undefined);
  row('busy chapter: bundle decode + import', ms(figures.bundleImportMs), '', undefined);
  row('busy chapter: import / raw apply', `${figures.importVsApply.toFixed(2)}×`, '', undefined);
  row('busy chapter: heap after load', mb(figures.heapBytes), '', undefined);
} else console.error(dataset.stderr);

await membershipRows(row, ms);

const port = 4500 + Math.floor(Math.random() * 400);
const server = spawn(process.execPath, ['build/node/server.mjs'], { env: { ...process.env, PORT: String(port), HOST: '127.0.0.1' }, stdio: ['ignore', 'pipe', 'inherit'] });
await new Promise((resolve, reject) => {
  server.stdout.on('data', (chunk) => String(chunk).includes('Relay:') && resolve());
  server.on('exit', (code) => reject(new Error(`server exited with ${code}`)));
});
try {
  const latency = await measureEditLatency(`http://127.0.0.1:${port}/`);
  row('edit → remote peer, median', ms(latency.median), '< 200 ms', latency.median < 200);
  row('edit → remote peer, p95', ms(latency.p95), '', undefined);
  const busy = await measureBusyBrowser(`http://127.0.0.1:${port}/`);
  // First paint: the chapter's name and latest meetings from the summary kept on the device.
  const summary = (value) => (value === null ? 'not painted' : ms(value));
  row('busy chapter: cold offline start to first paint (summary)', summary(busy.summaryMs), '', undefined);
  row('busy chapter: same, 4× CPU throttling', summary(busy.summaryThrottledMs), '< 1000 ms', busy.summaryThrottledMs !== null && busy.summaryThrottledMs < 1000);
  // Shown: the live document read from IndexedDB (name and editable notes on screen).
  row('busy chapter: cold offline start to live document shown', ms(busy.shownMs), '', undefined);
  row('busy chapter: same, 4× CPU throttling', ms(busy.shownThrottledMs), '', undefined);
  // Baseline in the same browser: the stored updates read from IndexedDB and applied to a fresh Y.Doc.
  row('busy chapter in Chromium: IndexedDB read + Y.applyUpdate (baseline)', ms(busy.rawMs), '', undefined);
  row('busy chapter in Chromium: same, 4× CPU throttling', ms(busy.rawThrottledMs), '', undefined);
  row('busy chapter: live document shown / raw read + apply', `${(busy.shownMs / busy.rawMs).toFixed(2)}×`, '≤ 2×', busy.shownMs / busy.rawMs <= 2);
  row('busy chapter: same, 4× CPU throttling', `${(busy.shownThrottledMs / busy.rawThrottledMs).toFixed(2)}×`, '≤ 2×', busy.shownThrottledMs / busy.rawThrottledMs <= 2);
  row('busy chapter: throttled / unthrottled', `${(busy.shownThrottledMs / busy.shownMs).toFixed(2)}×`, '', undefined);
  if (busy.fcpMs !== null && busy.fcpThrottledMs !== null) row('first contentful paint, 1× / 4× CPU', `${ms(busy.fcpMs)} / ${ms(busy.fcpThrottledMs)}`, '', undefined);
  row('busy chapter: JS heap in Chromium once shown', `${(busy.heapBytes / 1024 / 1024).toFixed(2)} MB`, '', undefined);
  row('10,000 Ed25519 verifications (WebCrypto)', ms(busy.verifyMs), '< 1000 ms', busy.verifyMs < 1000);
} finally {
  server.kill('SIGTERM');
}

const width = Math.max(...rows.map((r) => r.name.length));
console.log('\nChapterhouse bench\n');
for (const r of rows) console.log(`${r.name.padEnd(width)}  ${String(r.value).padEnd(24)} ${r.goal.padEnd(10)} ${r.verdict}`);
