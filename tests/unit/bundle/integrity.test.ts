import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { BundleErrorKind } from '../../../src/sync/bundle/errors';
import { decodeBundle, encodeBundle } from '../../../src/sync/bundle/format';
import { docWith, editArb, inputFor, sampleDocs } from './fixtures';

const meta = { appVersion: '0.1.0', createdAt: '2026-11-24T10:00:00.000Z' };
const DAMAGE: readonly BundleErrorKind[] = ['notABundle', 'unsupportedVersion', 'truncated', 'corrupted'];

const errorKind = async (bytes: Uint8Array) => {
  const result = await decodeBundle(bytes);
  return result.ok ? 'accepted' : result.error.kind;
};

const bundleArb = fc
  .array(fc.array(editArb, { maxLength: 15 }), { minLength: 1, maxLength: 3 })
  .map((docs) => docs.map((edits, i) => inputFor(i, docWith(edits))));

describe('bundle integrity', () => {
  it('detects truncation at every length of a bundle', async () => {
    const file = await encodeBundle(sampleDocs(), meta);
    expect(await errorKind(file.subarray(0, 0))).toBe('notABundle');
    for (let length = 1; length < file.length; length++) {
      expect([length, await errorKind(file.subarray(0, length))]).toEqual([length, 'truncated']);
    }
    expect(await errorKind(file)).toBe('accepted');
  });

  it('detects truncation in every region of random bundles (magic, header, payload, checksum)', async () => {
    await fc.assert(
      fc.asyncProperty(bundleArb, fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }), async (docs, cut) => {
        const file = await encodeBundle(docs, meta);
        const length = 1 + Math.floor(cut * (file.length - 1));
        expect(await errorKind(file.subarray(0, length))).toBe('truncated');
      }),
      { numRuns: 200 },
    );
  });

  it('detects any single bit flip', async () => {
    await fc.assert(
      fc.asyncProperty(bundleArb, fc.nat(), fc.integer({ min: 0, max: 7 }), async (docs, position, bit) => {
        const file = (await encodeBundle(docs, meta)).slice();
        file[position % file.length]! ^= 1 << bit;
        expect(DAMAGE).toContain(await errorKind(file));
      }),
      { numRuns: 300 },
    );
  });

  it('detects scattered random damage', async () => {
    const file = await encodeBundle(sampleDocs(), meta);
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(fc.nat(file.length - 1), fc.integer({ min: 1, max: 255 })), { minLength: 1, maxLength: 8 }), async (hits) => {
        const damaged = file.slice();
        for (const [at, mask] of hits) damaged[at]! ^= mask;
        const same = damaged.every((byte, i) => byte === file[i]);
        const kind = await errorKind(damaged);
        if (same) expect(kind).toBe('accepted');
        else expect(DAMAGE).toContain(kind);
      }),
      { numRuns: 200 },
    );
  });

  it('refuses bytes appended after the checksum', async () => {
    const file = await encodeBundle(sampleDocs(), meta);
    const longer = new Uint8Array(file.length + 1);
    longer.set(file);
    expect(await errorKind(longer)).toBe('corrupted');
  });

  it('validates everything before reporting success: one bad update refuses the whole file', async () => {
    const good = inputFor(1, docWith([{ op: 'insert', at: 0, text: 'kept safe' }]));
    const bad = { ...inputFor(2, new Y.Doc()), update: new Uint8Array([1, 1, 1, 0, 4, 0, 1, 1, 0]) };
    expect(await errorKind(await encodeBundle([good, bad], meta))).toBe('invalidUpdate');
  });
});

describe('foreign files', () => {
  const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
  const cases: Record<string, Uint8Array> = {
    'an empty file': new Uint8Array(),
    'a PNG image': png,
    'a JSON file': new TextEncoder().encode(JSON.stringify({ documents: [], createdAt: 'now' })),
    'a zip archive': new Uint8Array([0x50, 0x4b, 0x03, 0x04, 20, 0, 0, 0, 8, 0]),
    'a gzip file': new Uint8Array([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3]),
    'a text file': new TextEncoder().encode('CHAPTER minutes, Tuesday'),
  };
  for (const [name, bytes] of Object.entries(cases)) {
    it(`refuses ${name} as notABundle`, async () => {
      expect(await errorKind(bytes)).toBe('notABundle');
    });
  }

  it('never throws on random bytes, and never accepts them', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 300 }), async (bytes) => {
        // A few random bytes can spell the start of the magic ("C", "CH"…): that reads as a cut-off bundle.
        const magic = new TextEncoder().encode('CHBUNDLE');
        const magicPrefix = bytes.length > 0 && bytes.length < magic.length && bytes.every((byte, i) => byte === magic[i]);
        expect(await errorKind(bytes)).toBe(magicPrefix ? 'truncated' : 'notABundle');
      }),
      { numRuns: 300 },
    );
  });

  it('never throws on random bytes behind the right magic', async () => {
    const magic = new TextEncoder().encode('CHBUNDLE');
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 300 }), async (tail) => {
        const bytes = new Uint8Array([...magic, ...tail]);
        expect(DAMAGE).toContain(await errorKind(bytes));
      }),
      { numRuns: 300 },
    );
  });

  it('refuses values that are not bytes at all', async () => {
    for (const value of [null, undefined, 'CHBUNDLE', 42, {}, [1, 2, 3]]) {
      expect(await errorKind(value as unknown as Uint8Array)).toBe('notABundle');
    }
  });
});
