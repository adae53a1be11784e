import { digest } from 'lib0/hash/sha256';
import { encodeBase64url } from './base64url';

/**
 * SHA-256, synchronous: entry ids are hashed for every entry of every validation, and a
 * synchronous hash avoids one WebCrypto round trip per entry (lib0 uses node:crypto in Node
 * and a pure-JS implementation in browsers).
 */
export const sha256 = (bytes: Uint8Array): Uint8Array => digest(bytes);

export const sha256Base64url = (bytes: Uint8Array): string => encodeBase64url(sha256(bytes));

export function sha256Hex(bytes: Uint8Array): string {
  let hex = '';
  for (const byte of sha256(bytes)) hex += byte.toString(16).padStart(2, '0');
  return hex;
}

const encoder = new TextEncoder();

export const utf8 = (text: string): Uint8Array<ArrayBuffer> => encoder.encode(text);
