#!/usr/bin/env node
// `npm run lighthouse`: builds when sources changed (like `npm start`), serves the built app on a
// free 127.0.0.1 port, runs Lighthouse in the system Chromium for mobile and desktop, checks that
// the app is installable and starts offline, prints the scores and exits 1 if any is below 95.
// Not part of `npm test`: scores depend on the machine's load. Each form factor is audited five times
// and judged on the median, as Lighthouse's own guide on score variability advises (one run on a busy
// 2-core machine swings by ±8 points); LIGHTHOUSE_RUNS=N changes the count, the range and the load
// average are printed with it.
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import desktopConfig from 'lighthouse/core/config/desktop-config.js';
import puppeteer from 'puppeteer-core';
import { isStale } from './lib/mtime.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const serverEntry = join(root, 'build/node/server.mjs');
const inputs = ['src', 'server', 'public', 'index.html', 'vite.config.ts', 'vite.node.config.ts', 'package.json'];
const chromePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CATEGORIES = ['performance', 'accessibility', 'best-practices'];
const MIN_SCORE = 95;
const RUNS = Math.max(1, Number(process.env.LIGHTHOUSE_RUNS ?? 5) || 5);
const METRICS = [
  ['FCP', 'first-contentful-paint'],
  ['LCP', 'largest-contentful-paint'],
  ['TBT', 'total-blocking-time'],
  ['SI', 'speed-index'],
];
// Under build/: ignored by git and the linters like the build itself.
const reportDir = join(root, 'build/lighthouse');

const run = (command, args, options = {}) =>
  new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: root, stdio: 'inherit', ...options });
    child.once('error', reject);
    child.once('exit', (code) => resolve(code ?? 1));
  });

const freePort = () =>
  new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });

/** Polls until the server answers (it prints its URLs only once it listens). */
async function waitForServer(url, server) {
  for (let attempt = 0; attempt < 100; attempt++) {
    if (server.exitCode !== null) throw new Error(`the server exited with code ${server.exitCode}`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`no answer from ${url}`);
}

/**
 * Lighthouse 12 dropped its PWA category, so installability is asked of Chromium itself
 * (the same check that decides whether it offers "Install app"), plus the manifest fields the
 * home-screen icon, splash and shortcuts need, and a reload with the network off.
 */
async function checkInstallable(port, url) {
  const browser = await puppeteer.connect({ browserURL: `http://127.0.0.1:${port}` });
  const problems = [];
  try {
    const page = await browser.newPage();
    await page.goto(url, { waitUntil: 'load' });
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });
    // The first visit installs the worker; the page is controlled from the next load on.
    await page.reload({ waitUntil: 'load' });
    const session = await page.createCDPSession();
    const { installabilityErrors } = await session.send('Page.getInstallabilityErrors');
    for (const error of installabilityErrors) problems.push(`not installable: ${error.errorId} ${error.errorArguments.map((a) => a.value).join(' ')}`);
    const { url: manifestUrl, errors } = await session.send('Page.getAppManifest');
    for (const error of errors) problems.push(`manifest ${manifestUrl}: ${error.message}`);
    const manifest = await (await fetch(manifestUrl)).json();
    for (const field of ['name', 'short_name', 'start_url', 'background_color', 'theme_color']) {
      if (!manifest[field]) problems.push(`manifest has no ${field}`);
    }
    if (manifest.display !== 'standalone') problems.push('manifest display is not standalone');
    const icons = manifest.icons ?? [];
    if (!icons.some((icon) => icon.sizes === '512x512' && (icon.purpose ?? 'any').includes('any'))) problems.push('no 512px icon (splash screen)');
    if (!icons.some((icon) => (icon.purpose ?? '').includes('maskable'))) problems.push('no maskable icon');
    const shortcuts = (manifest.shortcuts ?? []).map((shortcut) => shortcut.url);
    for (const wanted of ['/new/meeting', '/new/poll']) if (!shortcuts.includes(wanted)) problems.push(`no shortcut ${wanted}`);
    const themeMeta = await page.$eval('meta[name="theme-color"]', (meta) => meta.content).catch(() => null);
    if (!themeMeta) problems.push('no <meta name="theme-color">');
    if (!(await page.evaluate(() => navigator.serviceWorker.controller !== null))) problems.push('the service worker does not control the page');
    // Works offline from the first install: a reload with no network still shows the app.
    await page.setOfflineMode(true);
    await page.reload({ waitUntil: 'load' });
    const started = await page
      .waitForSelector('#main h1', { timeout: 15_000 })
      .then(() => true)
      .catch(() => false);
    if (!started) problems.push('the app does not start offline');
    await page.setOfflineMode(false);
    await page.close();
  } finally {
    await browser.disconnect();
  }
  return problems;
}

/**
 * The page's main-thread tasks after the first paint by CPU time, not wall time: on a busy machine
 * (2 cores shared with Chromium's other processes) a task often waits several times its CPU time,
 * and Lighthouse's simulated 4x slowdown multiplies the wait too. `cpuTBT` applies the same 4x and
 * 50 ms rule to CPU time only: what the blocking time would be on an unloaded machine.
 */
function cpuAfterPaint(result, url, formFactor) {
  const events = result.artifacts?.Trace?.traceEvents ?? [];
  const navigation = events.find((e) => e.name === 'navigationStart' && String(e.args?.data?.documentLoaderURL ?? '').startsWith(url));
  const paintTs = result.lhr.audits.metrics?.details?.items?.[0]?.observedFirstContentfulPaintTs;
  if (!navigation || paintTs === undefined) return 'main-thread CPU n/a';
  const slowdown = formFactor === 'mobile' ? 4 : 1;
  let cpu = 0;
  let wall = 0;
  let cpuTbt = 0;
  for (const e of events) {
    if (e.name !== 'RunTask' || e.ph !== 'X' || e.pid !== navigation.pid || e.tid !== navigation.tid || e.ts < paintTs) continue;
    const ms = (e.tdur ?? e.dur) / 1000;
    cpu += ms;
    wall += e.dur / 1000;
    cpuTbt += Math.max(0, slowdown * ms - 50);
  }
  return `after first paint: main thread ${Math.round(cpu)} ms CPU in ${Math.round(wall)} ms of tasks (cpuTBT ${Math.round(cpuTbt)} ms)`;
}

async function audit(url, formFactor) {
  const chrome = await chromeLauncher.launch({
    chromePath,
    // A fresh profile for every run, so no earlier service worker or cache skews the scores.
    chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run'],
  });
  try {
    const flags = { port: chrome.port, output: 'html', logLevel: 'error', onlyCategories: CATEGORIES };
    const result = await lighthouse(url, flags, formFactor === 'desktop' ? desktopConfig : undefined);
    if (!result) throw new Error('Lighthouse returned no result');
    mkdirSync(reportDir, { recursive: true });
    writeFileSync(join(reportDir, `${formFactor}.html`), result.report);
    // The JSON keeps the long tasks and the boot-up time per script for a closer look.
    writeFileSync(join(reportDir, `${formFactor}.json`), JSON.stringify(result.lhr));
    const scores = Object.fromEntries(CATEGORIES.map((id) => [id, Math.round((result.lhr.categories[id]?.score ?? 0) * 100)]));
    const metrics = `${METRICS.map(([label, id]) => `${label} ${Math.round(result.lhr.audits[id]?.numericValue ?? 0)} ms`).join(' · ')} · CLS ${(result.lhr.audits['cumulative-layout-shift']?.numericValue ?? 0).toFixed(3)}`;
    const failing = Object.values(result.lhr.audits)
      .filter((a) => a.score !== null && a.score < 0.9 && a.scoreDisplayMode !== 'informative' && a.scoreDisplayMode !== 'notApplicable')
      .map((a) => `${a.id} (${a.displayValue ?? a.score})`);
    const installability = formFactor === 'mobile' ? await checkInstallable(chrome.port, url) : [];
    return { scores, metrics: `${metrics} · ${cpuAfterPaint(result, url, formFactor)}`, failing, installability };
  } finally {
    await chrome.kill();
  }
}

if (isStale(root, inputs, [join(root, 'dist/index.html'), serverEntry])) {
  console.log('Building Chapterhouse (sources changed or no build yet)…');
  // Prefer the npm that launched us (npm_execpath), as start.mjs does.
  const npmCli = process.env.npm_execpath;
  const code = npmCli && /\.[cm]?js$/.test(npmCli) ? await run(process.execPath, [npmCli, 'run', 'build']) : await run('npm', ['run', 'build']);
  if (code !== 0) {
    console.error('Build failed.');
    process.exit(code);
  }
}

const port = await freePort();
const url = `http://127.0.0.1:${port}/`;
const server = spawn(process.execPath, [serverEntry], {
  cwd: root,
  env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DIST_DIR: 'dist' },
  stdio: 'ignore',
});
let failed = false;
try {
  await waitForServer(url, server);
  for (const formFactor of ['mobile', 'desktop']) {
    const runs = [];
    for (let run = 0; run < RUNS; run++) {
      const load = loadavg()[0].toFixed(2);
      runs.push(await audit(url, formFactor));
      const { scores: each, metrics } = runs.at(-1);
      if (RUNS > 1) console.log(`  ${formFactor} run ${run + 1} (load ${load}): ${CATEGORIES.map((id) => `${id} ${each[id]}`).join(' · ')} — ${metrics}`);
    }
    // Judged on the median run of each category; the installability check comes from the last run.
    const median = (id) => runs.map((r) => r.scores[id]).sort((a, b) => a - b)[Math.floor(runs.length / 2)];
    const scores = Object.fromEntries(CATEGORIES.map((id) => [id, median(id)]));
    const { failing, installability, metrics } = runs.at(-1);
    const range = (id) => `${Math.min(...runs.map((r) => r.scores[id]))}–${Math.max(...runs.map((r) => r.scores[id]))}`;
    console.log(`\n${formFactor}${RUNS > 1 ? ` (median of ${RUNS})` : ''}: ${CATEGORIES.map((id) => `${id} ${scores[id]}${RUNS > 1 ? ` (${range(id)})` : ''}`).join(' · ')}`);
    if (RUNS === 1) console.log(`  ${metrics}`);
    for (const id of CATEGORIES) {
      if (scores[id] < MIN_SCORE) {
        failed = true;
        console.log(`  ✗ ${id} ${scores[id]} < ${MIN_SCORE}`);
      }
    }
    if (failing.length > 0) console.log(`  audits below 0.9: ${failing.join(', ')}`);
    if (formFactor === 'mobile') {
      if (installability.length === 0) console.log('  installable: yes (Chromium reports no installability errors; manifest, icons, shortcuts, offline start ok)');
      for (const problem of installability) {
        failed = true;
        console.log(`  ✗ ${problem}`);
      }
    }
  }
  console.log(`\nReports: ${join(reportDir, 'mobile.html')}, ${join(reportDir, 'desktop.html')}`);
} catch (error) {
  failed = true;
  console.error(`Lighthouse run failed: ${error instanceof Error ? error.message : String(error)}`);
} finally {
  server.kill('SIGTERM');
}
process.exit(failed ? 1 : 0);
