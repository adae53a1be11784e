import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { BUNDLE_FORMAT_VERSION, BUNDLE_MAGIC } from '../../../src/sync/bundle/container';
import { decodeBundle, encodeBundle } from '../../../src/sync/bundle/format';
import { contentOf, docIdArb, docWith, editArb, sampleDocs, secretArb } from './fixtures';

const meta = { appVersion: '0.1.0', createdAt: '2026-11-24T10:00:00.000Z' };

describe('bundle encode/decode', () => {
  it('round-trips random documents with random edits', async () => {
    const docsArb = fc.uniqueArray(
      fc.record({ docId: docIdArb, title: fc.string({ maxLength: 40 }), secret: secretArb, edits: fc.array(editArb, { maxLength: 30 }) }),
      { maxLength: 5, selector: (d) => d.docId },
    );
    await fc.assert(
      fc.asyncProperty(docsArb, async (specs) => {
        const sources = specs.map((spec) => docWith(spec.edits));
        const inputs = specs.map((spec, i) => ({ ...spec, kind: 'chapter' as const, update: Y.encodeStateAsUpdate(sources[i]!) }));
        const decoded = await decodeBundle(await encodeBundle(inputs, meta));
        if (!decoded.ok) throw new Error(decoded.error.detail);
        expect(decoded.value).toMatchObject({ ...meta, includesSecrets: true });
        expect(decoded.value.documents.map(({ docId, title, secret }) => ({ docId, title, secret }))).toEqual(
          specs.map(({ docId, title, secret }) => ({ docId, title, secret })),
        );
        decoded.value.documents.forEach((entry, i) => {
          const copy = new Y.Doc();
          Y.applyUpdate(copy, entry.update);
          expect(contentOf(copy)).toEqual(contentOf(sources[i]!));
          expect(Y.encodeStateVector(copy)).toEqual(Y.encodeStateVector(sources[i]!));
        });
      }),
      { numRuns: 60 },
    );
  });

  it('starts with the magic bytes and the format version', async () => {
    const file = await encodeBundle(sampleDocs(), meta);
    expect(file.subarray(0, 8)).toEqual(BUNDLE_MAGIC);
    expect(new TextDecoder().decode(file.subarray(0, 8))).toBe('CHBUNDLE');
    expect(new DataView(file.buffer).getUint16(8)).toBe(BUNDLE_FORMAT_VERSION);
  });

  it('carries room secrets by default and leaves them out when asked', async () => {
    const withSecrets = await decodeBundle(await encodeBundle(sampleDocs(), meta));
    const without = await decodeBundle(await encodeBundle(sampleDocs(), { ...meta, includeSecrets: false }));
    expect(withSecrets.ok && withSecrets.value.documents.every((d) => d.secret !== undefined)).toBe(true);
    expect(without.ok && without.value.includesSecrets).toBe(false);
    expect(without.ok && without.value.documents.every((d) => d.secret === undefined)).toBe(true);
  });

  it('round-trips an empty bundle', async () => {
    const decoded = await decodeBundle(await encodeBundle([], meta));
    expect(decoded).toEqual({ ok: true, value: { ...meta, includesSecrets: true, documents: [] } });
  });

  it('compresses: repetitive documents shrink', async () => {
    const doc = docWith(Array.from({ length: 200 }, () => ({ op: 'insert' as const, at: 0, text: 'agenda item; ' })));
    const [first] = sampleDocs();
    const input = { ...first!, update: Y.encodeStateAsUpdate(doc) };
    const file = await encodeBundle([input], meta);
    expect(file.length).toBeLessThan(input.update.length);
  });

  it('refuses to write a bundle no device would read', async () => {
    const [doc] = sampleDocs();
    await expect(encodeBundle([doc!, doc!], meta)).rejects.toThrow(RangeError);
  });
});
