import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { decodeStateVector, encodeStateVector } from '../../src/crdt/state-vector';

const vectors = fc
  .array(fc.tuple(fc.nat({ max: 2 ** 32 - 1 }), fc.maxSafeNat()), { maxLength: 20 })
  .map((pairs) => new Map(pairs));

describe('state vectors without Yjs', () => {
  it('encode byte for byte as Y.encodeStateVector does', () => {
    fc.assert(
      fc.property(vectors, (vector) => {
        expect(encodeStateVector(vector)).toEqual(Y.encodeStateVector(vector));
      }),
    );
  });

  it('decode what Yjs encoded, and Yjs decodes what they encoded', () => {
    fc.assert(
      fc.property(vectors, (vector) => {
        expect(decodeStateVector(Y.encodeStateVector(vector))).toEqual(vector);
        expect(Y.decodeStateVector(encodeStateVector(vector))).toEqual(vector);
      }),
    );
  });

  it("read a live document's vector", () => {
    const doc = new Y.Doc();
    doc.getText('t').insert(0, 'hello');
    const other = new Y.Doc();
    Y.applyUpdate(other, Y.encodeStateAsUpdate(doc));
    other.getText('t').insert(5, ' world');
    const local = Y.encodeStateVector(other);
    expect(decodeStateVector(local)).toEqual(Y.decodeStateVector(local));
    expect(decodeStateVector(local)?.get(doc.clientID)).toBe(5);
  });

  it('return null for truncated or empty bytes instead of throwing', () => {
    const bytes = Y.encodeStateVector(new Map([[123456789, 987654321]]));
    for (let length = 0; length < bytes.length; length++) expect(decodeStateVector(bytes.slice(0, length))).toBeNull();
    expect(decodeStateVector(Uint8Array.from([0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff]))).toBeNull();
  });
});
