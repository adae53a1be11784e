import { canonicalEntry } from '../domain/membership/canonical';
import type { EntryId, MembershipEntry, UnsignedEntry } from '../domain/membership/types';
import type { ValidateOptions } from '../domain/membership/validate';
import { validateLog } from '../domain/membership/validate';
import type { MembershipState } from '../domain/membership/view';
import type { DeviceKeyPair } from './ed25519';
import { signBytes } from './ed25519';
import type { EntryVerifier } from './entry-verifier';
import { createEntryVerifier } from './entry-verifier';
import { sha256Base64url, utf8 } from './hash';

export type { EntryVerifier, EntryVerifierOptions } from './entry-verifier';
export { createEntryVerifier } from './entry-verifier';

/** Fills `id` (base64url SHA-256 of the canonical UTF-8 bytes) and `signature` (over the same bytes). */
export async function signEntry(unsigned: UnsignedEntry, keyPair: DeviceKeyPair): Promise<MembershipEntry> {
  if (unsigned.author !== keyPair.publicKey) throw new TypeError('signEntry: author is not this device');
  const bytes = utf8(canonicalEntry(unsigned));
  const id = sha256Base64url(bytes) as EntryId;
  const signature = await signBytes(keyPair, bytes);
  return { ...unsigned, id, signature } as MembershipEntry;
}

const shared = createEntryVerifier();

/** The app-wide verifier (one cache for the whole session). */
export const verifyEntry = shared.verifyEntry;
export const verifyAll = shared.verifyAll;

/** Verifies every entry (once per session, cached) and validates the log, the two overlapping. */
export async function validateSignedLog(
  entries: ReadonlyArray<unknown>,
  options: ValidateOptions,
  verifier: EntryVerifier = shared,
): Promise<MembershipState> {
  // The rules run while the workers verify, as if every signature checks (it almost always does);
  // that answer stands only if every entry the rules relied on did verify, otherwise they run again.
  const relied = new Set<unknown>();
  let guess: MembershipState | null = null;
  const verified = await verifier.verifyAll(entries, () => {
    guess = validateLog(entries, (entry) => relied.add(entry) !== undefined, options);
  });
  if (guess !== null && [...relied].every((entry) => verified.has(entry))) return guess;
  return validateLog(entries, (entry) => verified.has(entry), options);
}
