import Dexie, { type EntityTable } from 'dexie';
import type { DocumentKind } from '../domain/document-kind';
import type { DocId, RoomSecret } from '../domain/ids';
import type { ChapterSummary } from './chapter-summaries';
import { removeSummaryFrame } from './summary-frame';
import type { DirectoryRow } from './directory-index';

/** What this device knows about a document: device-only, never synced. */
export interface CatalogEntry {
  readonly id: DocId;
  readonly kind: DocumentKind;
  readonly title: string;
  /** The room secret: whoever holds it can sync the document, so it stays on the device. */
  readonly secret: RoomSecret;
  readonly createdAt: string;
  readonly lastOpenedAt: string;
  readonly lastSyncedAt: string | null;
  /** The chapter's founding membership entry (from founding or the invite); pins who founded it. */
  readonly genesisId?: string | null;
}

/** The entry for a document new on this device (created, joined, imported): known now, never synced. */
export function newCatalogEntry(
  fields: Pick<CatalogEntry, 'id' | 'title' | 'secret'> & Partial<Pick<CatalogEntry, 'kind' | 'genesisId'>>,
  now: string,
): CatalogEntry {
  return { kind: 'chapter', ...fields, createdAt: now, lastOpenedAt: now, lastSyncedAt: null };
}

export interface SettingEntry {
  readonly key: string;
  readonly value: unknown;
}

/** This device's signing key; the private half is a non-extractable CryptoKey. */
export interface DeviceKeyRecord {
  readonly key: 'device';
  readonly keyPair: CryptoKeyPair;
  readonly publicKey: string;
  readonly createdAt: string;
}

export type CatalogDatabase = Dexie & {
  documents: EntityTable<CatalogEntry, 'id'>;
  settings: EntityTable<SettingEntry, 'key'>;
  identity: EntityTable<DeviceKeyRecord, 'key'>;
  directory: EntityTable<DirectoryRow, 'key'>;
  summaries: EntityTable<ChapterSummary, 'docId'>;
};

export function openCatalog(name = 'chapterhouse-catalog'): CatalogDatabase {
  const db = new Dexie(name) as CatalogDatabase;
  db.version(1).stores({
    documents: '&id, kind, title, lastOpenedAt, lastSyncedAt',
    settings: '&key',
  });
  db.version(2).stores({ identity: '&key' });
  // The directory: rows rebuilt from the documents this device holds (see src/app/directory.ts).
  db.version(3).stores({ directory: '&key, docId, [kind+since], *words' });
  // What a chapter page shows before its document is read (see chapter-summaries.ts).
  db.version(4).stores({ summaries: '&docId' });
  return db;
}

export interface Catalog {
  list(): Promise<readonly CatalogEntry[]>;
  get(id: DocId): Promise<CatalogEntry | undefined>;
  put(entry: CatalogEntry): Promise<void>;
  /** Partial updates keep the rest of the entry as it is. */
  touch(id: DocId, changes: Partial<Pick<CatalogEntry, 'title' | 'lastOpenedAt' | 'lastSyncedAt' | 'genesisId'>>): Promise<void>;
  remove(id: DocId): Promise<void>;
  readDeviceKey(): Promise<DeviceKeyRecord | undefined>;
  /** Stores the key only if none exists yet, and returns whichever key is stored (two tabs may race). */
  initDeviceKey(record: DeviceKeyRecord): Promise<DeviceKeyRecord>;
  readSetting<T>(key: string): Promise<T | undefined>;
  writeSetting(key: string, value: unknown): Promise<void>;
  /** Calls back whenever the documents table changes (any tab). */
  subscribe(listener: (entries: readonly CatalogEntry[]) => void): () => void;
  close(): void;
  /** The directory's table; its queries (src/persistence/directory-index.ts) load with the directory. */
  readonly directoryTable: EntityTable<DirectoryRow, 'key'>;
  readonly summaryTable: EntityTable<ChapterSummary, 'docId'>;
}

/** How long the start's snapshot may answer reads: only the app's start reads from it. */
const SNAPSHOT_MS = 2_000;

interface Snapshot {
  readonly takenAt: number;
  readonly settings: ReadonlyMap<string, unknown>;
  readonly device: DeviceKeyRecord | undefined;
  readonly documents: readonly CatalogEntry[];
  /** Each read is answered once from the snapshot; a second one goes to the database. */
  readonly served: Set<string>;
}

export function createCatalog(db: CatalogDatabase = openCatalog()): Catalog {
  const list = () => db.documents.orderBy('lastOpenedAt').reverse().toArray();
  // The start's reads (settings, device key, document list: ~7 separate transactions, each a few ms
  // of Dexie work on a phone) come from one transaction. A write here drops it; so does time.
  let snapshot: Promise<Snapshot> | null = null;
  let snapshotUsable = true;
  const fromSnapshot = async <T>(key: string, pick: (s: Snapshot) => T, read: () => Promise<T>): Promise<T> => {
    if (snapshotUsable && !snapshot) {
      snapshot = db.transaction('r', [db.settings, db.identity, db.documents], async () => {
        const [settings, device, documents] = await Promise.all([db.settings.toArray(), db.identity.get('device'), list()]);
        return { takenAt: Date.now(), settings: new Map(settings.map((s) => [s.key, s.value])), device, documents, served: new Set<string>() };
      });
    }
    const taken = snapshotUsable && snapshot ? await snapshot.catch(() => null) : null;
    if (!taken || !snapshotUsable || taken.served.has(key) || Date.now() - taken.takenAt > SNAPSHOT_MS) return read();
    taken.served.add(key);
    return pick(taken);
  };
  // Before the write starts: a read that overlaps it must not get the older answer.
  const writing = (): void => {
    snapshotUsable = false;
    snapshot = null;
  };
  return {
    list: () => fromSnapshot('list', (s) => s.documents, list),
    get: (id) => db.documents.get(id),
    put: async (entry) => {
      writing();
      await db.documents.put(entry);
    },
    touch: async (id, changes) => {
      writing();
      await db.documents.update(id, changes);
    },
    remove: async (id) => {
      writing();
      removeSummaryFrame(id);
      await db.documents.delete(id);
    },
    readDeviceKey: () => fromSnapshot('device', (s) => s.device, () => db.identity.get('device')),
    initDeviceKey: (record) => {
      writing();
      return db.transaction('rw', db.identity, async () => {
        const existing = await db.identity.get('device');
        if (existing) return existing;
        await db.identity.put(record);
        return record;
      });
    },
    readSetting: <T>(key: string) =>
      fromSnapshot(
        `setting:${key}`,
        (s) => s.settings.get(key) as T | undefined,
        async () => (await db.settings.get(key))?.value as T | undefined,
      ),
    writeSetting: async (key, value) => {
      writing();
      await db.settings.put({ key, value });
    },
    subscribe: (listener) => {
      const subscription = Dexie.liveQuery(list).subscribe({ next: listener, error: () => undefined });
      return () => subscription.unsubscribe();
    },
    close: () => db.close(),
    directoryTable: db.directory,
    summaryTable: db.summaries,
  };
}

/** The interface language chosen in Settings (a locale code); absent until the user picks one. */
export const languageSetting = {
  read: (catalog: Catalog): Promise<string | undefined> => catalog.readSetting<string>('language'),
  write: (catalog: Catalog, code: string): Promise<void> => catalog.writeSetting('language', code),
};
