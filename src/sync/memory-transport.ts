import * as Y from 'yjs';
import { createStateEmitter } from './state-emitter';
import type { SyncConnection, SyncRoom, SyncTransport } from './transport';

interface Member {
  readonly doc: Y.Doc;
  readonly secret: string;
  online: boolean;
  readonly state: ReturnType<typeof createStateEmitter>;
}

/**
 * An in-process network: every connected document in a room receives every other member's
 * updates while both are online, and catches up by state vector when it comes back.
 * Used by the contract suite and unit tests; it models partitions via pause/resume.
 */
export function createMemoryNetwork(): { readonly transport: SyncTransport } {
  const rooms = new Map<string, Set<Member>>();
  const origin = Symbol('memory-network');

  // Only members holding the same secret exchange anything, as with an encrypted room.
  const peersOf = (self: Member, members: Set<Member>) =>
    [...members].filter((m) => m !== self && m.online && m.secret === self.secret);

  const refresh = (members: Set<Member>) => {
    for (const member of members) {
      if (member.online) member.state.set({ kind: 'connected', peers: peersOf(member, members).length });
    }
  };

  const exchange = (a: Member, b: Member) => {
    Y.applyUpdate(b.doc, Y.encodeStateAsUpdate(a.doc, Y.encodeStateVector(b.doc)), origin);
    Y.applyUpdate(a.doc, Y.encodeStateAsUpdate(b.doc, Y.encodeStateVector(a.doc)), origin);
  };

  const transport: SyncTransport = {
    name: 'memory',
    connect(doc: Y.Doc, room: SyncRoom): SyncConnection {
      const members = rooms.get(room.docId) ?? new Set<Member>();
      rooms.set(room.docId, members);
      const self: Member = { doc, secret: room.secret, online: false, state: createStateEmitter({ kind: 'paused' }) };
      members.add(self);
      const onUpdate = (update: Uint8Array, updateOrigin: unknown) => {
        if (!self.online || updateOrigin === origin) return;
        for (const peer of peersOf(self, members)) Y.applyUpdate(peer.doc, update, origin);
      };
      doc.on('update', onUpdate);
      const goOnline = () => {
        self.online = true;
        for (const peer of peersOf(self, members)) exchange(self, peer);
        refresh(members);
      };
      const goOffline = () => {
        self.online = false;
        self.state.set({ kind: 'paused' });
        refresh(members);
      };
      goOnline();
      return {
        state: self.state.get,
        onState: self.state.subscribe,
        pause: goOffline,
        resume: goOnline,
        destroy: () => {
          goOffline();
          doc.off('update', onUpdate);
          members.delete(self);
        },
      };
    },
  };
  return { transport };
}
