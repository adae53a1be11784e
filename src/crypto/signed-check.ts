import { encodeBase64url } from './base64url';
import { verifyBytes } from './ed25519';
import { utf8 } from './hash';

/**
 * One signed record's check, wherever it runs (this thread or a verify worker): its canonical
 * text must hash to `id` and the signature must verify under `key`.
 */
export interface SignedCheck {
  readonly key: string;
  readonly signature: string;
  readonly id: string;
  readonly text: string;
}

/**
 * Never rejects. Native SHA-256 (as fast as the pure-JS one per entry, and it keeps the worker
 * bundle small); the hash is checked first, so a record whose content changed costs no signature check.
 */
export function runCheck(check: SignedCheck): Promise<boolean> {
  const bytes = utf8(check.text);
  return crypto.subtle.digest('SHA-256', bytes).then(
    (digest) => {
      if (encodeBase64url(new Uint8Array(digest)) !== check.id) return false;
      return verifyBytes(check.key, check.signature, bytes);
    },
    () => false,
  );
}
