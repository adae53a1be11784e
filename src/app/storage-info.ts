import { createSignal } from 'solid-js';
import type { Catalog } from '../persistence/catalog';

export type PersistAnswer = 'granted' | 'denied' | 'unsupported' | 'not-asked';

export interface StorageEstimateView {
  readonly usage: number;
  readonly quota: number;
}

const PERSIST_KEY = 'storagePersistAnswer';

/** Asks the browser not to evict our IndexedDB, once, after the first real write. */
export function createStorageInfo(catalog: Catalog) {
  const [persist, setPersist] = createSignal<PersistAnswer>('not-asked');
  const [estimate, setEstimate] = createSignal<StorageEstimateView | null>(null);
  const storage = typeof navigator !== 'undefined' ? navigator.storage : undefined;

  async function load() {
    const stored = await catalog.readSetting<PersistAnswer>(PERSIST_KEY);
    if (stored) setPersist(stored);
    if (storage?.persisted && (await storage.persisted())) setPersist('granted');
  }

  async function requestPersistence() {
    if (persist() === 'granted') return;
    if (!storage?.persist) {
      setPersist('unsupported');
      return;
    }
    const answer: PersistAnswer = (await storage.persist()) ? 'granted' : 'denied';
    setPersist(answer);
    await catalog.writeSetting(PERSIST_KEY, answer);
  }

  async function refreshEstimate() {
    if (!storage?.estimate) return;
    const { usage = 0, quota = 0 } = await storage.estimate();
    setEstimate({ usage, quota });
  }

  return { persist, estimate, load, requestPersistence, refreshEstimate };
}

export type StorageInfo = ReturnType<typeof createStorageInfo>;
