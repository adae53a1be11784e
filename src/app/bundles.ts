import * as Y from 'yjs';
import type { DocId } from '../domain/ids';
import type { Result } from '../domain/result';
import { err, ok } from '../domain/result';
import { type Catalog, newCatalogEntry } from '../persistence/catalog';
import type { BundleErrorKind } from '../sync/bundle/errors';
import type { BundleDocument, DecodedBundle } from '../sync/bundle/format';
import type { ImportSummary } from '../sync/bundle/import';
import type { DocumentStorage } from '../persistence/document-storage';
import type { DocumentRegistry } from './documents';
import type { SyncActivity } from './sync-activity';

// The bundle codec (fflate, hashing) loads only when someone exports or imports.
const codec = () => Promise.all([import('../sync/bundle/format'), import('../sync/bundle/import')]).then(([format, plan]) => ({ ...format, ...plan }));

export type { BundleErrorKind, ImportSummary };

export interface ExportedBundle {
  readonly bytes: Uint8Array<ArrayBuffer>;
  readonly fileName: string;
  readonly documents: number;
}

export interface ImportPreview {
  readonly summary: ImportSummary;
  /** Documents this device does not know and the file carries no secret for: not imported. */
  readonly skipped: number;
  /** Merges the file into this device's documents (idempotent: a second time changes nothing). */
  apply(): Promise<ImportSummary>;
}

const MIME = 'application/vnd.chapterhouse.bundle';
export const BUNDLE_MIME = MIME;
export const BUNDLE_EXTENSION = '.chbundle';

/** File bundles: export documents to one file, and import one after validating it completely. */
export function createBundles(deps: {
  readonly catalog: Catalog;
  readonly documents: DocumentRegistry;
  readonly activity: SyncActivity;
  readonly appVersion: string;
  readonly now: () => string;
}) {
  const { catalog, documents, activity } = deps;

  const loadedDoc = async (docId: DocId): Promise<Y.Doc | undefined> => {
    const entry = await catalog.get(docId);
    if (!entry) return undefined;
    await documents.ready();
    const opened = documents.openDocument(docId, entry.secret);
    await opened.storage.loaded;
    return opened.doc;
  };

  /** All documents on this device, or the selected ones. Secrets are included (moving to my other device). */
  async function exportBundle(selected?: readonly DocId[], options: { includeSecrets?: boolean } = {}): Promise<ExportedBundle> {
    const entries = (await catalog.list()).filter((entry) => !selected || selected.includes(entry.id));
    const inputs = [];
    const vectors = new Map<DocId, Uint8Array>();
    for (const entry of entries) {
      const doc = await loadedDoc(entry.id);
      if (!doc) continue;
      vectors.set(entry.id, Y.encodeStateVector(doc));
      inputs.push({ docId: entry.id, kind: entry.kind, title: entry.title, secret: entry.secret, update: Y.encodeStateAsUpdate(doc) });
    }
    const createdAt = deps.now();
    const { encodeBundle } = await codec();
    const bytes = await encodeBundle(inputs, { appVersion: deps.appVersion, createdAt, includeSecrets: options.includeSecrets ?? true });
    // The file now holds this state: what it carries is no longer only on this device.
    for (const [docId, vector] of vectors) activity.confirmShared(docId, vector, 'file');
    activity.record('exported', inputs.length);
    const stamp = createdAt.slice(0, 16).replace(/[:T]/g, '-');
    return { bytes: bytes as Uint8Array<ArrayBuffer>, fileName: `chapterhouse-${stamp}${BUNDLE_EXTENSION}`, documents: inputs.length };
  }

  /** Decodes and validates the whole file, then plans; nothing changes until apply(). */
  async function readImport(bytes: Uint8Array): Promise<Result<ImportPreview, BundleErrorKind>> {
    const { decodeBundle, planImport, applyImport } = await codec();
    const decoded = await decodeBundle(bytes);
    if (!decoded.ok) return err(decoded.error.kind);
    const known = new Map<DocId, Y.Doc>();
    const importable: BundleDocument[] = [];
    for (const doc of decoded.value.documents) {
      const existing = await loadedDoc(doc.docId);
      if (existing) known.set(doc.docId, existing);
      if (existing || doc.secret !== undefined) importable.push(doc);
    }
    const bundle: DecodedBundle = { ...decoded.value, documents: importable };
    const summary = planImport(bundle, (docId) => known.get(docId));
    let applied: ImportSummary | null = null;
    return ok({
      summary,
      skipped: decoded.value.documents.length - importable.length,
      async apply() {
        if (applied) return applied;
        const now = deps.now();
        const targets = new Map<DocId, Y.Doc>();
        const written = new Set<DocumentStorage>();
        for (const doc of importable) {
          const existing = known.get(doc.docId) ?? (await loadedDoc(doc.docId));
          if (existing) {
            targets.set(doc.docId, existing);
            const storage = documents.get(doc.docId)?.storage;
            if (storage) written.add(storage);
            continue;
          }
          // New here: it gets a catalog entry, so it appears on the start screen.
          const secret = doc.secret!;
          await documents.ready();
          await catalog.put(newCatalogEntry({ id: doc.docId, kind: doc.kind, title: doc.title, secret }, now));
          const opened = documents.openDocument(doc.docId, secret);
          await opened.storage.loaded;
          targets.set(doc.docId, opened.doc);
          written.add(opened.storage);
        }
        applied = applyImport(bundle, (doc) => targets.get(doc.docId)!);
        // "Imported" means on the disk: a big document takes seconds to write, and closing the page
        // before then would lose it. A failed write shows as the header's save error, with export.
        await Promise.all([...written].map((storage) => storage.flushed().catch(() => undefined)));
        for (const doc of importable) activity.confirmShared(doc.docId, Y.encodeStateVectorFromUpdate(doc.update), 'file');
        activity.record('imported', applied.added + applied.updated);
        return applied;
      },
    });
  }

  return { exportBundle, readImport };
}

export type Bundles = ReturnType<typeof createBundles>;
