/** Branded ids: a DocId can never be passed where a RoomSecret is expected. */
declare const brand: unique symbol;
export type Brand<T, B extends string> = T & { readonly [brand]: B };

export type DocId = Brand<string, 'DocId'>;
export type RoomSecret = Brand<string, 'RoomSecret'>;

const ID_ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';
const DOC_ID_PATTERN = /^[a-z0-9]{16,64}$/;
const SECRET_PATTERN = /^[A-Za-z0-9_-]{22,128}$/;

/** Encodes random bytes (supplied by the caller, so the domain stays free of platform APIs). */
export function docIdFromBytes(bytes: Uint8Array): DocId {
  let id = '';
  for (const byte of bytes) id += ID_ALPHABET[byte % ID_ALPHABET.length];
  return id as DocId;
}

export function secretFromBytes(bytes: Uint8Array): RoomSecret {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return base64url(binary) as RoomSecret;
}

function base64url(binary: string): string {
  const chars = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
  let out = '';
  for (let i = 0; i < binary.length; i += 3) {
    const a = binary.charCodeAt(i);
    const b = i + 1 < binary.length ? binary.charCodeAt(i + 1) : 0;
    const c = i + 2 < binary.length ? binary.charCodeAt(i + 2) : 0;
    const n = (a << 16) | (b << 8) | c;
    out += chars[(n >> 18) & 63]! + chars[(n >> 12) & 63]!;
    if (i + 1 < binary.length) out += chars[(n >> 6) & 63]!;
    if (i + 2 < binary.length) out += chars[n & 63]!;
  }
  return out;
}

export const isDocId = (value: string): value is DocId => DOC_ID_PATTERN.test(value);
export const isRoomSecret = (value: string): value is RoomSecret => SECRET_PATTERN.test(value);
