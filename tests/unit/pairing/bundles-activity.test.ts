import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createBundles } from '../../../src/app/bundles';
import { createDocumentRegistry } from '../../../src/app/documents';
import { createSyncActivity, unsharedCount } from '../../../src/app/sync-activity';
import type { DocId, RoomSecret } from '../../../src/domain/ids';
import { emptyReassembly } from '../../../src/domain/qr-chunks';
import { createCatalog, openCatalog } from '../../../src/persistence/catalog';
import { openDocumentStorage } from '../../../src/persistence/document-storage';
import { createMemoryNetwork } from '../../../src/sync/memory-transport';
import { addScannedFrame, pairingFrames } from '../../../src/sync/pairing/qr';
import { applyPeerUpdate } from '../../../src/sync/peer-update';
import { POISON } from '../../helpers/poison-update';

let devices = 0;
/** One device: its own catalog, registry, activity and bundle store; sync paused (files only). */
function device() {
  const name = `bundles-device-${++devices}-${Date.now()}`;
  const catalog = createCatalog(openCatalog(name));
  const documents = createDocumentRegistry({
    catalog,
    transport: createMemoryNetwork().transport,
    // Per-device IndexedDB names, as two browsers would have.
    openStorage: (docId, doc) => openDocumentStorage(`${name}x${docId}`.slice(0, 64).replace(/[^a-z0-9]/g, '') as DocId, doc),
    now: () => new Date().toISOString(),
    onFirstWrite: () => undefined,
  });
  documents.setOnline(false);
  const now = () => new Date().toISOString();
  const activity = createSyncActivity({ catalog, documents, now });
  const bundles = createBundles({ catalog, documents, activity, appVersion: 'test', now });
  return { catalog, documents, activity, bundles };
}

const docId = 'bundledocument000000001' as DocId;
const secret = 'secret-secret-secret-secret-00' as RoomSecret;

describe('unshared changes', () => {
  it('counts clocks beyond the shared state vector', () => {
    expect(unsharedCount(new Map([[1, 10]]), new Map())).toBe(10);
    expect(
      unsharedCount(
        new Map([
          [1, 10],
          [2, 3],
        ]),
        new Map([
          [1, 7],
          [2, 5],
        ]),
      ),
    ).toBe(3);
  });
});

describe('damaged updates from peers', () => {
  it('are refused whole and flagged in the sync history, one line however many arrive', () => {
    const { activity } = device();
    const doc = new Y.Doc();
    doc.getText('notes').insert(0, 'kept');
    expect(applyPeerUpdate(doc, POISON, 'peer')).toBe(false);
    expect(applyPeerUpdate(doc, POISON, 'peer')).toBe(false);
    expect(doc.getText('notes').toString()).toBe('kept');
    expect(activity.history()[0]).toMatchObject({ kind: 'refusedUpdate', documents: 2 });
    expect(activity.history().filter((event) => event.kind === 'refusedUpdate')).toHaveLength(1);
  });
});

describe('pairing QR frames', () => {
  it('one frame for a short code; an oversized one animates and reassembles in any order', () => {
    expect(pairingFrames('CHP1O.abc')).toEqual(['CHP1O.abc']);
    const long = `CHP1O.${'x'.repeat(2500)}`;
    const frames = pairingFrames(long);
    expect(frames.length).toBe(3);
    let state = emptyReassembly;
    let code: string | null = null;
    for (const frame of [...frames].reverse()) {
      const next = addScannedFrame(state, frame);
      if (!next.ok) throw new Error('refused');
      state = next.value.state;
      code = next.value.code;
    }
    expect(code).toBe(long);
  });
});

describe('bundle store', () => {
  it('exports, imports with a plan, is idempotent, refuses tampering, and tracks what is only here', async () => {
    const a = device();
    const b = device();
    const now = new Date().toISOString();
    await a.catalog.put({ id: docId, kind: 'chapter', title: 'Stall', secret, createdAt: now, lastOpenedAt: now, lastSyncedAt: null });
    const opened = a.documents.openDocument(docId, secret);
    await opened.storage.loaded;
    opened.doc.getText('notes').insert(0, 'hello');
    a.activity.refreshUnshared(docId);
    expect(a.activity.activity(docId).unshared).toBe(5);

    const file = await a.bundles.exportBundle();
    expect(file.documents).toBe(1);
    expect(a.activity.activity(docId).unshared).toBe(0);
    expect(a.activity.history()[0]?.kind).toBe('exported');

    const tampered = file.bytes.slice();
    tampered[Math.floor(tampered.length / 2)]! ^= 0xff;
    const refused = await b.bundles.readImport(tampered);
    expect(refused).toEqual({ ok: false, error: 'corrupted' });
    expect(await b.catalog.list()).toEqual([]);

    const preview = await b.bundles.readImport(file.bytes);
    if (!preview.ok) throw new Error(preview.error);
    expect([preview.value.summary.added, preview.value.summary.updated, preview.value.summary.unchanged]).toEqual([1, 0, 0]);
    expect(await b.catalog.list()).toEqual([]);
    const applied = await preview.value.apply();
    expect(applied.added).toBe(1);
    expect((await b.catalog.get(docId))?.title).toBe('Stall');
    expect(b.documents.get(docId)?.doc.getText('notes').toString()).toBe('hello');

    const again = await b.bundles.readImport(file.bytes);
    if (!again.ok) throw new Error(again.error);
    expect(again.value.summary.unchanged).toBe(1);
    const before = Y.encodeStateVector(b.documents.get(docId)!.doc);
    expect((await again.value.apply()).unchanged).toBe(1);
    expect(Y.encodeStateVector(b.documents.get(docId)!.doc)).toEqual(before);
  });
});
