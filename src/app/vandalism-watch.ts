import type * as Y from 'yjs';
import { collectSignedRecords, observeSignedRecords, restoreSignedRecords, type SignedRecord, type SignedRecordKind } from '../crdt/signed-records';
import type { DocId } from '../domain/ids';
import { idle } from './idle';
import type { SignedHistory } from '../persistence/signed-history';

/** Keys of signed records this device saw that the document no longer holds as they were signed. */
export interface VandalismReport {
  /** No copy under the record's key is left. */
  readonly removed: readonly string[];
  /** A copy is there, but not the one that was signed (overwritten under the same signature). */
  readonly altered: readonly string[];
}

export const NO_VANDALISM: VandalismReport = { removed: [], altered: [] };

export const kindOfKey = (key: string): SignedRecordKind => key.slice(0, key.indexOf(':')) as SignedRecordKind;

/** Remembered keys the document no longer has at all. */
export function missingKeys(remembered: Iterable<string>, current: ReadonlySet<string>): string[] {
  const out: string[] = [];
  for (const key of remembered) if (!current.has(key)) out.push(key);
  return out;
}

const AUDIT_SLICE = 500;
const AUDIT_IDLE_MS = 2_000;

export interface VandalismWatch {
  report(): VandalismReport;
  onReport(listener: (report: VandalismReport) => void): () => void;
  /** Puts every removed or altered record back from this device's history; resolves to how many. */
  restore(): Promise<number>;
  destroy(): void;
}

/**
 * Remembers every signed record of one open document and checks after each change to them. Keys
 * (kind, place, signature) find removals cheaply, also across restarts; overwrites under the same
 * key are caught from the change events and confirmed against the copy kept in the history.
 * Starts once the stored document has loaded, so a half-loaded document never looks vandalized.
 */
export async function watchSignedRecords(deps: {
  readonly docId: DocId;
  readonly doc: Y.Doc;
  readonly loaded: Promise<void>;
  readonly history: SignedHistory;
}): Promise<VandalismWatch> {
  await deps.loaded;
  // Never competes with showing the chapter: a busy one holds tens of thousands of signed records.
  await idle(AUDIT_IDLE_MS);
  const known = new Set(await deps.history.keys(deps.docId));
  const altered = new Set<string>();
  const suspects = new Set<string>();
  let current = new Map<string, unknown[]>();
  let report = NO_VANDALISM;
  const listeners = new Set<(report: VandalismReport) => void>();
  let scheduled = false;

  const publish = () => {
    const removed = missingKeys(known, new Set(current.keys()));
    for (const key of altered) if (!current.has(key)) altered.delete(key);
    const next = removed.length === 0 && altered.size === 0 ? NO_VANDALISM : { removed, altered: [...altered] };
    if (next === NO_VANDALISM && report === NO_VANDALISM) return;
    report = next;
    for (const listener of listeners) listener(report);
  };

  // Overwritten under the same key: altered unless a copy equal to the one first seen is still there.
  const compareWithHistory = async (keys: readonly string[]) => {
    const originals = await deps.history.records(deps.docId, keys);
    for (const original of originals) {
      const copies = current.get(original.key) ?? [];
      const signed = JSON.stringify(original.value);
      if (copies.some((copy) => JSON.stringify(copy) === signed)) altered.delete(original.key);
      else altered.add(original.key);
    }
  };
  const confirmSuspects = async () => {
    const keys = [...suspects];
    suspects.clear();
    await compareWithHistory(keys);
    publish();
  };
  // Overwrites that reached the document while nothing watched it (a branch synced in the
  // background, the moments before this watch started) left no change event to catch: compare
  // every remembered record once, in slices at idle moments so a busy chapter never stalls.
  const auditRemembered = async () => {
    const keys = [...known].filter((key) => current.has(key));
    for (let start = 0; start < keys.length && !stopped; start += AUDIT_SLICE) {
      await compareWithHistory(keys.slice(start, start + AUDIT_SLICE));
      publish();
      await idle(AUDIT_IDLE_MS);
    }
  };

  const check = () => {
    scheduled = false;
    const records = collectSignedRecords(deps.doc);
    current = new Map();
    const fresh: SignedRecord[] = [];
    for (const record of records) {
      const copies = current.get(record.key);
      if (copies) copies.push(record.value);
      else current.set(record.key, [record.value]);
      if (!known.has(record.key)) {
        known.add(record.key);
        fresh.push(record);
      }
    }
    const remembered = fresh.length > 0 ? deps.history.remember(deps.docId, fresh) : Promise.resolve();
    if (suspects.size > 0) void remembered.then(confirmSuspects);
    publish();
  };
  // Many records can change in one sync burst: check once per burst.
  const schedule = (displaced: readonly SignedRecord[]) => {
    for (const record of displaced) suspects.add(record.key);
    if (scheduled) return;
    scheduled = true;
    queueMicrotask(check);
  };
  const unobserve = observeSignedRecords(deps.doc, schedule);
  let stopped = false;
  const stop = () => {
    stopped = true;
    unobserve();
  };
  check();
  void auditRemembered();

  return {
    report: () => report,
    onReport(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async restore() {
      const lost = [...report.removed, ...report.altered];
      if (lost.length === 0) return 0;
      const records = await deps.history.records(deps.docId, lost);
      restoreSignedRecords(deps.doc, records);
      for (const record of records) altered.delete(record.key);
      check();
      return records.length;
    },
    destroy: stop,
  };
}
