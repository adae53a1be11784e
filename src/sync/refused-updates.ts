// Kept apart from the check itself (peer-update.ts), so the start screen can listen without loading it.
type RefusedListener = (update: Uint8Array) => void;
const refusedListeners = new Set<RefusedListener>();

/** Hears every update refused from a peer (shown in the sync activity; nothing of it is kept). */
export function onRefusedPeerUpdate(listener: RefusedListener): () => void {
  refusedListeners.add(listener);
  return () => refusedListeners.delete(listener);
}

export function reportRefusedUpdate(update: Uint8Array): void {
  for (const listener of refusedListeners) listener(update);
}
