import { deferredConnection } from '../sync/deferred-connection';
import type { SyncConnection } from '../sync/transport';

/**
 * A connection that starts once the document has been read from this device: peers then get
 * the whole stored state in the first exchange, and opening a big document does not also encode
 * it for the network before the page has painted. Until then it reports 'connecting' (or 'paused').
 */
export function connectAfter(ready: Promise<unknown>, connect: () => SyncConnection): SyncConnection {
  // A failed read still syncs: what peers hold is then the only copy.
  return deferredConnection(
    ready.then(
      () => undefined,
      () => undefined,
    ),
    connect,
  );
}
