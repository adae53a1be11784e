import type { SyncState } from './transport';

/** The small piece of state every transport keeps: current sync state plus listeners. */
export function createStateEmitter(initial: SyncState) {
  let current = initial;
  const listeners = new Set<(state: SyncState) => void>();
  return {
    get: (): SyncState => current,
    set: (next: SyncState): void => {
      if (JSON.stringify(next) === JSON.stringify(current)) return;
      current = next;
      for (const listener of listeners) listener(next);
    },
    subscribe: (listener: (state: SyncState) => void): (() => void) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
