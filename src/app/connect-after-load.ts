import { createStateEmitter } from '../sync/state-emitter';
import type { SyncConnection } from '../sync/transport';

/**
 * A connection that starts once the document has been read from this device: peers then get
 * the whole stored state in the first exchange, and opening a big document does not also encode
 * it for the network before the page has painted. Until then it reports 'connecting' (or 'paused').
 */
export function connectAfter(ready: Promise<unknown>, connect: () => SyncConnection): SyncConnection {
  const emitter = createStateEmitter({ kind: 'connecting' });
  let inner: SyncConnection | null = null;
  let paused = false;
  let destroyed = false;
  const start = () => {
    if (destroyed || inner) return;
    inner = connect();
    if (paused) inner.pause();
    emitter.set(inner.state());
    inner.onState(emitter.set);
  };
  // A failed read still syncs: what peers hold is then the only copy.
  void ready.then(start, start);
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
}
