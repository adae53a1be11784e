import * as Y from 'yjs';
import type { DocumentKind } from '../../domain/document-kind';
import type { RoomSecret } from '../../domain/ids';
import { createStateEmitter } from '../state-emitter';
import type { SyncConnection, SyncRoom, SyncTransport } from '../transport';
import { decodeBundle, encodeBundle } from './format';
import { applyImport } from './import';

interface Member {
  readonly doc: Y.Doc;
  readonly room: SyncRoom;
  online: boolean;
  readonly state: ReturnType<typeof createStateEmitter>;
}

export interface BundleNetworkOptions {
  readonly kind?: DocumentKind;
  /** Called when a round fails (e.g. a document over the bundle size limit); rounds never reject. */
  readonly onError?: (error: unknown) => void;
}

export interface BundleNetwork {
  readonly transport: SyncTransport;
  /** Resolves once no exchange round is scheduled or running (tests dispose cleanly). */
  readonly settled: () => Promise<void>;
  /** Bundle files imported so far and their total size, for tests and the bench. */
  readonly stats: () => { readonly files: number; readonly bytes: number };
}

/**
 * Devices exchanging bundle files, simulated in-process so file bundles pass the transport
 * contract. A round: every online member of a room exports a bundle and hands it to every
 * other online member holding the same room secret (a human only hands files to fellow
 * members), who imports it. Rounds follow each local edit (microtask-batched) and resume().
 */
export function createBundleNetwork(options: BundleNetworkOptions = {}): BundleNetwork {
  const rooms = new Map<string, Set<Member>>();
  const origin = Symbol('bundle-network');
  const scheduled = new Set<string>();
  const running = new Set<Promise<void>>();
  let files = 0;
  let bytes = 0;

  const fellows = (self: Member, secret: RoomSecret) =>
    [...(rooms.get(self.room.docId) ?? [])].filter((m) => m !== self && m.online && m.room.secret === secret);

  const refresh = (docId: string) => {
    for (const member of rooms.get(docId) ?? []) {
      if (member.online) member.state.set({ kind: 'connected', peers: fellows(member, member.room.secret).length });
    }
  };

  const exportFrom = (member: Member) =>
    encodeBundle(
      [{ ...member.room, kind: options.kind ?? 'chapter', title: '', update: Y.encodeStateAsUpdate(member.doc) }],
      { appVersion: 'bundle-network', includeSecrets: true },
    );

  const round = async (docId: string) => {
    const senders = [...(rooms.get(docId) ?? [])].filter((m) => m.online);
    for (const sender of senders) {
      const file = await exportFrom(sender);
      const decoded = await decodeBundle(file);
      if (!decoded.ok) throw new Error(`bundle refused: ${decoded.error.kind} (${decoded.error.detail})`);
      // Membership is re-read after the awaits: a peer that paused meanwhile gets nothing.
      for (const receiver of fellows(sender, sender.room.secret)) {
        if (decoded.value.documents.some((d) => d.secret !== receiver.room.secret)) continue;
        applyImport(decoded.value, () => receiver.doc, origin);
        files += 1;
        bytes += file.length;
      }
    }
  };

  const schedule = (docId: string) => {
    if (scheduled.has(docId)) return;
    scheduled.add(docId);
    queueMicrotask(() => {
      scheduled.delete(docId);
      const done = round(docId).catch((error: unknown) => options.onError?.(error));
      running.add(done);
      void done.finally(() => running.delete(done));
    });
  };

  const transport: SyncTransport = {
    name: 'file-bundle',
    connect(doc: Y.Doc, room: SyncRoom): SyncConnection {
      const members = rooms.get(room.docId) ?? new Set<Member>();
      rooms.set(room.docId, members);
      const self: Member = { doc, room, online: false, state: createStateEmitter({ kind: 'paused' }) };
      members.add(self);
      // Imports carry our origin; re-exporting them would only bounce the same file back.
      const onUpdate = (_update: Uint8Array, updateOrigin: unknown) => {
        if (self.online && updateOrigin !== origin) schedule(room.docId);
      };
      doc.on('update', onUpdate);
      const setOnline = (online: boolean) => {
        self.online = online;
        if (!online) self.state.set({ kind: 'paused' });
        refresh(room.docId);
        if (online) schedule(room.docId);
      };
      setOnline(true);
      return {
        state: self.state.get,
        onState: self.state.subscribe,
        pause: () => setOnline(false),
        resume: () => setOnline(true),
        destroy: () => {
          setOnline(false);
          doc.off('update', onUpdate);
          members.delete(self);
          if (members.size === 0) rooms.delete(room.docId);
        },
      };
    },
  };

  const settled = async () => {
    while (scheduled.size > 0 || running.size > 0) {
      await Promise.all([...running]);
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
  };

  return { transport, settled, stats: () => ({ files, bytes }) };
}
