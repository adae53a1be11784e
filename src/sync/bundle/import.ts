import * as Y from 'yjs';
import type { DocumentKind } from '../../domain/document-kind';
import type { DocId } from '../../domain/ids';
import { REMOTE_ORIGIN } from '../transport';
import type { BundleDocument, DecodedBundle } from './format';

/** What importing one document does: creates it, brings changes this device lacks, or nothing. */
export type ImportStatus = 'new' | 'updates' | 'unchanged';

export interface ImportEntry {
  readonly docId: DocId;
  readonly kind: DocumentKind;
  readonly title: string;
  readonly status: ImportStatus;
  readonly carriesSecret: boolean;
}

/** Shown before and after importing: "adds 2 documents, updates 1, 3 unchanged" (wording lives in i18n). */
export interface ImportSummary {
  readonly entries: readonly ImportEntry[];
  readonly added: number;
  readonly updated: number;
  readonly unchanged: number;
}

/** Returns the app's document for an imported entry, creating (and registering its secret) if new. */
export type ImportTarget = (entry: BundleDocument) => Y.Doc;

interface DeleteRange {
  readonly clock: number;
  readonly len: number;
}

// Ranges from createDeleteSetFromStructStore are sorted and merged: one range must cover it all.
function covered(ranges: readonly DeleteRange[] | undefined, { clock, len }: DeleteRange): boolean {
  if (!ranges) return false;
  let lo = 0;
  let hi = ranges.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const range = ranges[mid]!;
    if (range.clock > clock) hi = mid - 1;
    else if (range.clock + range.len < clock + len) lo = mid + 1;
    else return true;
  }
  return false;
}

/**
 * True when applying `update` would change `doc`. State vectors catch new insertions;
 * deletions add no clock, so the update's delete set is checked against the document's.
 */
export function hasNewChanges(doc: Y.Doc, update: Uint8Array): boolean {
  const have = Y.decodeStateVector(Y.encodeStateVector(doc));
  for (const [client, clock] of Y.decodeStateVector(Y.encodeStateVectorFromUpdate(update))) {
    if (clock > (have.get(client) ?? 0)) return true;
  }
  const deleted = Y.createDeleteSetFromStructStore(doc.store).clients;
  for (const [client, ranges] of Y.decodeUpdate(update).ds.clients) {
    if (ranges.some((range) => range.len > 0 && !covered(deleted.get(client), range))) return true;
  }
  return false;
}

const isEmpty = (doc: Y.Doc): boolean => doc.store.clients.size === 0;

function summarize(entries: readonly ImportEntry[]): ImportSummary {
  const count = (status: ImportStatus) => entries.filter((entry) => entry.status === status).length;
  return { entries, added: count('new'), updated: count('updates'), unchanged: count('unchanged') };
}

const entryOf = (doc: BundleDocument, status: ImportStatus): ImportEntry => ({
  docId: doc.docId,
  kind: doc.kind,
  title: doc.title,
  status,
  carriesSecret: doc.secret !== undefined,
});

/** Read-only preview for the confirmation screen; touches no document. */
export function planImport(decoded: DecodedBundle, current: (docId: DocId) => Y.Doc | undefined): ImportSummary {
  return summarize(
    decoded.documents.map((doc) => {
      const existing = current(doc.docId);
      if (!existing) return entryOf(doc, 'new');
      if (!hasNewChanges(existing, doc.update)) return entryOf(doc, 'unchanged');
      return entryOf(doc, isEmpty(existing) ? 'new' : 'updates');
    }),
  );
}

/**
 * Merges every document (CRDT merge: importing the same file twice changes nothing and emits
 * no update). Call only with a decoded bundle, so validation has already happened in full.
 * Returns what actually changed, observed from the documents' update events.
 */
export function applyImport(decoded: DecodedBundle, target: ImportTarget, origin: unknown = REMOTE_ORIGIN): ImportSummary {
  return summarize(
    decoded.documents.map((entry) => {
      const doc = target(entry);
      const wasEmpty = isEmpty(doc);
      let changed = false;
      const onUpdate = () => {
        changed = true;
      };
      doc.on('update', onUpdate);
      try {
        Y.applyUpdate(doc, entry.update, origin);
      } finally {
        doc.off('update', onUpdate);
      }
      return entryOf(entry, changed ? (wasEmpty ? 'new' : 'updates') : 'unchanged');
    }),
  );
}
