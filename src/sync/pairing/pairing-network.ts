import type * as Y from 'yjs';
import type { DocId, RoomSecret } from '../../domain/ids';
import { createStateEmitter } from '../state-emitter';
import type { SyncConnection, SyncRoom, SyncTransport } from '../transport';
import { createChannelPair } from './channel';
import type { PairingSession } from './session';
import { createPairingSession } from './session';

interface Device {
  readonly docs: Map<DocId, { doc: Y.Doc; secret: RoomSecret; online: boolean; refresh: () => void }>;
  readonly sessions: Set<PairingSession>;
}

/**
 * Devices paired with each other in memory: every device is paired with every other through
 * an in-memory channel running the same session code (tokens, y-protocols) as a WebRTC
 * pairing. Lets the pairing protocol pass the shared transport contract in Node.
 */
export function createPairingNetwork(): { readonly deviceTransport: () => SyncTransport; readonly dispose: () => Promise<void> } {
  const devices: Device[] = [];
  const sessions = new Set<PairingSession>();

  const link = (a: Device, b: Device) => {
    const [left, right] = createChannelPair();
    for (const [device, channel] of [
      [a, left],
      [b, right],
    ] as const) {
      const session = createPairingSession(channel, {
        open: async (docId) => {
          const entry = device.docs.get(docId);
          if (!entry) throw new Error(`document ${docId} is not on this device`);
          return entry.doc;
        },
        onMatches: () => {
          for (const entry of device.docs.values()) entry.refresh();
        },
      });
      device.sessions.add(session);
      sessions.add(session);
      session.announce([...device.docs].filter(([, e]) => e.online).map(([docId, e]) => ({ docId, secret: e.secret })));
    }
  };

  const deviceTransport = (): SyncTransport => {
    const device: Device = { docs: new Map(), sessions: new Set() };
    for (const other of devices) link(device, other);
    devices.push(device);
    return {
      name: 'pairing',
      connect(doc: Y.Doc, room: SyncRoom): SyncConnection {
        const emitter = createStateEmitter({ kind: 'connecting' });
        const peers = () => [...device.sessions].filter((s) => s.matches().includes(room.docId)).length;
        const entry = {
          doc,
          secret: room.secret,
          online: true,
          refresh: () => {
            if (!entry.online) return emitter.set({ kind: 'paused' });
            const count = peers();
            emitter.set(count > 0 ? { kind: 'connected', peers: count } : { kind: 'connecting' });
          },
        };
        device.docs.set(room.docId, entry);
        const announce = () => {
          for (const session of device.sessions) session.announce([{ docId: room.docId, secret: room.secret }]);
        };
        const withdraw = () => {
          for (const session of device.sessions) session.withdraw(room.docId);
        };
        announce();
        return {
          state: emitter.get,
          onState: emitter.subscribe,
          pause: () => {
            entry.online = false;
            withdraw();
            entry.refresh();
          },
          resume: () => {
            if (entry.online) return;
            entry.online = true;
            announce();
            entry.refresh();
          },
          destroy: () => {
            entry.online = false;
            withdraw();
            device.docs.delete(room.docId);
          },
        };
      },
    };
  };

  return {
    deviceTransport,
    dispose: async () => {
      await Promise.all([...sessions].map((s) => s.idle()));
      for (const session of sessions) session.close();
      sessions.clear();
      devices.length = 0;
    },
  };
}
