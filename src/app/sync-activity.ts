import { type Accessor, createSignal } from 'solid-js';
import { decodeStateVector, encodeStateVector } from '../crdt/state-vector';
import { decodeBase64url, encodeBase64url } from '../crypto/base64url';
import type { DocId } from '../domain/ids';
import type { Catalog } from '../persistence/catalog';
import { onRefusedPeerUpdate } from '../sync/refused-updates';
import type { DocumentRegistry } from './documents';

/** How this device exchanged a document: the LAN relay room, a direct pairing, or a file. */
export type SyncVia = 'relay' | 'pairing' | 'file';

export interface DocActivity {
  readonly lastSyncedAt: string | null;
  readonly via: SyncVia | null;
  /** Items (Yjs clock ticks) on this device that no peer or export has confirmed yet. */
  readonly unshared: number;
  /** base64url of the state vector last known to be on another device (or in an exported file). */
  readonly sharedVector: string;
}

export type SyncEventKind = 'relaySync' | 'pairingSync' | 'exported' | 'imported' | 'refusedUpdate';

export interface SyncEvent {
  readonly at: string;
  readonly kind: SyncEventKind;
  readonly documents: number;
}

interface Stored {
  readonly docs: Readonly<Record<string, DocActivity>>;
  readonly history: readonly SyncEvent[];
}

const KEY = 'syncActivity';
const HISTORY_LENGTH = 20;
const SAVE_DELAY_MS = 300;

const emptyActivity: DocActivity = { lastSyncedAt: null, via: null, unshared: 0, sharedVector: '' };

const decodeVector = (text: string): Map<number, number> => {
  const bytes = text ? decodeBase64url(text) : null;
  return (bytes && decodeStateVector(bytes)) ?? new Map();
};

const encodeVector = (vector: Map<number, number>): string => {
  return encodeBase64url(encodeStateVector(vector));
};

/** Clock ticks in `local` beyond what `shared` confirms: what would be lost with this device. */
export function unsharedCount(local: ReadonlyMap<number, number>, shared: ReadonlyMap<number, number>): number {
  let count = 0;
  for (const [client, clock] of local) count += Math.max(0, clock - (shared.get(client) ?? 0));
  return count;
}

function mergeVectors(a: Map<number, number>, b: Map<number, number>): Map<number, number> {
  const out = new Map(a);
  for (const [client, clock] of b) out.set(client, Math.max(clock, out.get(client) ?? 0));
  return out;
}

/**
 * "Sync you can see": per document when it last synced and how, how much exists only on
 * this device, and a short history. Everything lives in Dexie settings (device-only).
 *
 * Shared = confirmed: a pairing peer's receipt (its state vector), an export (the file holds
 * the state), an import (the file's state came from elsewhere), or — an approximation —
 * the relay room while at least one peer is connected (y-webrtc syncs on connect and
 * broadcasts every update, but gives no receipt).
 */
export function createSyncActivity(deps: { readonly catalog: Catalog; readonly documents: DocumentRegistry; readonly now: () => string }) {
  const { catalog, documents } = deps;
  const [stored, setStored] = createSignal<Stored>({ docs: {}, history: [] });
  let saveTimer: ReturnType<typeof setTimeout> | null = null;
  const save = () => {
    if (saveTimer) return;
    saveTimer = setTimeout(() => {
      saveTimer = null;
      void catalog.writeSetting(KEY, stored());
    }, SAVE_DELAY_MS);
  };

  const activity = (docId: DocId): DocActivity => stored().docs[docId] ?? emptyActivity;
  const setActivity = (docId: DocId, next: DocActivity) => {
    setStored((current) => ({ ...current, docs: { ...current.docs, [docId]: next } }));
    save();
  };

  const refreshUnshared = (docId: DocId) => {
    const open = documents.get(docId);
    if (!open) return;
    const current = activity(docId);
    const unshared = unsharedCount(open.stateVector(), decodeVector(current.sharedVector));
    if (unshared !== current.unshared) setActivity(docId, { ...current, unshared });
  };

  /** Another device (or a file) now holds everything up to `vector`. */
  function confirmShared(docId: DocId, vector: Uint8Array | Map<number, number>, via: SyncVia): void {
    const current = activity(docId);
    const incoming = vector instanceof Map ? vector : (decodeStateVector(vector) ?? new Map<number, number>());
    const sharedVector = encodeVector(mergeVectors(decodeVector(current.sharedVector), incoming));
    const at = deps.now();
    setActivity(docId, { ...current, sharedVector, via, lastSyncedAt: at });
    refreshUnshared(docId);
    if (via !== 'file') void catalog.touch(docId, { lastSyncedAt: at });
  }

  function record(kind: SyncEventKind, count: number): void {
    setStored((current) => ({ ...current, history: [{ at: deps.now(), kind, documents: count }, ...current.history].slice(0, HISTORY_LENGTH) }));
    save();
  }

  // Flagged, not kept: a peer sending damaged updates again and again adds to one line.
  onRefusedPeerUpdate(() => {
    const [latest, ...rest] = stored().history;
    if (latest?.kind !== 'refusedUpdate') return record('refusedUpdate', 1);
    setStored((current) => ({ ...current, history: [{ ...latest, at: deps.now(), documents: latest.documents + 1 }, ...rest] }));
    save();
  });

  // Watch open documents: recount on every change; the relay room counts as shared while peers are connected.
  const watched = new Map<DocId, number>();
  const [relayPeers, setRelayPeers] = createSignal<ReadonlyMap<DocId, number>>(new Map());
  const relayConfirm = (docId: DocId) => {
    const open = documents.get(docId);
    if (!open) return;
    const state = open.connection.state();
    if (state.kind === 'connected' && state.peers > 0) confirmShared(docId, open.stateVector(), 'relay');
  };
  const watch = () => {
    for (const open of documents.all()) {
      const state = open.connection.state();
      const peers = state.kind === 'connected' ? state.peers : 0;
      const before = watched.get(open.docId);
      if (before === undefined) {
        let timer: ReturnType<typeof setTimeout> | null = null;
        open.doc.on('update', () => {
          if (timer) return;
          timer = setTimeout(() => {
            timer = null;
            relayConfirm(open.docId);
            refreshUnshared(open.docId);
          }, SAVE_DELAY_MS);
        });
        void open.storage.loaded.then(() => refreshUnshared(open.docId));
      }
      watched.set(open.docId, peers);
      if ((relayPeers().get(open.docId) ?? 0) !== peers) setRelayPeers((current) => new Map(current).set(open.docId, peers));
      if (peers > 0 && !before) {
        relayConfirm(open.docId);
        record('relaySync', 1);
      }
    }
  };
  documents.onChange(watch);

  async function load(): Promise<void> {
    const saved = await catalog.readSetting<Stored>(KEY);
    if (saved?.docs && Array.isArray(saved.history)) setStored((current) => ({ docs: { ...saved.docs, ...current.docs }, history: [...current.history, ...saved.history].slice(0, HISTORY_LENGTH) }));
    watch();
  }

  const unsharedTotal: Accessor<number> = () => {
    let total = 0;
    for (const doc of Object.values(stored().docs)) total += doc.unshared;
    return total;
  };

  return {
    load,
    activity,
    history: () => stored().history,
    unsharedTotal,
    /** Peers connected right now in the document's relay room. */
    relayPeers: (docId: DocId): number => relayPeers().get(docId) ?? 0,
    confirmShared,
    record,
    refreshUnshared,
  };
}

export type SyncActivity = ReturnType<typeof createSyncActivity>;

/** Whether the LAN relay from `npm start` answers: it stays the default transport when present. */
export function probeRelay(url: string, timeoutMs = 3_000): Promise<boolean> {
  return new Promise((resolve) => {
    let socket: WebSocket;
    try {
      socket = new WebSocket(url);
    } catch {
      return resolve(false);
    }
    const finish = (present: boolean) => {
      clearTimeout(timer);
      socket.onopen = socket.onerror = socket.onclose = null;
      socket.close();
      resolve(present);
    };
    const timer = setTimeout(() => finish(false), timeoutMs);
    socket.onopen = () => finish(true);
    socket.onerror = () => finish(false);
    socket.onclose = () => finish(false);
  });
}
