import { canonicalMinutes } from '../domain/meeting/snapshot';
import { parseMinutes } from '../domain/meeting/snapshot-parse';
import type { MinutesSnapshot } from '../domain/meeting/types';
import type { DeviceKeyPair } from './ed25519';
import { signBytes, verifyBytes } from './ed25519';
import { sha256Hex, utf8 } from './hash';

export interface SignedMinutes {
  /** canonicalMinutes(snapshot): the exact text that was hashed and signed. */
  readonly snapshot: string;
  /** Hex SHA-256 of the snapshot's UTF-8 bytes. */
  readonly hash: string;
  /** base64url Ed25519 signature over the same bytes. */
  readonly signature: string;
  readonly signer: string;
}

export async function signMinutes(snapshot: MinutesSnapshot, keyPair: DeviceKeyPair): Promise<SignedMinutes> {
  const text = canonicalMinutes(snapshot);
  const bytes = utf8(text);
  return { snapshot: text, hash: sha256Hex(bytes), signature: await signBytes(keyPair, bytes), signer: keyPair.publicKey };
}

export type MinutesVerdict =
  | { readonly valid: true; readonly snapshot: MinutesSnapshot }
  | { readonly valid: false; readonly reason: 'unreadable' | 'notCanonical' | 'hashMismatch' | 'badSignature' };

/** Checks that the stored text is a canonical final snapshot, matches its hash, and carries the signer's signature. */
export async function verifyMinutes(record: SignedMinutes): Promise<MinutesVerdict> {
  const snapshot = parseMinutes(record.snapshot);
  if (snapshot === null || snapshot.status !== 'final') return { valid: false, reason: 'unreadable' };
  if (canonicalMinutes(snapshot) !== record.snapshot) return { valid: false, reason: 'notCanonical' };
  const bytes = utf8(record.snapshot);
  if (sha256Hex(bytes) !== record.hash) return { valid: false, reason: 'hashMismatch' };
  if (!(await verifyBytes(record.signer, record.signature, bytes))) return { valid: false, reason: 'badSignature' };
  return { valid: true, snapshot };
}

/** A co-signature: an attendee signs the very bytes the secretary signed ("approved as minuted"). */
export interface MinutesApproval {
  readonly hash: string;
  readonly signature: string;
  readonly signer: string;
}

export async function signApproval(final: SignedMinutes, keyPair: DeviceKeyPair): Promise<MinutesApproval> {
  return { hash: final.hash, signature: await signBytes(keyPair, utf8(final.snapshot)), signer: keyPair.publicKey };
}

/** True when the approval names this record's hash and its signature covers the same snapshot bytes. */
export async function verifyApproval(final: SignedMinutes, approval: MinutesApproval): Promise<boolean> {
  if (approval.hash !== final.hash) return false;
  return verifyBytes(approval.signer, approval.signature, utf8(final.snapshot));
}
