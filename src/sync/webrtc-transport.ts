import { WebrtcProvider } from 'y-webrtc';
import type * as Y from 'yjs';
import { roomName } from './room-name';
import { createStateEmitter } from './state-emitter';
import type { SyncConnection, SyncRoom, SyncState, SyncTransport } from './transport';

export interface WebrtcOptions {
  /** Signaling relays (y-webrtc protocol); default is the relay served with the app. */
  readonly signaling: readonly string[];
  /** Empty by default: on a LAN, hotspot or loopback host candidates suffice. */
  readonly iceServers: readonly RTCIceServer[];
}

/** y-webrtc, one provider per open document; the room secret is its `password`, so signaling is encrypted. */
export function createWebrtcTransport(options: WebrtcOptions): SyncTransport {
  return {
    name: 'webrtc',
    connect(doc: Y.Doc, room: SyncRoom): SyncConnection {
      const emitter = createStateEmitter({ kind: 'connecting' });
      let provider: WebrtcProvider | null = null;
      let paused = false;
      let destroyed = false;
      const computeState = (): SyncState => {
        if (paused) return { kind: 'paused' };
        const peers = provider ? peerCount(provider) : 0;
        return peers > 0 ? { kind: 'connected', peers } : { kind: 'connecting' };
      };
      const update = () => emitter.set(computeState());
      void roomName(room).then((name) => {
        if (destroyed) return;
        provider = new WebrtcProvider(name, doc, {
          signaling: [...options.signaling],
          password: room.secret,
          peerOpts: { config: { iceServers: [...options.iceServers] } },
        });
        provider.on('peers', update);
        provider.on('status', update);
        // A connection counts once it is open; y-webrtc reports that via 'synced'.
        provider.on('synced', update);
        if (paused) provider.disconnect();
        update();
      });
      return {
        state: emitter.get,
        onState: emitter.subscribe,
        pause: () => {
          paused = true;
          provider?.disconnect();
          update();
        },
        resume: () => {
          paused = false;
          provider?.connect();
          update();
        },
        destroy: () => {
          destroyed = true;
          provider?.destroy();
          provider = null;
        },
      };
    },
  };
}

// Peers in other tabs of this browser (BroadcastChannel) count too: they share the data.
const peerCount = (provider: WebrtcProvider): number => {
  const room = provider.room;
  if (!room) return 0;
  let open = room.bcConns.size;
  for (const conn of room.webrtcConns.values()) if (conn.connected) open++;
  return open;
};
