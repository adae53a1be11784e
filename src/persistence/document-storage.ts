import { IndexeddbPersistence } from 'y-indexeddb';
import type * as Y from 'yjs';
import type { DocId } from '../domain/ids';

export interface DocumentStorage {
  /** Resolves once everything stored on this device has been applied to the document. */
  readonly loaded: Promise<void>;
  /** Resolves once every update made so far has been committed to IndexedDB. */
  flushed(): Promise<void>;
  destroy(): Promise<void>;
  /** Removes the document's data from this device (used by tests and "forget chapter"). */
  clear(): Promise<void>;
}

export const storageName = (docId: DocId): string => `chapterhouse-doc-${docId}`;

export function openDocumentStorage(docId: DocId, doc: Y.Doc): DocumentStorage {
  const persistence = new IndexeddbPersistence(storageName(docId), doc);
  const loaded = persistence.whenSynced.then(() => undefined);
  return {
    loaded,
    // y-indexeddb queues each update in its own readwrite transaction on 'updates';
    // IndexedDB completes readwrite transactions on one store in order, so when a later
    // empty one completes, every earlier update is on disk.
    flushed: async () => {
      await loaded;
      const db = persistence.db;
      if (!db) return;
      await new Promise<void>((resolve, reject) => {
        const transaction = db.transaction(['updates'], 'readwrite');
        transaction.oncomplete = () => resolve();
        transaction.onerror = () => reject(transaction.error);
        transaction.onabort = () => reject(transaction.error);
      });
    },
    destroy: () => persistence.destroy(),
    clear: () => persistence.clearData(),
  };
}
