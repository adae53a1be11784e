import type { DocumentRegistry } from './documents';

/**
 * The document registry, its code (Yjs, y-indexeddb, awareness: about a third of the start's
 * JavaScript) loaded on first need: a device without chapters starts without it. Until then there
 * is nothing open, so `get` and `all` answer from an empty registry; `openDocument` needs
 * `await ready()` first (every caller is async already: it looked the document up in the catalog).
 */
export function createLazyDocumentRegistry(load: () => Promise<DocumentRegistry>): DocumentRegistry {
  let loaded: DocumentRegistry | null = null;
  let loading: Promise<void> | null = null;
  let online = true;
  const listeners = new Set<() => void>();

  const ready = (): Promise<void> =>
    (loading ??= load().then(
      (registry) => {
        registry.setOnline(online);
        registry.onChange(() => {
          for (const listener of listeners) listener();
        });
        loaded = registry;
      },
      (error: unknown) => {
        // A failed chunk fetch (offline before the service worker cached it) is retried next time.
        loading = null;
        throw error;
      },
    ));

  return {
    ready,
    openDocument(docId, secret) {
      if (!loaded) throw new Error(`Document ${docId} opened before the document code loaded: await documents.ready() first`);
      return loaded.openDocument(docId, secret);
    },
    get: (docId) => loaded?.get(docId),
    all: () => loaded?.all() ?? [],
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    setOnline(next) {
      online = next;
      loaded?.setOnline(next);
    },
    close: async (docId) => {
      await loaded?.close(docId);
    },
  };
}
