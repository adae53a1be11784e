import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';

const GUARDED = fileURLToPath(new URL('../src/sync/guarded-sync-protocol.ts', import.meta.url));

/**
 * Points y-webrtc's import of 'y-protocols/sync' at src/sync/guarded-sync-protocol.ts, so every
 * update a peer sends is checked before it reaches a document. Only y-webrtc's import is
 * redirected: the guard itself (and everything else) gets the real module.
 */
export function guardPeerUpdates(): Plugin {
  return {
    name: 'chapterhouse:guard-peer-updates',
    enforce: 'pre',
    resolveId(source, importer) {
      if (source === 'y-protocols/sync' && importer && /[\\/]y-webrtc[\\/]/.test(importer)) return GUARDED;
      return null;
    },
  };
}
