import * as encoding from 'lib0/encoding';
import { WebrtcProvider } from 'y-webrtc';
import { writeSyncStep1 } from 'y-protocols/sync';
import type * as Y from 'yjs';
import { roomName } from './room-name';
import { createStateEmitter } from './state-emitter';
import type { SyncConnection, SyncRoom, SyncState, SyncTransport } from './transport';

/** How often connected peers compare state vectors, healing any update lost in transit. */
const ANTI_ENTROPY_MS = 2_500;
/** With no peer for this long (plus jitter), rejoin the room: y-webrtc can stall after glare. */
const REJOIN_AFTER_MS = 6_000;
const REJOIN_JITTER_MS = 4_000;
/**
 * A connected peer answers our sync step 1 every ANTI_ENTROPY_MS; silence this long means the
 * channel is dead even though it reports open (seen when both sides offered at once).
 */
const SILENT_PEER_MS = 3 * ANTI_ENTROPY_MS;
/** Devices that regain the network together would announce together and offer at once. */
const RESUME_JITTER_MS = 800;
/** y-webrtc's message type for y-protocols sync messages. */
const MESSAGE_SYNC = 0;

export interface WebrtcOptions {
  /** Signaling relays (y-webrtc protocol); default is the relay served with the app. */
  readonly signaling: readonly string[];
  /** Empty by default: on a LAN, hotspot or loopback host candidates suffice. */
  readonly iceServers: readonly RTCIceServer[];
  /** A WebRTC implementation for runtimes without one (Node tests); browsers use their own. */
  readonly wrtc?: unknown;
}

/**
 * y-webrtc, one provider per open document; the room secret is its `password`, so
 * signaling is encrypted. Pausing destroys the provider and resuming makes a fresh one:
 * y-webrtc's own disconnect()/connect() does not reliably find peers again.
 */
export function createWebrtcTransport(options: WebrtcOptions): SyncTransport {
  return {
    name: 'webrtc',
    connect(doc: Y.Doc, room: SyncRoom): SyncConnection {
      const emitter = createStateEmitter({ kind: 'connecting' });
      const name = roomName(room);
      let provider: WebrtcProvider | null = null;
      // y-webrtc frees a room name only after the old provider's key promise settles.
      let released: PromiseLike<unknown> = Promise.resolve();
      let paused = false;
      let destroyed = false;
      let generation = 0;

      // When each connected peer last sent us anything, by y-webrtc peer id.
      const lastHeard = new Map<string, number>();
      let lonelySince = Date.now();
      let rejoinAfter = REJOIN_AFTER_MS + Math.random() * REJOIN_JITTER_MS;
      const computeState = (): SyncState => {
        if (paused) return { kind: 'paused' };
        const peers = provider ? peerCount(provider) : 0;
        return peers > 0 ? { kind: 'connected', peers } : { kind: 'connecting' };
      };
      const update = () => {
        const next = computeState();
        if (next.kind !== 'connecting') lonelySince = Date.now();
        emitter.set(next);
      };

      const start = async () => {
        const mine = ++generation;
        const [resolvedName] = await Promise.all([name, released]);
        if (destroyed || paused || mine !== generation || provider) return;
        provider = new WebrtcProvider(resolvedName, doc, {
          signaling: [...options.signaling],
          password: room.secret,
          ...(room.awareness ? { awareness: room.awareness } : {}),
          peerOpts: { config: { iceServers: [...options.iceServers] }, ...(options.wrtc ? { wrtc: options.wrtc } : {}) },
        });
        const current = provider;
        current.on('peers', ({ added }: { added: readonly string[] }) => {
          // y-webrtc announces a peer before its data channel opens and emits nothing when it
          // does, so listen for the channel itself.
          for (const id of added) {
            const peer = current.room?.webrtcConns.get(id)?.peer;
            if (!peer) continue;
            peer.once('connect', () => {
              lastHeard.set(id, Date.now());
              update();
            });
            peer.on('data', () => lastHeard.set(id, Date.now()));
          }
          update();
        });
        current.on('status', update);
        current.on('synced', update);
        update();
      };
      const stop = () => {
        generation++;
        lastHeard.clear();
        if (!provider) return;
        const old = provider;
        provider = null;
        old.destroy();
        released = old.key.then(
          () => undefined,
          () => undefined,
        );
      };

      // y-webrtc syncs once per connection and then only forwards live updates; when peers
      // reconnect at once an update can be lost. Re-sending sync step 1 (our state vector)
      // makes every peer answer with whatever we miss; it costs a few bytes when nothing is.
      const antiEntropy = setInterval(() => {
        // Two devices that come back online together can both give up on each other's
        // simultaneous offers and then wait forever, or end up with a channel that reports open
        // but delivers nothing; a fresh room join (new peer id) recovers from both.
        const lonely = computeState().kind === 'connecting' && Date.now() - lonelySince > rejoinAfter;
        if (!paused && provider && (lonely || hasSilentPeer(provider, lastHeard))) {
          lonelySince = Date.now();
          rejoinAfter = REJOIN_AFTER_MS + Math.random() * REJOIN_JITTER_MS;
          stop();
          void start();
          return;
        }
        const conns = provider?.room?.webrtcConns;
        if (!conns || conns.size === 0) return;
        const encoder = encoding.createEncoder();
        encoding.writeVarUint(encoder, MESSAGE_SYNC);
        writeSyncStep1(encoder, doc);
        const message = encoding.toUint8Array(encoder);
        for (const conn of conns.values()) {
          if (!conn.connected) continue;
          try {
            conn.peer.send(message);
          } catch {
            // A channel closing right now is reported through y-webrtc's own events.
          }
        }
      }, ANTI_ENTROPY_MS);

      void start();
      return {
        state: emitter.get,
        onState: emitter.subscribe,
        pause: () => {
          paused = true;
          stop();
          update();
        },
        resume: () => {
          if (!paused) return;
          paused = false;
          lonelySince = Date.now();
          update();
          const mine = generation;
          setTimeout(() => {
            if (mine === generation) void start();
          }, Math.random() * RESUME_JITTER_MS);
        },
        destroy: () => {
          destroyed = true;
          clearInterval(antiEntropy);
          stop();
        },
      };
    },
  };
}

const hasSilentPeer = (provider: WebrtcProvider, lastHeard: ReadonlyMap<string, number>): boolean => {
  const conns = provider.room?.webrtcConns;
  if (!conns) return false;
  const now = Date.now();
  for (const [id, conn] of conns) {
    const heard = lastHeard.get(id);
    if (conn.connected && heard !== undefined && now - heard > SILENT_PEER_MS) return true;
  }
  return false;
};

// Peers in other tabs of this browser (BroadcastChannel) count too: they share the data.
const peerCount = (provider: WebrtcProvider): number => {
  const room = provider.room;
  if (!room) return 0;
  let open = room.bcConns.size;
  for (const conn of room.webrtcConns.values()) if (conn.connected) open++;
  return open;
};
