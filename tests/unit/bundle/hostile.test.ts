import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { HEADER_LENGTH, sealContainer } from '../../../src/sync/bundle/container';
import { decodeBundle } from '../../../src/sync/bundle/format';
import { POISON } from '../../helpers/poison-update';
import { craftBundle, docWith, manifestEntry, resign, secret } from './fixtures';

// Hostile files carry a valid checksum (anyone can compute SHA-256): only the inner checks stop them.
const base = { createdAt: '2026-11-24T10:00:00.000Z', appVersion: '0.1.0', includesSecrets: true };
const update = Y.encodeStateAsUpdate(docWith([{ op: 'insert', at: 0, text: 'hello' }]));

const kindOf = async (file: Uint8Array, maxDecompressedBytes?: number) => {
  const result = await decodeBundle(file, maxDecompressedBytes === undefined ? {} : { maxDecompressedBytes });
  return result.ok ? 'accepted' : result.error.kind;
};

describe('hostile bundles', () => {
  it('accepts the well-formed control case', async () => {
    const file = await craftBundle({ manifest: { ...base, documents: [await manifestEntry(1, update)] }, updates: [update] });
    expect(await kindOf(file)).toBe('accepted');
  });

  it('refuses a manifest declaring huge document sizes (zip-bomb-ish) as tooLarge', async () => {
    const entry = { ...(await manifestEntry(1, update)), byteLength: 50 * 1024 ** 3 };
    const file = await craftBundle({ manifest: { ...base, documents: [entry] }, updates: [update] });
    expect(await kindOf(file)).toBe('tooLarge');
  });

  it('refuses a header declaring a huge decompressed size before inflating anything', async () => {
    const file = await craftBundle({ manifest: { ...base, documents: [] } });
    new DataView(file.buffer).setUint32(14, 0xffffffff);
    expect(await kindOf(await resign(file))).toBe('tooLarge');
  });

  it('stops inflating a real bomb at the size cap', async () => {
    const zeros = new Uint8Array(4 * 1024 * 1024);
    const file = await craftBundle({ manifest: { ...base, documents: [] }, updates: [zeros] });
    expect(file.length).toBeLessThan(20_000);
    expect(await kindOf(file, 1024 * 1024)).toBe('tooLarge');
  });

  it('stops inflating a payload that outgrows the size its header declares', async () => {
    const file = await craftBundle({ manifest: { ...base, documents: [] }, updates: [new Uint8Array(1024 * 1024)] });
    new DataView(file.buffer).setUint32(14, 1000);
    expect(await kindOf(await resign(file))).toBe('tooLarge');
  });

  it('refuses a payload that is not zlib data', async () => {
    const file = await craftBundle({ manifest: { ...base, documents: [] } });
    file.fill(7, HEADER_LENGTH, file.length - 32);
    expect(await kindOf(await resign(file))).toBe('corrupted');
  });

  it('refuses a newer format version', async () => {
    const file = await craftBundle({ manifest: { ...base, documents: [] }, version: 2 });
    expect(await kindOf(file)).toBe('unsupportedVersion');
  });

  it('refuses a document whose bytes do not match its hash', async () => {
    const entry = { ...(await manifestEntry(1, update)), sha256: 'ab'.repeat(32) };
    const file = await craftBundle({ manifest: { ...base, documents: [entry] }, updates: [update] });
    expect(await kindOf(file)).toBe('documentHashMismatch');
  });

  it('refuses bytes that are not a Yjs update', async () => {
    const garbage = new Uint8Array([1, 1, 1, 0, 4, 0, 1, 1, 0]);
    const file = await craftBundle({ manifest: { ...base, documents: [await manifestEntry(1, garbage)] }, updates: [garbage] });
    expect(await kindOf(file)).toBe('invalidUpdate');
  });

  it('refuses an update out of shape (a zero-length deletion) that could leave a document unloadable', async () => {
    const file = await craftBundle({ manifest: { ...base, documents: [await manifestEntry(1, POISON)] }, updates: [POISON] });
    expect(await kindOf(file)).toBe('invalidUpdate');
  });

  describe('invalid manifests', () => {
    const cases: Record<string, () => Promise<Uint8Array>> = {
      'not JSON': () => craftBundle({ manifestText: '{"documents": [' }),
      'JSON of the wrong shape': () => craftBundle({ manifest: ['not', 'a', 'manifest'] }),
      'a missing document list': () => craftBundle({ manifest: base }),
      'a bad docId': async () =>
        craftBundle({ manifest: { ...base, documents: [await manifestEntry(1, update, { docId: 'NOPE' })] }, updates: [update] }),
      'an unknown kind': async () =>
        craftBundle({ manifest: { ...base, documents: [await manifestEntry(1, update, { kind: 'spaceship' })] }, updates: [update] }),
      'a repeated docId': async () => {
        const entry = await manifestEntry(1, update);
        return craftBundle({ manifest: { ...base, documents: [entry, entry] }, updates: [update, update] });
      },
      'a secret it says it does not carry': async () =>
        craftBundle({
          manifest: { ...base, includesSecrets: false, documents: [await manifestEntry(1, update, { secret: secret(1) })] },
          updates: [update],
        }),
      'sizes that do not add up': async () =>
        craftBundle({ manifest: { ...base, documents: [await manifestEntry(1, update)] }, updates: [update, update] }),
      'a negative size': async () =>
        craftBundle({ manifest: { ...base, documents: [await manifestEntry(1, update, { byteLength: -1 })] }, updates: [update] }),
    };
    for (const [name, make] of Object.entries(cases)) {
      it(`refuses ${name}`, async () => {
        expect(await kindOf(await make())).toBe('invalidManifest');
      });
    }

    it('refuses a manifest length pointing past the payload', async () => {
      const raw = new Uint8Array(8);
      new DataView(raw.buffer).setUint32(0, 1_000_000);
      expect(await kindOf(await sealContainer(raw))).toBe('invalidManifest');
    });
  });
});
