import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { DocId } from '../../../src/domain/ids';
import type { BundleDocument, DecodedBundle } from '../../../src/sync/bundle/format';
import { decodeBundle, encodeBundle } from '../../../src/sync/bundle/format';
import { applyImport, hasNewChanges, planImport } from '../../../src/sync/bundle/import';
import { REMOTE_ORIGIN } from '../../../src/sync/transport';
import type { Edit } from './fixtures';
import { applyEdits, contentOf, docId, docWith, editArb, inputFor } from './fixtures';

const meta = { appVersion: '0.1.0', createdAt: '2026-11-24T10:00:00.000Z' };

const decode = async (docs: readonly Y.Doc[]): Promise<DecodedBundle> => {
  const result = await decodeBundle(await encodeBundle(docs.map((doc, i) => inputFor(i + 1, doc)), meta));
  if (!result.ok) throw new Error(result.error.detail);
  return result.value;
};

const clone = (doc: Y.Doc) => {
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  return copy;
};

/** A device's documents, keyed as the app would; docs are created on first import. */
const device = (initial: Record<string, Y.Doc> = {}) => {
  const docs = new Map<string, Y.Doc>(Object.entries(initial));
  const target = (entry: BundleDocument) => docs.get(entry.docId) ?? docs.set(entry.docId, new Y.Doc()).get(entry.docId)!;
  return { docs, current: (id: DocId) => docs.get(id), target };
};

const countUpdates = (docs: Iterable<Y.Doc>, work: () => void): number => {
  let count = 0;
  const listener = () => count++;
  const all = [...docs];
  for (const doc of all) doc.on('update', listener);
  work();
  for (const doc of all) doc.off('update', listener);
  return count;
};

describe('planImport', () => {
  const source = [docWith([{ op: 'insert', at: 0, text: 'same' }]), docWith([{ op: 'insert', at: 0, text: 'old' }]), docWith([])];
  const older = clone(source[1]!);
  applyEdits(source[1]!, [{ op: 'insert', at: 3, text: ' and new' }]);
  applyEdits(source[2]!, [{ op: 'set', key: 'a', value: 'only on the other device' }]);

  it('says what the import will add, update and leave alone, before touching anything', async () => {
    const decoded = await decode(source);
    const { current, docs } = device({ [docId(1)]: clone(source[0]!), [docId(2)]: older });
    const before = [...docs.values()].map((doc) => Y.encodeStateVector(doc));
    let plan: ReturnType<typeof planImport> | undefined;
    expect(countUpdates(docs.values(), () => (plan = planImport(decoded, current)))).toBe(0);
    expect(plan).toMatchObject({ added: 1, updated: 1, unchanged: 1 });
    expect(plan?.entries.map((entry) => entry.status)).toEqual(['unchanged', 'updates', 'new']);
    expect(plan?.entries.every((entry) => entry.carriesSecret)).toBe(true);
    expect([...docs.values()].map((doc) => Y.encodeStateVector(doc))).toEqual(before);
  });

  it('notices changes that are only deletions (no new clock in the state vector)', async () => {
    const mine = docWith([{ op: 'insert', at: 0, text: 'delete me please' }]);
    const theirs = clone(mine);
    theirs.getText('notes').delete(0, 10);
    expect(Y.encodeStateVector(theirs)).toEqual(Y.encodeStateVector(mine));
    expect(hasNewChanges(mine, Y.encodeStateAsUpdate(theirs))).toBe(true);
    expect(hasNewChanges(theirs, Y.encodeStateAsUpdate(mine))).toBe(false);
    const { target } = device({ [docId(1)]: mine });
    expect(applyImport(await decode([theirs]), target)).toMatchObject({ updated: 1 });
    expect(mine.getText('notes').toString()).toBe('please');
  });
});

describe('applyImport', () => {
  it('importing the same file twice changes nothing the second time', async () => {
    const decoded = await decode([docWith([{ op: 'insert', at: 0, text: 'minutes' }]), docWith([{ op: 'set', key: 'b', value: 'x' }])]);
    const { docs, target } = device();
    expect(applyImport(decoded, target)).toMatchObject({ added: 2, updated: 0, unchanged: 0 });
    const vectors = [...docs.values()].map((doc) => Y.encodeStateVector(doc));
    let second: ReturnType<typeof applyImport> | undefined;
    expect(countUpdates(docs.values(), () => (second = applyImport(decoded, target)))).toBe(0);
    expect(second).toMatchObject({ added: 0, updated: 0, unchanged: 2 });
    expect([...docs.values()].map((doc) => Y.encodeStateVector(doc))).toEqual(vectors);
  });

  it('hands the target each entry with its secret, and tags changes as remote', async () => {
    const decoded = await decode([docWith([{ op: 'insert', at: 0, text: 'x' }])]);
    const seen: unknown[] = [];
    const doc = new Y.Doc();
    doc.on('update', (_u: Uint8Array, origin: unknown) => seen.push(origin));
    applyImport(decoded, (entry) => {
      expect(entry.secret).toBeDefined();
      return doc;
    });
    expect(seen).toEqual([REMOTE_ORIGIN]);
  });

  it('plans exactly what applying does, and merges concurrent edits (property)', async () => {
    const edits = fc.array(editArb, { maxLength: 12 });
    await fc.assert(
      fc.asyncProperty(edits, edits, edits, async (shared, onMine, onTheirs) => {
        const mine = docWith(shared);
        const theirs = clone(mine);
        applyEdits(mine, onMine as Edit[]);
        applyEdits(theirs, onTheirs);
        const decoded = await decode([theirs]);
        const { current, target } = device({ [docId(1)]: mine });
        const oracle = clone(mine);
        const expectChange = countUpdates([oracle], () => Y.applyUpdate(oracle, decoded.documents[0]!.update)) > 0;
        const plan = planImport(decoded, current);
        const wasEmpty = mine.store.clients.size === 0;
        expect(plan.entries[0]?.status).toBe(expectChange ? (wasEmpty ? 'new' : 'updates') : 'unchanged');
        expect(applyImport(decoded, target)).toEqual(plan);
        expect(countUpdates([mine], () => applyImport(decoded, target))).toBe(0);
        Y.applyUpdate(theirs, Y.encodeStateAsUpdate(mine));
        expect(contentOf(mine)).toEqual(contentOf(theirs));
      }),
      { numRuns: 150 },
    );
  });
});
