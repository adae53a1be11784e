import type { Awareness } from 'y-protocols/awareness';
import type * as Y from 'yjs';
import type { DocId, RoomSecret } from '../domain/ids';

/** What the header shows: are we cut off, looking for peers, or syncing with N of them. */
export type SyncState =
  | { readonly kind: 'paused' }
  | { readonly kind: 'connecting' }
  | { readonly kind: 'connected'; readonly peers: number };

export interface SyncRoom {
  readonly docId: DocId;
  readonly secret: RoomSecret;
  /** Presence (cursors, names) of this document; transports that can carry it share it with peers. */
  readonly awareness?: Awareness;
}

/** One document synced over one transport. */
export interface SyncConnection {
  state(): SyncState;
  onState(listener: (state: SyncState) => void): () => void;
  /** Stop exchanging updates (network gone, or the user paused sync); edits keep landing locally. */
  pause(): void;
  resume(): void;
  destroy(): void;
}

/**
 * Every way two devices can exchange a document (WebRTC room, QR pairing, file bundle,
 * in-memory for tests) sits behind this one interface and passes one contract suite.
 */
export interface SyncTransport {
  readonly name: string;
  connect(doc: Y.Doc, room: SyncRoom): SyncConnection;
}

/** Tags updates that arrived from a peer, so storage and UI can tell them from local edits. */
export const REMOTE_ORIGIN = 'chapterhouse-remote';
