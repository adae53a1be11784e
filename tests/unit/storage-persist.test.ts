import { afterEach, describe, expect, it, vi } from 'vitest';
import { createCatalog, openCatalog } from '../../src/persistence/catalog';
import { createStorageInfo } from '../../src/app/storage-info';

// The browser's answer to navigator.storage.persist(): Settings shows "Not persistent…" for 'denied'.
const stubStorage = (persist: boolean) =>
  vi.stubGlobal('navigator', { storage: { persist: async () => persist, persisted: async () => false, estimate: async () => ({ usage: 1, quota: 2 }) } });

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('persistent storage', () => {
  it('records a refusal, so Settings can warn, and remembers it across starts', async () => {
    stubStorage(false);
    const catalog = createCatalog(openCatalog(`persist-test-${Date.now()}`));
    const info = createStorageInfo(catalog);
    await info.requestPersistence();
    expect(info.persist()).toBe('denied');
    const later = createStorageInfo(catalog);
    await later.load();
    expect(later.persist()).toBe('denied');
  });

  it('records a grant', async () => {
    stubStorage(true);
    const info = createStorageInfo(createCatalog(openCatalog(`persist-test-grant-${Date.now()}`)));
    await info.requestPersistence();
    expect(info.persist()).toBe('granted');
  });
});
