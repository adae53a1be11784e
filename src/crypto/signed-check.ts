import { verifyBytes } from './ed25519';
import { sha256Base64url, utf8 } from './hash';

/**
 * One signed record's check, wherever it runs (this thread or a verify worker): its canonical
 * text must hash to `id` and, unless `signature` is null (already verified on this device, see
 * entry-verifier.ts), the signature must verify under `key`.
 */
export interface SignedCheck {
  readonly key: string;
  readonly signature: string | null;
  readonly id: string;
  readonly text: string;
}

const TRUE = Promise.resolve(true);
const FALSE = Promise.resolve(false);

/** Never rejects. The hash is checked first: a record whose content changed costs no WebCrypto call. */
export function runCheck(check: SignedCheck): Promise<boolean> {
  const bytes = utf8(check.text);
  if (sha256Base64url(bytes) !== check.id) return FALSE;
  return check.signature === null ? TRUE : verifyBytes(check.key, check.signature, bytes);
}
