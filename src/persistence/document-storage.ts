import { IndexeddbPersistence, PREFERRED_TRIM_SIZE, storeState } from 'y-indexeddb';
import * as Y from 'yjs';
import type { DocId } from '../domain/ids';

export interface DocumentStorage {
  /** Resolves once everything stored on this device has been applied to the document. */
  readonly loaded: Promise<void>;
  /**
   * Resolves once every update made so far has been committed to IndexedDB; rejects (e.g. with a
   * QuotaExceededError) when one was not and storing the whole document again failed too.
   */
  flushed(): Promise<void>;
  destroy(): Promise<void>;
  /** Removes the document's data from this device (used by tests and "forget chapter"). */
  clear(): Promise<void>;
}

export const storageName = (docId: DocId): string => `chapterhouse-doc-${docId}`;

/** True for the browser's "storage full" failure (the disk or the origin's quota). */
export const isQuotaError = (error: unknown): boolean => error instanceof Error && error.name === 'QuotaExceededError';

const TRIM_DELAY_MS = 1_000;

export function openDocumentStorage(docId: DocId, doc: Y.Doc): DocumentStorage {
  const persistence = new IndexeddbPersistence(storageName(docId), doc);
  const loaded = persistence.whenSynced.then(() => undefined);
  // The error of the last write that did not reach the disk, until the whole state is stored again.
  let lostWrite: Error | null = null;
  // Writes not yet committed or aborted; each settles (never rejects) once its outcome is known.
  const pending = new Set<Promise<void>>();

  // y-indexeddb's own writer drops the outcome of each write (a full disk would go unnoticed and
  // its rejected promise unhandled), so this one replaces it: same store, same trimming.
  doc.off('update', persistence._storeUpdate);
  let trimTimer: ReturnType<typeof setTimeout> | null = null;
  const storeUpdate = (update: Uint8Array, origin: unknown) => {
    const db = persistence.db;
    if (!db || origin === persistence) return;
    const transaction = db.transaction(['updates'], 'readwrite');
    transaction.objectStore('updates').add(update);
    const settled = new Promise<void>((resolve) => {
      transaction.oncomplete = () => resolve();
      transaction.onabort = () => {
        lostWrite = transaction.error ?? new DOMException('The write was aborted.', 'AbortError');
        resolve();
      };
    });
    pending.add(settled);
    void settled.then(() => pending.delete(settled));
    if (++persistence._dbsize < PREFERRED_TRIM_SIZE) return;
    if (trimTimer !== null) clearTimeout(trimTimer);
    trimTimer = setTimeout(() => {
      trimTimer = null;
      storeState(persistence, false).catch((error: unknown) => {
        lostWrite = error instanceof Error ? error : new Error(String(error));
      });
    }, TRIM_DELAY_MS);
  };
  doc.on('update', storeUpdate);
  const stopQuietLoad = quietLoad(doc, persistence);

  const commit = (db: IDBDatabase, write: (store: IDBObjectStore) => void) =>
    new Promise<void>((resolve, reject) => {
      const transaction = db.transaction(['updates'], 'readwrite');
      write(transaction.objectStore('updates'));
      transaction.oncomplete = () => resolve();
      transaction.onabort = () => reject(transaction.error ?? new DOMException('The write was aborted.', 'AbortError'));
    });

  const stop = () => {
    if (trimTimer !== null) clearTimeout(trimTimer);
    doc.off('update', storeUpdate);
    stopQuietLoad();
  };

  return {
    loaded,
    flushed: async () => {
      await loaded;
      const db = persistence.db;
      if (!db) return;
      await Promise.all([...pending]);
      // Readwrite transactions on one store complete in order: when this empty one completes, so has
      // y-indexeddb's own first write of the loaded state.
      await commit(db, () => undefined);
      if (!lostWrite) return;
      // Updates after a lost one do not carry it: store the whole document once more.
      await commit(db, (store) => store.add(Y.encodeStateAsUpdate(doc)));
      lostWrite = null;
    },
    destroy: () => {
      stop();
      return persistence.destroy();
    },
    clear: () => {
      stop();
      return persistence.clearData();
    },
  };
}

type UpdateListener = (...args: unknown[]) => void;

/**
 * Reading a stored document is one big transaction (origin: the persistence). With any 'update'
 * listener, Yjs would encode all of it again (seconds for a busy chapter) for listeners that do
 * not need the bytes: they are on disk already, and sync connects only once loading is done
 * (documents.ts). So the listeners are set aside until Yjs is past that step, then told with an
 * empty update that the document changed.
 */
function quietLoad(doc: Y.Doc, origin: unknown): () => void {
  const observers = (doc as unknown as { _observers: Map<string, Set<UpdateListener>> })._observers;
  let aside: Set<UpdateListener> | null = null;
  let changed = false;
  const setAside = () => {
    const current = observers.get('update');
    observers.delete('update');
    aside ??= new Set();
    for (const listener of current ?? []) aside.add(listener);
  };
  const restore = () => {
    if (!aside) return;
    // Listeners added meanwhile (by observers of the load) join the ones set aside.
    for (const listener of observers.get('update') ?? []) aside.add(listener);
    if (aside.size > 0) observers.set('update', aside);
    aside = null;
    if (changed) doc.emit('update', [EMPTY_UPDATE, origin, doc, null as unknown as Y.Transaction]);
    changed = false;
  };
  const before = (transaction: Y.Transaction) => {
    if (transaction.origin === origin) setAside();
  };
  // Runs just before Yjs checks for 'update' listeners, once per transaction.
  const cleanup = (transaction: Y.Transaction) => {
    if (transaction.origin !== origin) return restore();
    setAside();
    changed ||= transaction.changed.size > 0 || transaction.deleteSet.clients.size > 0;
  };
  doc.on('beforeTransaction', before);
  doc.on('afterTransactionCleanup', cleanup);
  doc.on('afterAllTransactions', restore);
  return () => {
    restore();
    doc.off('beforeTransaction', before);
    doc.off('afterTransactionCleanup', cleanup);
    doc.off('afterAllTransactions', restore);
  };
}

const EMPTY_UPDATE = new Uint8Array([0, 0]);

/**
 * Storage that starts reading only once `after` settles (the first screen has painted): reading a
 * big document blocks the page for a while, so it must not delay what is already known. Edits made
 * meanwhile are not lost: y-indexeddb stores the whole in-memory state before applying the stored one.
 */
export function openDocumentStorageAfter(after: Promise<unknown>, docId: DocId, doc: Y.Doc): DocumentStorage {
  const started = after.then(
    () => openDocumentStorage(docId, doc),
    () => openDocumentStorage(docId, doc),
  );
  return {
    loaded: started.then((storage) => storage.loaded),
    flushed: () => started.then((storage) => storage.flushed()),
    destroy: () => started.then((storage) => storage.destroy()),
    clear: () => started.then((storage) => storage.clear()),
  };
}
