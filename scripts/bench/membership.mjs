// Validating a 10,000-entry membership log in real Chromium: cold (no key imported, nothing
// verified) and after one new entry (only that entry is verified again).
// Run alone: node scripts/bench/membership.mjs (MEMBERSHIP_POOL_SIZE=1 to compare with one worker,
// MEMBERSHIP_POOL=off for this thread only, MEMBERSHIP_RUNS, MEMBERSHIP_ENTRIES).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import { build } from 'rolldown';

const ARGS = ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const root = resolve(fileURLToPath(import.meta.url), '../../..');
const src = (path) => JSON.stringify(join(root, 'src', path));

// The page-side code: builds the log with real signatures, then times validateSignedLog.
const ENTRY = `
import { clearImportedKeys, generateDeviceKeyPair } from ${src('crypto/ed25519.ts')};
import { createEntryVerifier, signEntry, validateSignedLog } from ${src('crypto/entry-signing.ts')};
import { draftEntry } from ${src('domain/membership/draft.ts')};
import { validateLog } from ${src('domain/membership/validate.ts')};
import { createVerifyPool, defaultPoolSize } from ${src('crypto/verify-pool.ts')};

const CHAPTER = 'benchchapter0000000000000';
async function makeLog(size) {
  const entries = [];
  let head = null;
  const add = async (body, signer) => {
    const parents = head ? [head] : [];
    const entry = await signEntry(draftEntry(body, { chapterId: CHAPTER, author: signer.publicKey, parents, createdAt: '2026-01-01T00:00:00Z' }), signer);
    entries.push(entry);
    head = entry;
    return entry;
  };
  const founder = await generateDeviceKeyPair();
  await add({ type: 'found', memberId: 'benchfounder000000001', name: 'Founder', deviceKey: founder.publicKey }, founder);
  const members = [founder];
  // Realistic mix: mostly joins (request + admit by an existing member), some roles and devices.
  while (entries.length < size) {
    const device = await generateDeviceKeyPair();
    const request = await add({ type: 'request', name: 'Member ' + entries.length, deviceKey: device.publicKey }, device);
    if (entries.length >= size) break;
    await add({ type: 'admit', requestId: request.id }, members[entries.length % members.length]);
    members.push(device);
    if (entries.length < size && members.length % 10 === 0) await add({ type: 'grant-role', memberId: request.id, role: 'teller' }, founder);
  }
  return { entries, founder };
}

// Same pool size as the app (src/app/trusted-verifier.ts); 0 = everything on this thread.
const appPoolSize = () => window.__poolSize ?? defaultPoolSize(navigator.hardwareConcurrency);
// Three steps, so the bench can read each thread's CPU time around the cold validation alone.
let bench = null;
window.prepareBench = async (size, pooled) => {
  const workerUrl = URL.createObjectURL(new Blob([window.__workerCode], { type: 'text/javascript' }));
  const dispatch = pooled ? createVerifyPool(() => new Worker(workerUrl), appPoolSize()) : undefined;
  const built = await makeLog(size);
  // Fresh objects, as read from the CRDT after a reload: no identity cache can help.
  const entries = JSON.parse(JSON.stringify(built.entries));
  bench = { size, dispatch, built, entries, options: { chapterId: CHAPTER, genesisId: entries[0].id } };
};
window.coldBench = async () => {
  const { dispatch, entries, options } = bench;
  clearImportedKeys();
  const verifier = createEntryVerifier({ dispatch });
  const t0 = performance.now();
  const cold = await validateSignedLog(entries, options, verifier);
  Object.assign(bench, { verifier, cold, coldMs: performance.now() - t0 });
};
window.restBench = async () => {
  const { size, dispatch, built, entries, options, verifier, cold, coldMs } = bench;
  const last = entries[entries.length - 1];
  const next = await signEntry(draftEntry({ type: 'leave' }, { chapterId: CHAPTER, author: built.founder.publicKey, parents: [last], createdAt: '2026-01-02T00:00:00Z' }), built.founder);
  entries.push(JSON.parse(JSON.stringify(next)));
  const t1 = performance.now();
  const warm = await validateSignedLog(entries, options, verifier);
  const updateMs = performance.now() - t1;
  // A reload: new objects, no imported keys, but the tokens the app keeps from the last session.
  const reloaded = JSON.parse(JSON.stringify(entries));
  clearImportedKeys();
  const remembered = createEntryVerifier({ trusted: verifier.verifiedTokens(), dispatch });
  const t2 = performance.now();
  const again = await validateSignedLog(reloaded, options, remembered);
  const reloadMs = performance.now() - t2;
  // The rules alone (signatures taken as checked): what is left once every signature is known.
  const plain = JSON.parse(JSON.stringify(entries));
  const t3 = performance.now();
  validateLog(plain, () => true, options);
  const rulesMs = performance.now() - t3;
  const valid = (state) => state.verdicts.filter((v) => v.status === 'valid').length;
  return { size, coldMs, updateMs, reloadMs, rulesMs, coldValid: valid(cold), warmValid: valid(warm), reloadValid: valid(again), members: cold.members.length };
};
`;

/** CPU time (ms) per thread of the browser's processes, from /proc (Linux); null elsewhere. */
function threadCpu(rootPid) {
  if (rootPid === undefined || !existsSync(`/proc/${rootPid}`)) return null;
  const tick = 1000 / 100; // USER_HZ
  const children = new Map();
  for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      children.set(parent, [...(children.get(parent) ?? []), Number(pid)]);
    } catch {
      // gone meanwhile
    }
  }
  const cpu = new Map();
  const walk = (pid) => {
    try {
      for (const tid of readdirSync(`/proc/${pid}/task`)) {
        const stat = readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8');
        const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        cpu.set(`${pid}/${tid}`, (Number(fields[11]) + Number(fields[12])) * tick);
      }
    } catch {
      // gone meanwhile
    }
    for (const child of children.get(pid) ?? []) walk(child);
  };
  walk(rootPid);
  return cpu;
}

/** The busiest thread's CPU time between two readings: the critical path, whatever else loads the machine. */
function busiestThreadMs(before, after) {
  if (before === null || after === null) return null;
  let busiest = 0;
  for (const [thread, ms] of after) busiest = Math.max(busiest, ms - (before.get(thread) ?? 0));
  return busiest;
}

async function bundlePageScript() {
  const dir = await mkdtemp(join(tmpdir(), 'membership-bench-'));
  const bundle = async (input) =>
    (await build({ input, write: false, output: { format: 'iife' }, platform: 'browser', logLevel: 'silent', cwd: root })).output[0].code;
  try {
    const input = join(dir, 'entry.ts');
    await writeFile(input, ENTRY);
    const worker = await bundle(join(root, 'src/crypto/verify-worker.ts'));
    return `window.__workerCode = ${JSON.stringify(worker)};\n${await bundle(input)}`;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

export async function measureMembership({ size = 10_000, runs = 3, pooled = true, poolSize = undefined } = {}) {
  // poolSize: workers to use instead of the app's default (e.g. 1 to compare with one worker).
  const code = `${poolSize === undefined ? '' : `window.__poolSize = ${Number(poolSize)};\n`}${await bundlePageScript()}`;
  const server = await chromium.launchServer({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ARGS });
  const browser = await chromium.connect(server.wsEndpoint());
  const rootPid = server.process().pid;
  try {
    const samples = [];
    for (let i = 0; i < runs; i += 1) {
      // A fresh page per run (cold WebCrypto key cache); an https origin so WebCrypto is available.
      const page = await browser.newPage();
      await page.route('https://bench.invalid/', (route) => route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>bench</title>' }));
      await page.goto('https://bench.invalid/');
      await page.addScriptTag({ content: code });
      await page.evaluate(([n, p]) => window.prepareBench(n, p), [size, pooled]);
      const before = threadCpu(rootPid);
      await page.evaluate(() => window.coldBench());
      const coldCpuMs = busiestThreadMs(before, threadCpu(rootPid));
      samples.push({ ...(await page.evaluate(() => window.restBench())), coldCpuMs });
      await page.close();
    }
    const cold = samples.map((s) => s.coldMs).sort((a, b) => a - b);
    const update = samples.map((s) => s.updateMs).sort((a, b) => a - b);
    const reload = samples.map((s) => s.reloadMs).sort((a, b) => a - b);
    const rules = samples.map((s) => s.rulesMs).sort((a, b) => a - b);
    const cpu = samples.map((s) => s.coldCpuMs).filter((ms) => ms !== null).sort((a, b) => a - b);
    const bad = samples.find((s) => s.coldValid !== s.size || s.warmValid !== s.size + 1 || s.reloadValid !== s.size + 1);
    if (bad) throw new Error(`bench log did not validate: ${JSON.stringify(bad)}`);
    return { size, runs, coldMedian: cold[Math.floor(runs / 2)], coldBest: cold[0], updateMedian: update[Math.floor(runs / 2)], reloadMedian: reload[Math.floor(runs / 2)], rulesMedian: rules[Math.floor(runs / 2)], coldBusiestThreadCpuMedian: cpu.length > 0 ? cpu[Math.floor(cpu.length / 2)] : null, members: samples[0].members };
  } finally {
    await browser.close();
    await server.close();
  }
}

/** The bench.mjs rows: cold, one new entry, and a reload that remembers earlier checks. */
export async function membershipRows(row, ms) {
  const m = await measureMembership();
  row('membership log 10,000 entries, cold', ms(m.coldMedian), '< 1000 ms', m.coldMedian < 1000);
  row('membership log: +1 entry', ms(m.updateMedian), '', undefined);
  row('membership log: reload (remembered)', ms(m.reloadMedian), '', undefined);
  row('membership log: rules only (no signature checks)', ms(m.rulesMedian), '', undefined);
  // Load-independent view of the cold run: CPU time of its busiest thread (Linux only).
  if (m.coldBusiestThreadCpuMedian !== null) row('membership log: cold, busiest thread CPU', ms(m.coldBusiestThreadCpuMedian), '', undefined);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const figures = await measureMembership({
    size: Number(process.env.MEMBERSHIP_ENTRIES ?? 10_000),
    runs: Number(process.env.MEMBERSHIP_RUNS ?? 3),
    pooled: process.env.MEMBERSHIP_POOL !== 'off',
    poolSize: process.env.MEMBERSHIP_POOL_SIZE,
  });
  console.log(JSON.stringify(figures));
}
