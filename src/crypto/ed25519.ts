import type { DeviceKey } from '../domain/membership/types';
import { decodeBase64url, encodeBase64url } from './base64url';

/**
 * Device keys: Ed25519 through WebCrypto (browsers and Node 20). The private key is
 * non-extractable; a CryptoKeyPair can still be stored in IndexedDB (structured clone).
 */
export interface DeviceKeyPair {
  readonly keyPair: CryptoKeyPair;
  /** base64url of the raw 32-byte public key. */
  readonly publicKey: DeviceKey;
}

const ALGORITHM = { name: 'Ed25519' } as const;
const KEY_BYTES = 32;
const SIGNATURE_BYTES = 64;

export async function generateDeviceKeyPair(): Promise<DeviceKeyPair> {
  const keyPair = await crypto.subtle.generateKey(ALGORITHM, false, ['sign', 'verify']);
  return { keyPair, publicKey: await exportPublicKey(keyPair.publicKey) };
}

export async function exportPublicKey(key: CryptoKey): Promise<DeviceKey> {
  const raw = new Uint8Array(await crypto.subtle.exportKey('raw', key));
  return encodeBase64url(raw) as DeviceKey;
}

/** Imported verification keys, by encoded public key (importing costs as much as verifying). */
const imported = new Map<string, Promise<CryptoKey | null>>();
/** The same keys once imported, so a verification can be dispatched without waiting a turn. */
const ready = new Map<string, CryptoKey>();

/** Forgets imported keys (e.g. to measure a cold start, or to free memory). */
export function clearImportedKeys(): void {
  imported.clear();
  ready.clear();
}

/** Null when the text is not a canonical base64url 32-byte key or WebCrypto refuses it. */
export function importPublicKey(publicKey: string): Promise<CryptoKey | null> {
  let key = imported.get(publicKey);
  if (key === undefined) {
    const raw = decodeBase64url(publicKey);
    key =
      raw === null || raw.length !== KEY_BYTES
        ? Promise.resolve(null)
        : crypto.subtle.importKey('raw', raw, ALGORITHM, true, ['verify']).then(
            (cryptoKey) => {
              ready.set(publicKey, cryptoKey);
              return cryptoKey;
            },
            () => null,
          );
    imported.set(publicKey, key);
  }
  return key;
}

/** Signs bytes; returns the base64url 64-byte signature. */
export async function signBytes(keyPair: DeviceKeyPair, bytes: Uint8Array<ArrayBuffer>): Promise<string> {
  const signature = await crypto.subtle.sign(ALGORITHM, keyPair.keyPair.privateKey, bytes);
  return encodeBase64url(new Uint8Array(signature));
}

/**
 * Never rejects: malformed keys or signatures simply do not verify. When the key is already
 * imported the verification is handed to WebCrypto synchronously, so callers looping over many
 * entries keep the crypto thread busy while they prepare the next ones.
 */
export function verifyBytes(publicKey: string, signature: string, bytes: Uint8Array<ArrayBuffer>): Promise<boolean> {
  const raw = decodeBase64url(signature);
  if (raw === null || raw.length !== SIGNATURE_BYTES) return Promise.resolve(false);
  const run = (key: CryptoKey | null): Promise<boolean> =>
    key === null ? Promise.resolve(false) : crypto.subtle.verify(ALGORITHM, key, raw, bytes).catch(() => false);
  const key = ready.get(publicKey);
  return key !== undefined ? run(key) : importPublicKey(publicKey).then(run);
}
