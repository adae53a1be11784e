import type { DeviceKey } from '../domain/membership/types';
import { decodeBase64url } from './base64url';
import { sha256, utf8 } from './hash';

/** Crockford base32: no I, L, O, U, so codes survive being read aloud or copied by hand. */
const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const DOMAIN = utf8('chapterhouse/safety-code/v1\n');

/**
 * A short code to compare in person ("does your screen say 7K2Q-M9XD-4HRT?"): the first
 * `groups` × 20 bits of SHA-256(domain ‖ raw key), as Crockford base32 in groups of four.
 * The default (3 groups, 60 bits) resists an attacker grinding keys for a matching code;
 * 2 groups (40 bits) is reachable with about 2^40 cheap key derivations.
 * Returns null for text that is not a raw 32-byte key.
 */
export function safetyCode(publicKey: DeviceKey | string, groups = 3): string | null {
  const raw = decodeBase64url(publicKey);
  if (raw === null || raw.length !== 32) return null;
  const input = new Uint8Array(DOMAIN.length + raw.length);
  input.set(DOMAIN);
  input.set(raw, DOMAIN.length);
  const hash = sha256(input);
  const count = Math.max(1, Math.min(groups, 12));
  const chars: string[] = [];
  for (let i = 0; i < count * 4; i += 1) {
    const bit = i * 5;
    const byte = bit >> 3;
    const pair = ((hash[byte] ?? 0) << 8) | (hash[byte + 1] ?? 0);
    chars.push(CROCKFORD[(pair >> (11 - (bit & 7))) & 31]!);
  }
  const out: string[] = [];
  for (let i = 0; i < chars.length; i += 4) out.push(chars.slice(i, i + 4).join(''));
  return out.join('-');
}
