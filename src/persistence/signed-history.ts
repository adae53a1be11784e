import Dexie, { type Table } from 'dexie';
import type { SignedRecord } from '../crdt/signed-records';
import type { DocId } from '../domain/ids';

/**
 * Every signed record this device has seen, per document: device-only, never synced, never pruned,
 * so records a peer deletes or overwrites can be shown and put back.
 */
export interface SignedHistory {
  /** Just the keys: cheap to hold for a busy chapter (tens of thousands of ballots). */
  keys(docId: DocId): Promise<readonly string[]>;
  records(docId: DocId, keys: readonly string[]): Promise<readonly SignedRecord[]>;
  /** Keeps the first copy seen of each key: a later altered copy never replaces it. */
  remember(docId: DocId, records: readonly SignedRecord[]): Promise<void>;
}

interface Row extends SignedRecord {
  readonly docId: string;
}

type HistoryDatabase = Dexie & { records: Table<Row, [string, string]> };

// Written in slices so a first visit to a busy chapter never blocks the page for long.
const SLICE = 1_000;

export function openSignedHistory(name = 'chapterhouse-signed-history'): SignedHistory {
  const db = new Dexie(name) as HistoryDatabase;
  db.version(1).stores({ records: '[docId+key], docId' });
  return {
    async keys(docId) {
      const keys = await db.records.where('[docId+key]').between([docId, Dexie.minKey], [docId, Dexie.maxKey]).primaryKeys();
      return keys.map(([, key]) => key);
    },
    async records(docId, keys) {
      const rows = await db.records.bulkGet(keys.map((key): [string, string] => [docId, key]));
      return rows.filter((row): row is Row => row !== undefined).map(({ docId: _doc, ...record }) => record);
    },
    async remember(docId, records) {
      for (let start = 0; start < records.length; start += SLICE) {
        const slice = records.slice(start, start + SLICE);
        await db.transaction('rw', db.records, async () => {
          const existing = await db.records.bulkGet(slice.map((r): [string, string] => [docId, r.key]));
          const fresh = slice.filter((_, index) => existing[index] === undefined).map((r) => ({ ...r, docId }));
          if (fresh.length > 0) await db.records.bulkAdd(fresh);
        });
        if (start + SLICE < records.length) await new Promise((resolve) => setTimeout(resolve, 0));
      }
    },
  };
}
