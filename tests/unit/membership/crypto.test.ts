import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { decodeBase64url, encodeBase64url } from '../../../src/crypto/base64url';
import { generateDeviceKeyPair, signBytes, verifyBytes } from '../../../src/crypto/ed25519';
import { createEntryVerifier, signEntry, validateSignedLog } from '../../../src/crypto/entry-signing';
import { sha256Base64url, sha256Hex, utf8 } from '../../../src/crypto/hash';
import { safetyCode } from '../../../src/crypto/safety-code';
import { canonicalEntry, canonicalJson } from '../../../src/domain/membership/canonical';
import { draftEntry } from '../../../src/domain/membership/draft';
import type { MembershipEntry } from '../../../src/domain/membership/types';
import { validateLog } from '../../../src/domain/membership/validate';
import { CHAPTER, foundChapter, join, newDevice } from './fixtures';

/** Any UTF-16 code unit, lone surrogates included. */
const codeUnit = fc.integer({ min: 0, max: 0xffff }).map((unit) => String.fromCharCode(unit));

describe('canonical form', () => {
  it('sorts keys at every level, has no whitespace and omits undefined', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, 'x'], c: null }, e: undefined })).toBe(
      '{"a":{"c":null,"d":[1,"x"]},"b":1}',
    );
  });

  it('excludes id and signature and ignores key order', async () => {
    const { found } = await foundChapter();
    const reversed = Object.fromEntries(Object.entries(found).reverse()) as MembershipEntry;
    expect(canonicalEntry(reversed)).toBe(canonicalEntry(found));
    expect(canonicalEntry(found)).not.toContain(found.signature);
    expect(canonicalEntry({ ...found, id: 'x' as MembershipEntry['id'] })).toBe(canonicalEntry(found));
  });

  it('is injective on strings, lone surrogates included', () => {
    fc.assert(
      fc.property(fc.string({ unit: codeUnit }), fc.string({ unit: codeUnit }), (a, b) => {
        fc.pre(a !== b);
        const bytesA = Buffer.from(utf8(canonicalJson({ a })));
        expect(bytesA.equals(utf8(canonicalJson({ a: b })))).toBe(false);
      }),
      { numRuns: 300 },
    );
  });
});

describe('base64url and hashes', () => {
  it('round-trips bytes and rejects non-canonical text', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 80 }), (bytes) => {
        const text = encodeBase64url(bytes);
        expect(text).toBe(Buffer.from(bytes).toString('base64url'));
        expect(decodeBase64url(text)).toEqual(bytes);
      }),
      { numRuns: 300 },
    );
    expect(decodeBase64url('AB')).toBeNull(); // unused bits set
    expect(decodeBase64url('AA')).toEqual(new Uint8Array([0]));
    expect(decodeBase64url('A')).toBeNull();
    expect(decodeBase64url('AA==')).toBeNull();
    expect(decodeBase64url('A+')).toBeNull();
    // Outside ASCII (the decoder looks characters up in a 128-entry table).
    expect(decodeBase64url('AÀ')).toBeNull();
    expect(decodeBase64url('A\u0141')).toBeNull();
    expect(decodeBase64url('😀AA')).toBeNull();
  });

  it('computes SHA-256', () => {
    expect(sha256Hex(utf8('abc'))).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(sha256Base64url(utf8('abc'))).toBe('ungWv48Bz-pBQUDeXa4iI7ADYaOWF3qctBD_YfIAFa0');
  });
});

describe('device keys and entry signatures', () => {
  it('generates a non-extractable signing key with a raw 32-byte public key', async () => {
    const pair = await generateDeviceKeyPair();
    expect(pair.keyPair.privateKey.extractable).toBe(false);
    expect(decodeBase64url(pair.publicKey)).toHaveLength(32);
    await expect(crypto.subtle.exportKey('pkcs8', pair.keyPair.privateKey)).rejects.toThrow();
    const bytes = utf8('hello');
    const signature = await signBytes(pair, bytes);
    expect(await verifyBytes(pair.publicKey, signature, bytes)).toBe(true);
    expect(await verifyBytes(pair.publicKey, signature, utf8('hellp'))).toBe(false);
    expect(await verifyBytes('not-a-key', signature, bytes)).toBe(false);
    expect(await verifyBytes(pair.publicKey, 'short', bytes)).toBe(false);
  });

  it('signEntry fills the id (hash of the canonical bytes) and a verifying signature', async () => {
    const device = await newDevice();
    const draft = draftEntry(
      { type: 'request', name: 'Grace', deviceKey: device.publicKey },
      { chapterId: CHAPTER, author: device.publicKey, parents: [], createdAt: '2026-03-01T18:00:00Z' },
    );
    expect(draft.counter).toBe(1);
    const entry = await signEntry(draft, device);
    expect(entry.id).toBe(sha256Base64url(utf8(canonicalEntry(draft))));
    const verifier = createEntryVerifier();
    expect(await verifier.verifyEntry(entry)).toBe(true);
    expect(await verifier.verifyEntry(entry)).toBe(true);
    // A forged copy under the genuine (cached) id misses the cache and fails.
    expect(await verifier.verifyEntry({ ...entry, name: 'Mallory' })).toBe(false);
    expect(await verifier.verifyEntry({ ...entry, signature: 'A'.repeat(86) })).toBe(false);
    expect(await verifier.verifyEntry({ not: 'an entry' })).toBe(false);
    expect(await verifier.verifyEntry(entry)).toBe(true);
    const other = await newDevice();
    await expect(signEntry(draft, other)).rejects.toThrow(TypeError);
  });

  it('rejects every other last character of a signature (no malleable padding bits)', async () => {
    const { found } = await foundChapter();
    const verifier = createEntryVerifier();
    const head = found.signature.slice(0, -1);
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    const results = await Promise.all(
      [...alphabet].map((char) => verifier.verifyEntry({ ...found, signature: head + char })),
    );
    expect(results.filter(Boolean)).toHaveLength(1);
  });

  it('verifyAll returns the entry objects that verified', async () => {
    const { log, found } = await foundChapter();
    const forged = { ...found, name: 'Eve' };
    const verified = await createEntryVerifier().verifyAll([...log.entries, forged]);
    expect(verified.has(found)).toBe(true);
    expect(verified.has(forged)).toBe(false);
  });
});

describe('trusted tokens from an earlier session', () => {
  it('skip WebCrypto for exactly the bytes verified before', async () => {
    const { log, founder } = await foundChapter();
    const device = await newDevice();
    await log.add({ type: 'request', name: 'Grace', deviceKey: device.publicKey }, device);
    await log.add({ type: 'leave' }, founder);
    const first = createEntryVerifier();
    expect((await first.verifyAll(log.entries)).size).toBe(3);
    const tokens = first.verifiedTokens();
    expect(tokens).toHaveLength(3);

    const spy = vi.spyOn(crypto.subtle, 'verify');
    try {
      const reloaded = structuredClone(log.entries);
      const second = createEntryVerifier({ trusted: tokens });
      expect((await second.verifyAll(reloaded)).size).toBe(3);
      expect(spy).not.toHaveBeenCalled();
      const altered = { ...reloaded[1]!, name: 'Mallory' };
      expect(await second.verifyEntry(altered)).toBe(false);
    } finally {
      spy.mockRestore();
    }
  });
});

describe('safety codes', () => {
  it('are short, readable, deterministic and differ between keys', async () => {
    const a = await newDevice();
    const b = await newDevice();
    const code = safetyCode(a.publicKey);
    expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
    expect(safetyCode(a.publicKey)).toBe(code);
    expect(safetyCode(b.publicKey)).not.toBe(code);
    expect(safetyCode(a.publicKey, 2)).toBe(code?.slice(0, 9));
    expect(safetyCode('nope')).toBeNull();
  });
});

describe('validating while verifying', () => {
  it('gives the same state as validating after every signature is known, forged entries or not', async () => {
    const { log, founder } = await foundChapter();
    const grace = await join(log, 'Grace', founder);
    await join(log, 'Ada', founder);
    await log.add({ type: 'grant-role', memberId: grace.memberId, role: 'teller' }, founder);
    const genuine = log.entries;
    await fc.assert(
      fc.asyncProperty(fc.array(fc.nat({ max: genuine.length - 1 }), { maxLength: 3 }), async (picks) => {
        // Each pick replaces an entry with a copy whose signature no longer matches its content.
        const entries = genuine.map((entry, index) => (picks.includes(index) ? { ...entry, name: `Eve ${index}` } : entry));
        const options = { chapterId: CHAPTER, genesisId: genuine[0]!.id };
        const verified = await createEntryVerifier().verifyAll(entries);
        const expected = validateLog(entries, (entry) => verified.has(entry), options);
        expect(await validateSignedLog(entries, options, createEntryVerifier())).toEqual(expected);
      }),
      { numRuns: 25 },
    );
  });
});
