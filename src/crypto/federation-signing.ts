import { canonicalFederationEntry } from '../domain/federation/canonical';
import { isWellFormedFederationEntry } from '../domain/federation/shape';
import { isSkillCard, type SkillCard, skillCardSigningText } from '../domain/federation/skill-card';
import type { FederationEntry, FederationEntryId, UnsignedFederationEntry } from '../domain/federation/types';
import type { DeviceKeyPair } from './ed25519';
import { signBytes, verifyBytes } from './ed25519';
import { sha256Base64url, utf8 } from './hash';

/** Fills `id` (base64url SHA-256 of the canonical UTF-8 bytes) and `signature` (over the same bytes). */
export async function signFederationEntry(unsigned: UnsignedFederationEntry, keyPair: DeviceKeyPair): Promise<FederationEntry> {
  if (unsigned.author !== keyPair.publicKey) throw new TypeError('signFederationEntry: author is not this device');
  const bytes = utf8(canonicalFederationEntry(unsigned));
  const id = sha256Base64url(bytes) as FederationEntryId;
  const signature = await signBytes(keyPair, bytes);
  return { ...unsigned, id, signature } as FederationEntry;
}

/** True iff the entry is well formed, its id hashes its canonical form and the signature verifies. */
export async function verifyFederationEntry(entry: unknown): Promise<boolean> {
  if (!isWellFormedFederationEntry(entry)) return false;
  const bytes = utf8(canonicalFederationEntry(entry));
  if (sha256Base64url(bytes) !== entry.id) return false;
  return verifyBytes(entry.author, entry.signature, bytes);
}

/** The entry objects that verified (objects, not ids: a forged copy can claim a genuine id). */
export async function verifyFederationEntries(entries: ReadonlyArray<unknown>): Promise<ReadonlySet<unknown>> {
  const results = await Promise.all(entries.map(verifyFederationEntry));
  return new Set(entries.filter((_, index) => results[index]));
}

export async function signSkillCard(card: Omit<SkillCard, 'signature'>, keyPair: DeviceKeyPair): Promise<SkillCard> {
  if (card.author !== keyPair.publicKey) throw new TypeError('signSkillCard: author is not this device');
  return { ...card, signature: await signBytes(keyPair, utf8(skillCardSigningText(card))) };
}

/** The card objects whose signature verifies under their author's key. */
export async function verifySkillCards(cards: ReadonlyArray<unknown>): Promise<ReadonlySet<unknown>> {
  const results = await Promise.all(
    cards.map((card) => (isSkillCard(card) ? verifyBytes(card.author, card.signature, utf8(skillCardSigningText(card))) : false)),
  );
  return new Set(cards.filter((_, index) => results[index]));
}
