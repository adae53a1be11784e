import { Awareness } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { LOCAL_EDIT } from '../crdt/shared-text';
import type { DocId, RoomSecret } from '../domain/ids';
import type { Catalog } from '../persistence/catalog';
import type { DocumentStorage } from '../persistence/document-storage';
import type { SyncConnection, SyncState, SyncTransport } from '../sync/transport';
import { connectAfter } from './connect-after-load';

/** Whether what was typed on this device is on disk yet. */
export type SaveState = 'saved' | 'saving' | 'failed';

export interface OpenDocument {
  readonly docId: DocId;
  readonly doc: Y.Doc;
  readonly storage: DocumentStorage;
  readonly connection: SyncConnection;
  /** One presence channel per document (who is editing where); it lives and dies with the doc. */
  readonly awareness: Awareness;
  /** What this device holds of the document, per client (a Yjs state vector). */
  stateVector(): Map<number, number>;
  saveState(): SaveState;
  onSaveState(listener: (state: SaveState) => void): () => void;
}

export interface DocumentRegistryDeps {
  readonly catalog: Catalog;
  readonly transport: SyncTransport;
  readonly openStorage: (docId: DocId, doc: Y.Doc) => DocumentStorage;
  readonly now: () => string;
  /** Called after the first local write that reached the disk (to ask for persistent storage). */
  readonly onFirstWrite: () => void;
}

const SYNC_STAMP_INTERVAL_MS = 5_000;

/**
 * Keeps one Y.Doc, one IndexedDB store and one sync room per open branch document,
 * shared by every page that shows it (y-webrtc allows one provider per room per page).
 */
export function createDocumentRegistry(deps: DocumentRegistryDeps) {
  const open = new Map<DocId, OpenDocument>();
  const changeListeners = new Set<() => void>();
  const changed = () => {
    for (const listener of changeListeners) listener();
  };
  let online = true;

  function openDocument(docId: DocId, secret: RoomSecret): OpenDocument {
    const existing = open.get(docId);
    if (existing) return existing;
    const doc = new Y.Doc({ gc: true });
    const storage = deps.openStorage(docId, doc);
    const awareness = new Awareness(doc);
    const connection = connectAfter(storage.loaded, () => deps.transport.connect(doc, { docId, secret, awareness }));
    if (!online) connection.pause();
    const save = createSaveTracker(storage, deps.onFirstWrite);
    let lastStamp = 0;
    const stampSynced = () => {
      const now = Date.now();
      if (now - lastStamp < SYNC_STAMP_INTERVAL_MS) return;
      lastStamp = now;
      void deps.catalog.touch(docId, { lastSyncedAt: deps.now() });
    };
    doc.on('update', (_update: Uint8Array, origin: unknown) => {
      if (origin === LOCAL_EDIT) save.track();
      else if (connection.state().kind === 'connected') stampSynced();
    });
    connection.onState((state: SyncState) => {
      if (state.kind === 'connected' && state.peers > 0) stampSynced();
      changed();
    });
    save.subscribe(changed);
    const stateVector = () => Y.decodeStateVector(Y.encodeStateVector(doc));
    const entry: OpenDocument = { docId, doc, storage, connection, awareness, stateVector, saveState: save.get, onSaveState: save.subscribe };
    open.set(docId, entry);
    changed();
    return entry;
  }

  return {
    /** Resolves once documents can be opened (see lazy-documents.ts; here they always can). */
    ready: (): Promise<void> => Promise.resolve(),
    openDocument,
    get: (docId: DocId) => open.get(docId),
    /** Any document opened or closed, or any sync or save state changed. */
    onChange(listener: () => void): () => void {
      changeListeners.add(listener);
      return () => changeListeners.delete(listener);
    },
    all: () => [...open.values()],
    /** Network gone or back: connections pause and resume; edits keep landing on the device. */
    setOnline(next: boolean) {
      online = next;
      for (const entry of open.values()) next ? entry.connection.resume() : entry.connection.pause();
    },
    async close(docId: DocId) {
      const entry = open.get(docId);
      if (!entry) return;
      open.delete(docId);
      changed();
      entry.connection.destroy();
      await entry.storage.flushed().catch(() => undefined);
      await entry.storage.destroy();
      entry.doc.destroy();
    },
  };
}

export type DocumentRegistry = ReturnType<typeof createDocumentRegistry>;

function createSaveTracker(storage: DocumentStorage, onFirstWrite: () => void) {
  let state: SaveState = 'saved';
  let pending = 0;
  let wroteOnce = false;
  const listeners = new Set<(state: SaveState) => void>();
  const set = (next: SaveState) => {
    if (next === state) return;
    state = next;
    for (const listener of listeners) listener(next);
  };
  return {
    get: () => state,
    subscribe: (listener: (state: SaveState) => void) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    track: () => {
      pending++;
      set('saving');
      storage.flushed().then(
        () => {
          pending--;
          if (pending === 0) set('saved');
          if (!wroteOnce) {
            wroteOnce = true;
            onFirstWrite();
          }
        },
        () => {
          pending--;
          set('failed');
        },
      );
    },
  };
}
