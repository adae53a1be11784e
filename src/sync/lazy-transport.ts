import type * as Y from 'yjs';
import { createStateEmitter } from './state-emitter';
import type { SyncConnection, SyncRoom, SyncTransport } from './transport';

/**
 * Wraps a transport whose code is loaded on first use (WebRTC brings simple-peer and its
 * polyfills, a third of the bundle). The connection exists at once; it starts when loaded.
 */
export function createLazyTransport(name: string, load: () => Promise<SyncTransport>): SyncTransport {
  let loading: Promise<SyncTransport> | null = null;
  return {
    name,
    connect(doc: Y.Doc, room: SyncRoom): SyncConnection {
      loading ??= load();
      const emitter = createStateEmitter({ kind: 'connecting' });
      let inner: SyncConnection | null = null;
      let paused = false;
      let destroyed = false;
      void loading.then((transport) => {
        if (destroyed) return;
        inner = transport.connect(doc, room);
        if (paused) inner.pause();
        emitter.set(inner.state());
        inner.onState(emitter.set);
      });
      return {
        state: emitter.get,
        onState: emitter.subscribe,
        pause: () => {
          paused = true;
          if (inner) inner.pause();
          else emitter.set({ kind: 'paused' });
        },
        resume: () => {
          paused = false;
          if (inner) inner.resume();
          else emitter.set({ kind: 'connecting' });
        },
        destroy: () => {
          destroyed = true;
          inner?.destroy();
        },
      };
    },
  };
}
