import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sha256Hex } from '../../../src/domain/rotation/sha256';
import { cycleRandom, sfc32, shuffledOrder, uniformInt } from '../../../src/domain/rotation/shuffle';

const nodeSha256 = (data: string | Uint8Array) => createHash('sha256').update(data).digest('hex');

describe('sha256', () => {
  it('matches the FIPS 180-4 test vectors', () => {
    expect(sha256Hex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(sha256Hex('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq')).toBe(
      '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1',
    );
    expect(sha256Hex('a'.repeat(100_000))).toBe(nodeSha256('a'.repeat(100_000)));
  });

  it('agrees with node:crypto on any string, hashed as UTF-8 (lone surrogates as U+FFFD)', () => {
    const anyText = fc
      .array(fc.integer({ min: 0, max: 0x10ffff }), { maxLength: 120 })
      .map((codePoints) => String.fromCodePoint(...codePoints));
    fc.assert(
      fc.property(anyText, (text) => {
        expect(sha256Hex(text)).toBe(nodeSha256(text));
      }),
      { numRuns: 200 },
    );
  });

  it('agrees with node:crypto on bytes around the padding boundaries', () => {
    for (let length = 0; length <= 130; length++) {
      const bytes = Uint8Array.from({ length }, (_, i) => (i * 37 + length) & 0xff);
      expect(sha256Hex(bytes)).toBe(nodeSha256(bytes));
    }
  });
});

/**
 * An independent re-derivation of the documented algorithm (node:crypto for SHA-256,
 * sfc32 written with plain modular arithmetic), to prove the header comment is accurate.
 */
function documentedOrder(members: readonly string[], seed: string, cycle: number): string[] {
  const digest = createHash('sha256').update(`${seed}:${cycle}`, 'utf8').digest();
  const M = 2 ** 32;
  let [a, b, c, d] = [0, 4, 8, 12].map((o) => digest.readUInt32BE(o)) as [number, number, number, number];
  const next = () => {
    const out = (a + b + d) % M;
    d = (d + 1) % M;
    a = (b ^ Math.floor(b / 2 ** 9)) >>> 0;
    b = (c + ((c * 8) % M)) % M;
    const rotated = ((c * 2 ** 21) % M) + Math.floor(c / 2 ** 11);
    c = (rotated + out) % M;
    return out;
  };
  const uniform = (m: number) => {
    for (;;) {
      const x = next();
      if (x < M - (M % m)) return x % m;
    }
  };
  const order = [...members].sort();
  for (let i = order.length - 1; i > 0; i--) {
    const j = uniform(i + 1);
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  return order;
}

describe('shuffle', () => {
  it('follows the documented algorithm exactly', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.string({ minLength: 1, maxLength: 8 }), { maxLength: 40 }),
        fc.string(),
        fc.nat(100_000),
        (members, seed, cycle) => {
          expect(shuffledOrder(members, seed, cycle)).toEqual(documentedOrder(members, seed, cycle));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('keeps the published example stable', () => {
    expect(sha256Hex('rot42:blue-harbour:3')).toBe('a51505b67833cb0522a43d4a5c0003208cca232a45bd373f92a69f7d5fe39d46');
    const members = ['eli', 'dev', 'chi', 'ben', 'ana'];
    expect(shuffledOrder(members, 'rot42:blue-harbour', 3)).toEqual(['ben', 'ana', 'chi', 'eli', 'dev']);
    expect(shuffledOrder(members, 'rot42:blue-harbour', 0)).toEqual(['eli', 'ana', 'chi', 'dev', 'ben']);
  });

  it('seeds sfc32 from the first 16 digest bytes, big-endian', () => {
    const digest = createHash('sha256').update('s:7').digest();
    const expected = sfc32(digest.readUInt32BE(0), digest.readUInt32BE(4), digest.readUInt32BE(8), digest.readUInt32BE(12));
    const actual = cycleRandom('s', 7);
    for (let i = 0; i < 10; i++) expect(actual()).toBe(expected());
  });

  it('rejects draws that would bias the modulo', () => {
    const draws = [0xffff_ffff, 0xffff_fffe, 7];
    const random = () => draws.shift() ?? 0;
    // 2^32 mod 3 = 1, so only 0xffffffff is rejected; 0xfffffffe mod 3 = 2.
    expect(uniformInt(random, 3)).toBe(2);
    expect(uniformInt(random, 3)).toBe(1);
  });

  it('is a permutation of the members', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.string(), { maxLength: 30 }), fc.string(), fc.nat(), (members, seed, cycle) => {
        expect([...shuffledOrder(members, seed, cycle)].sort()).toEqual([...members].sort());
      }),
    );
  });
});
