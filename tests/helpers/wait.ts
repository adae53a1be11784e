import type * as Y from 'yjs';

/**
 * Resolves when `check()` holds, re-checking on every update of the given documents
 * (no sleeping); rejects with `message` after `timeoutMs` so a broken sync fails loudly.
 */
export function waitForDocs(docs: readonly Y.Doc[], check: () => boolean, message: string, timeoutMs = 5_000): Promise<void> {
  return new Promise((resolve, reject) => {
    if (check()) return resolve();
    const onUpdate = () => {
      if (!check()) return;
      cleanup();
      resolve();
    };
    const timer = setTimeout(() => {
      cleanup();
      reject(new Error(`Timed out: ${message}`));
    }, timeoutMs);
    const cleanup = () => {
      clearTimeout(timer);
      for (const doc of docs) doc.off('update', onUpdate);
    };
    for (const doc of docs) doc.on('update', onUpdate);
  });
}
