import type { DocId, RoomSecret } from '../../domain/ids';

/**
 * Proof of holding a document without naming it: HMAC-SHA-256 keyed by the room secret over
 * the document id and this session's salt (both peers' nonces). Equal tokens mean both sides
 * hold the same document and secret; a token reveals nothing else and is useless in any
 * other session.
 */
export async function documentToken(docId: DocId, secret: RoomSecret, salt: Uint8Array): Promise<Uint8Array> {
  const encoder = new TextEncoder();
  const key = await crypto.subtle.importKey('raw', encoder.encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  const label = encoder.encode(`chapterhouse-pair-v1|${docId}|`);
  const message = new Uint8Array(label.length + salt.length);
  message.set(label);
  message.set(salt, label.length);
  return new Uint8Array(await crypto.subtle.sign('HMAC', key, message));
}

/** Both nonces in a fixed order, so both peers derive the same salt. */
export function sessionSalt(a: Uint8Array, b: Uint8Array): Uint8Array {
  const [first, second] = compareBytes(a, b) <= 0 ? [a, b] : [b, a];
  const salt = new Uint8Array(first.length + second.length);
  salt.set(first);
  salt.set(second, first.length);
  return salt;
}

export const tokenKey = (token: Uint8Array): string => Array.from(token, (byte) => byte.toString(16).padStart(2, '0')).join('');

/** The local documents whose token the peer also announced. */
export function matchTokens(local: ReadonlyMap<string, DocId>, remote: ReadonlySet<string>): DocId[] {
  const matches: DocId[] = [];
  for (const [key, docId] of local) if (remote.has(key)) matches.push(docId);
  return matches;
}

function compareBytes(a: Uint8Array, b: Uint8Array): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const diff = a[i]! - b[i]!;
    if (diff !== 0) return diff;
  }
  return a.length - b.length;
}
