import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { gzipSync } from 'fflate';
import * as Y from 'yjs';
import type { DocId } from '../domain/ids';
import { decodeBundle, encodeBundle } from '../sync/bundle/format';
import { applyImport } from '../sync/bundle/import';
import { BUSY_CHAPTER, buildBusyChapter } from './busy-chapter';

/**
 * `npm run bench` figures for the busy chapter (busy-chapter.ts): document size and growth per
 * year, the cost of loading it (raw Y.applyUpdate is the baseline) and of moving it as a bundle.
 * Prints one JSON line.
 */
const SEED = 20_210_104;
const REPEATS = 5;

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;
const settle = (): number => {
  gc();
  gc();
  return process.memoryUsage().heapUsed;
};

const median = (values: number[]): number => values.sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

async function timed(run: () => unknown | Promise<unknown>): Promise<number> {
  const samples: number[] = [];
  for (let i = 0; i < REPEATS; i++) {
    const start = performance.now();
    await run();
    samples.push(performance.now() - start);
  }
  return median(samples);
}

const buildStart = performance.now();
const bytesPerYear: number[] = [];
const doc = buildBusyChapter(SEED, { onYear: (_, d) => bytesPerYear.push(Y.encodeStateAsUpdate(d).length) });
const buildMs = performance.now() - buildStart;
const update = Y.encodeStateAsUpdate(doc);
doc.destroy();

const gzipBytes = gzipSync(update, { level: 6 }).length;

// Warm up once, then the median of five loads into fresh documents.
Y.applyUpdate(new Y.Doc(), update);
const applyMs = await timed(() => {
  const fresh = new Y.Doc();
  Y.applyUpdate(fresh, update);
  fresh.destroy();
});

const bundle = await encodeBundle([{ docId: 'busychapter0000000000000' as DocId, kind: 'chapter', title: 'Busy chapter', update }], {
  appVersion: 'bench',
  createdAt: '2026-01-01T00:00:00.000Z',
  includeSecrets: false,
});
const importOnce = async (): Promise<Y.Doc> => {
  const decoded = await decodeBundle(bundle);
  if (!decoded.ok) throw new Error(`bundle refused: ${JSON.stringify(decoded.error)}`);
  const fresh = new Y.Doc();
  applyImport(decoded.value, () => fresh);
  return fresh;
};
(await importOnce()).destroy();
const decodeMs = await timed(async () => {
  const decoded = await decodeBundle(bundle);
  if (!decoded.ok) throw new Error('bundle refused');
});
const importMs = await timed(async () => (await importOnce()).destroy());

// Heap held by one loaded document: settle, load, settle again, keep the doc reachable.
const before = settle();
const loaded = new Y.Doc();
Y.applyUpdate(loaded, update);
const heapBytes = settle() - before;
const check = loaded.getMap('polls').size;

const result = {
  seed: SEED,
  shape: BUSY_CHAPTER,
  polls: check,
  buildMs,
  updateBytes: update.length,
  gzipBytes,
  bytesPerYear,
  growthPerYear: bytesPerYear.map((bytes, i) => bytes - (i === 0 ? 0 : bytesPerYear[i - 1]!)),
  applyMs,
  bundleBytes: bundle.length,
  bundleDecodeMs: decodeMs,
  bundleImportMs: importMs,
  importVsApply: importMs / applyMs,
  heapBytes,
};
process.stdout.write(`${JSON.stringify(result)}\n`);
