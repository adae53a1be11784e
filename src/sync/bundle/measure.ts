import * as Y from 'yjs';
import type { BundleDocumentInput, BundleMeta } from './format';
import { decodeBundle, encodeBundle } from './format';
import { applyImport } from './import';

export type MeasuredDocument = Omit<BundleDocumentInput, 'update'> & { readonly doc: Y.Doc };

/** Numbers to report for a dataset (e.g. a busy chapter: ~260 meetings, 500 polls, 200 members). */
export interface BundleMeasurement {
  readonly documents: number;
  readonly updateBytes: number;
  readonly bundleBytes: number;
  readonly compressionRatio: number;
  readonly exportMs: number;
  /** Validation alone: envelope, hashes, manifest and a trial apply of every update. */
  readonly decodeMs: number;
  /** Merging into empty documents, as on a new device. */
  readonly importMs: number;
  /** Importing the same file again: must change nothing, and should be cheap. */
  readonly reimportMs: number;
}

const elapsed = async <T>(work: () => T | Promise<T>): Promise<readonly [T, number]> => {
  const start = performance.now();
  const value = await work();
  return [value, performance.now() - start];
};

/** Exports the documents to one bundle and imports it into fresh documents, timing each step. */
export async function measureBundle(docs: readonly MeasuredDocument[], meta: BundleMeta = { appVersion: 'bench' }): Promise<BundleMeasurement> {
  const [{ file, updateBytes }, exportMs] = await elapsed(async () => {
    const inputs = docs.map(({ doc, ...rest }) => ({ ...rest, update: Y.encodeStateAsUpdate(doc) }));
    const file = await encodeBundle(inputs, meta);
    return { file, updateBytes: inputs.reduce((sum, input) => sum + input.update.length, 0) };
  });
  const [decoded, decodeMs] = await elapsed(() => decodeBundle(file));
  if (!decoded.ok) throw new Error(`measureBundle: own bundle refused (${decoded.error.kind}: ${decoded.error.detail})`);
  const fresh = new Map<string, Y.Doc>();
  const target = (entry: { readonly docId: string }) => fresh.get(entry.docId) ?? fresh.set(entry.docId, new Y.Doc()).get(entry.docId)!;
  const [, importMs] = await elapsed(() => applyImport(decoded.value, target));
  const [again, reimportMs] = await elapsed(() => applyImport(decoded.value, target));
  if (again.added + again.updated > 0) throw new Error('measureBundle: re-import changed documents');
  for (const doc of fresh.values()) doc.destroy();
  return {
    documents: docs.length,
    updateBytes,
    bundleBytes: file.length,
    compressionRatio: updateBytes === 0 ? 1 : file.length / updateBytes,
    exportMs,
    decodeMs,
    importMs,
    reimportMs,
  };
}
