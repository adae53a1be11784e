// The busy chapter in real headless Chromium: how long a cold, offline start takes to paint it from
// the summary kept on the device, and to show the live document read from IndexedDB (unthrottled
// and with 4× CPU throttling), the JS heap once it is shown, and 10,000 Ed25519
// signature verifications through WebCrypto. The baseline for the cold start: the same page origin
// reading the document's stored updates straight from IndexedDB and applying them to a fresh Y.Doc.
import { mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { build, createServer } from 'vite';
import * as Y from 'yjs';

const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const SEED = 20_210_104;
const SECRET = 'b'.repeat(43);

/** The busy chapter (src/cli/busy-chapter.ts, same seed as bench-dataset) as an importable bundle file. */
async function busyBundle() {
  // Vite loads the TypeScript sources directly, so the bench needs no extra build entry.
  const vite = await createServer({ configFile: false, root: process.cwd(), server: { middlewareMode: true, hmr: false, ws: false }, appType: 'custom', logLevel: 'error', optimizeDeps: { noDiscovery: true } });
  try {
    const { buildBusyChapter } = await vite.ssrLoadModule('/src/cli/busy-chapter.ts');
    const { encodeBundle } = await vite.ssrLoadModule('/src/sync/bundle/format.ts');
    const doc = buildBusyChapter(SEED);
    const update = Y.encodeStateAsUpdate(doc);
    const docId = 'busychapterbench00000000';
    const bytes = await encodeBundle([{ docId, kind: 'chapter', title: 'Busy chapter', secret: SECRET, update }], { appVersion: 'bench', includeSecrets: true });
    return { docId, bytes, title: doc.getMap('chapter').get('name') };
  } finally {
    await vite.close();
  }
}

/** Yjs as one classic script (window.BenchYjs), evaluated into a page for the raw baseline. */
async function yjsScript() {
  // Under build/ (ignored by git): the entry must resolve yjs from this repository's node_modules.
  await mkdir('build/bench', { recursive: true });
  const entry = join(process.cwd(), 'build/bench/yjs-entry.js');
  await writeFile(entry, "export { Doc, applyUpdate, transact } from 'yjs';\n");
  const result = await build({ configFile: false, logLevel: 'error', build: { write: false, lib: { entry, formats: ['iife'], name: 'BenchYjs' } } });
  return (Array.isArray(result) ? result[0] : result).output[0].code;
}

/** Raw baseline: open the document's IndexedDB store, read every stored update, apply them in one transaction. */
async function rawReadAndApply(context, url, throttle, script, dbName) {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  // A file from the precache: same origin (same IndexedDB), and no app code runs in it.
  await page.goto(new URL('/icons/favicon-48.png', url).href);
  await page.evaluate(script);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
  const result = await page.evaluate(async (name) => {
    const start = performance.now();
    const db = await new Promise((resolve, reject) => {
      const open = indexedDB.open(name);
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const updates = await new Promise((resolve, reject) => {
      const request = db.transaction('updates').objectStore('updates').getAll();
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const doc = new window.BenchYjs.Doc();
    window.BenchYjs.transact(doc, () => {
      for (const update of updates) window.BenchYjs.applyUpdate(doc, update);
    });
    const ms = performance.now() - start;
    db.close();
    return { ms, updates: updates.length, name: doc.getMap('chapter').get('name') };
  }, dbName);
  await page.close();
  if (!result.name) throw new Error(`the raw read found no chapter in ${dbName} (${result.updates} updates)`);
  return result.ms;
}

/** Milliseconds from navigation start until the chapter's name and notes field are in the page. */
async function timeToChapter(context, url, throttle) {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
  await page.addInitScript(() => {
    const seen = () => {
      // The summary kept on the device paints first; the live document replaces it once read.
      if (window.__summaryAt === undefined && document.querySelector('[data-testid="chapter-summary-name"]')) window.__summaryAt = performance.now();
      const name = document.querySelector('[data-testid="chapter-name"]');
      // The name comes from the stored document, in the same transaction as everything else.
      if (!name || !document.querySelector('[data-testid="chapter-notes"]')) return false;
      window.__chapterShownAt = performance.now();
      return true;
    };
    const observer = new MutationObserver(() => seen() && observer.disconnect());
    observer.observe(document, { childList: true, subtree: true, characterData: true });
  });
  await page.goto(url);
  await page.waitForFunction(() => window.__chapterShownAt !== undefined, null, { timeout: 120_000, polling: 100 });
  const figures = await page.evaluate(() => ({
    shown: window.__chapterShownAt,
    summary: window.__summaryAt ?? null,
    fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null,
  }));
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  await page.close();
  return { ...figures, heapBytes: usedSize };
}

/** 10,000 verifications over 100 keys and distinct messages, 500 at a time as the entry verifier does. */
async function verifySignatures(context, url) {
  const page = await context.newPage();
  await page.goto(url);
  const result = await page.evaluate(async () => {
    const keys = [];
    for (let i = 0; i < 100; i++) keys.push(await crypto.subtle.generateKey({ name: 'Ed25519' }, false, ['sign', 'verify']));
    const signed = [];
    for (let i = 0; i < 10_000; i++) {
      const key = keys[i % keys.length];
      const data = new TextEncoder().encode(`ballot ${i} ${'x'.repeat(200)}`);
      signed.push({ key: key.publicKey, data, signature: await crypto.subtle.sign('Ed25519', key.privateKey, data) });
    }
    const start = performance.now();
    let valid = 0;
    for (let i = 0; i < signed.length; i += 500) {
      const batch = signed.slice(i, i + 500).map((s) => crypto.subtle.verify('Ed25519', s.key, s.signature, s.data));
      for (const ok of await Promise.all(batch)) if (ok) valid++;
    }
    return { ms: performance.now() - start, valid };
  });
  await page.close();
  if (result.valid !== 10_000) throw new Error(`only ${result.valid} of 10,000 signatures verified`);
  return result.ms;
}

export async function measureBusyBrowser(baseUrl) {
  const bundle = await busyBundle();
  const file = join(tmpdir(), `chapterhouse-busy-${process.pid}.chbundle`);
  await writeFile(file, bundle.bytes);
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ARGS });
  try {
    const context = await browser.newContext();
    const setup = await context.newPage();
    await setup.goto(new URL('/sync', baseUrl).href);
    await setup.getByTestId('bundle-file').setInputFiles(file);
    await setup.getByTestId('bundle-confirm').click();
    await setup.getByTestId('bundle-imported').waitFor({ timeout: 120_000 });
    // Installed and precached: the next starts need no network at all.
    await setup.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    const url = new URL(`/chapters/${bundle.docId}`, baseUrl).href;
    // Let the chapter be written through once (first open migrates and indexes), then start cold.
    await setup.goto(url);
    await setup.getByTestId('chapter-name').waitFor({ timeout: 120_000 });
    // The chapter's summary is written in idle time once the document is read (page.evaluate awaits
    // the lookup; waitForFunction would take the pending promise itself as a yes).
    const hasSummary = (docId) =>
      new Promise((resolve) => {
        const open = indexedDB.open('chapterhouse-catalog');
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains('summaries')) return resolve(false);
          const request = db.transaction('summaries').objectStore('summaries').get(docId);
          request.onsuccess = () => {
            db.close();
            resolve(request.result !== undefined);
          };
        };
      });
    for (let attempt = 0; !(await setup.evaluate(hasSummary, bundle.docId)); attempt++) {
      if (attempt > 240) throw new Error('the chapter summary was never written');
      await setup.waitForTimeout(250);
    }
    await setup.close();
    await context.setOffline(true);
    const script = await yjsScript();
    const runs = {};
    for (const throttle of [1, 4]) {
      const samples = [];
      const raw = [];
      for (let i = 0; i < 3; i++) {
        samples.push(await timeToChapter(context, url, throttle));
        raw.push(await rawReadAndApply(context, url, throttle, script, `chapterhouse-doc-${bundle.docId}`));
      }
      if (process.env.BENCH_DEBUG) console.error(throttle, JSON.stringify(samples));
      // The median of each figure on its own.
      const median = (pick) => samples.map(pick).sort((a, b) => (a ?? Infinity) - (b ?? Infinity))[1];
      runs[throttle] = { raw: raw.sort((a, b) => a - b)[1], shown: median((s) => s.shown), summary: median((s) => s.summary), fcp: median((s) => s.fcp), heapBytes: median((s) => s.heapBytes) };
    }
    await context.setOffline(false);
    const verifyMs = await verifySignatures(context, baseUrl);
    return {
      summaryMs: runs[1].summary,
      summaryThrottledMs: runs[4].summary,
      shownMs: runs[1].shown,
      shownThrottledMs: runs[4].shown,
      rawMs: runs[1].raw,
      rawThrottledMs: runs[4].raw,
      fcpMs: runs[1].fcp,
      fcpThrottledMs: runs[4].fcp,
      heapBytes: runs[1].heapBytes,
      verifyMs,
    };
  } finally {
    await browser.close();
  }
}
