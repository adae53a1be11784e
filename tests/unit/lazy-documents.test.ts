import { describe, expect, it } from 'vitest';
import { createDocumentRegistry, type DocumentRegistry } from '../../src/app/documents';
import { createLazyDocumentRegistry } from '../../src/app/lazy-documents';
import type { DocId, RoomSecret } from '../../src/domain/ids';
import { createCatalog, openCatalog } from '../../src/persistence/catalog';
import { openDocumentStorage } from '../../src/persistence/document-storage';
import { createMemoryNetwork } from '../../src/sync/memory-transport';

let counter = 0;
const freshId = () => `lazydocs${String(++counter).padStart(4, '0')}${Date.now()}` as DocId;
const secret = 's'.repeat(43) as RoomSecret;

function realRegistry(): { load: () => Promise<DocumentRegistry>; loads: () => number } {
  let loads = 0;
  const catalog = createCatalog(openCatalog(`lazy-docs-${Date.now()}-${++counter}`));
  const network = createMemoryNetwork();
  return {
    loads: () => loads,
    load: async () => {
      loads++;
      return createDocumentRegistry({ catalog, transport: network.transport, openStorage: openDocumentStorage, now: () => new Date().toISOString(), onFirstWrite: () => undefined });
    },
  };
}

describe('the document registry loaded on first need', () => {
  it('has nothing open and refuses to open a document until its code has loaded', async () => {
    const real = realRegistry();
    const documents = createLazyDocumentRegistry(real.load);
    const docId = freshId();
    expect(real.loads()).toBe(0);
    expect(documents.all()).toEqual([]);
    expect(documents.get(docId)).toBeUndefined();
    expect(() => documents.openDocument(docId, secret)).toThrow(/ready/);
    await documents.close(docId);

    await Promise.all([documents.ready(), documents.ready()]);
    expect(real.loads()).toBe(1);
    const opened = documents.openDocument(docId, secret);
    expect(documents.get(docId)).toBe(opened);
    expect(documents.all()).toEqual([opened]);
    await opened.storage.loaded;
    await documents.close(docId);
    expect(documents.all()).toEqual([]);
  });

  it('tells listeners that subscribed before the load, and keeps the online state set before it', async () => {
    const real = realRegistry();
    const documents = createLazyDocumentRegistry(real.load);
    let changes = 0;
    const stop = documents.onChange(() => changes++);
    documents.setOnline(false);
    await documents.ready();
    const opened = documents.openDocument(freshId(), secret);
    expect(changes).toBeGreaterThan(0);
    // Offline before the code loaded: the document opens paused, not connecting.
    expect(opened.connection.state().kind).toBe('paused');
    stop();
    const before = changes;
    documents.setOnline(true);
    expect(changes).toBe(before);
    await opened.storage.loaded;
    await documents.close(opened.docId);
  });

  it('tries again after a failed load (offline before the code was cached)', async () => {
    const real = realRegistry();
    let attempts = 0;
    const documents = createLazyDocumentRegistry(async () => {
      attempts++;
      if (attempts === 1) throw new TypeError('Failed to fetch dynamically imported module');
      return real.load();
    });
    await expect(documents.ready()).rejects.toThrow(/Failed to fetch/);
    await documents.ready();
    expect(attempts).toBe(2);
    const opened = documents.openDocument(freshId(), secret);
    await opened.storage.loaded;
    await documents.close(opened.docId);
  });
});
