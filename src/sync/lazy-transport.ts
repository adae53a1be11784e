import type * as Y from 'yjs';
import { deferredConnection } from './deferred-connection';
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
      return deferredConnection(loading, (transport) => transport.connect(doc, room));
    },
  };
}
