import { createStateEmitter } from './state-emitter';
import type { SyncConnection } from './transport';

/**
 * A connection that exists at once and starts when `ready` fulfils (a transport's code has
 * loaded, a document has been read). Until then it reports 'connecting' (or 'paused'), and
 * pause, resume and destroy made meanwhile are carried over; if `ready` rejects it never starts.
 */
export function deferredConnection<T>(ready: Promise<T>, connect: (value: T) => SyncConnection): SyncConnection {
  const emitter = createStateEmitter({ kind: 'connecting' });
  let inner: SyncConnection | null = null;
  let paused = false;
  let destroyed = false;
  void ready.then(
    (value) => {
      if (destroyed || inner) return;
      inner = connect(value);
      if (paused) inner.pause();
      emitter.set(inner.state());
      inner.onState(emitter.set);
    },
    () => undefined,
  );
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
