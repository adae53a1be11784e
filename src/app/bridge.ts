import { type Accessor, onCleanup } from 'solid-js';
import { createStore, reconcile } from 'solid-js/store';

/**
 * The one CRDT→Solid bridge: read a plain snapshot from a repository, observe its
 * Y types, and reconcile new snapshots into a store so only changed fields re-render.
 * Must be called inside a reactive owner; the observer is removed on cleanup.
 */
export function fromCrdt<T extends object>(subscribe: (onChange: () => void) => () => void, read: () => T): Accessor<T> {
  const [state, setState] = createStore<{ value: T }>({ value: read() });
  const unsubscribe = subscribe(() => setState('value', reconcile(read(), { merge: true })));
  onCleanup(unsubscribe);
  return () => state.value;
}
