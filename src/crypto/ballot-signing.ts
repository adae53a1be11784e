import { canonicalSigned } from '../domain/polls/canonical';
import type {
  PollDefinition,
  SignedBallot,
  SignedCloseRecord,
  SignedPoll,
  UnsignedBallot,
  UnsignedCloseRecord,
} from '../domain/polls/types';
import { isSignedBallot, isSignedCloseRecord, isSignedPoll } from '../domain/polls/validate';
import type { DeviceKeyPair } from './ed25519';
import { signBytes, verifyBytes } from './ed25519';
import { sha256Base64url, utf8 } from './hash';

type Unsigned = PollDefinition | UnsignedBallot | UnsignedCloseRecord;

const signerOf = (record: Unsigned): string =>
  record.kind === 'poll' ? record.createdBy : record.kind === 'ballot' ? record.voter : record.closer;

/** id = base64url SHA-256 of the canonical JSON (UTF-8); signature over the same bytes. */
async function sign<T extends Unsigned>(record: T, keyPair: DeviceKeyPair): Promise<T & { id: string; signature: string }> {
  if (signerOf(record) !== keyPair.publicKey) throw new TypeError('sign: the record names another device');
  const bytes = utf8(canonicalSigned(record));
  return { ...record, id: sha256Base64url(bytes), signature: await signBytes(keyPair, bytes) };
}

export const signPoll = (poll: PollDefinition, keyPair: DeviceKeyPair): Promise<SignedPoll> => sign(poll, keyPair);
export const signBallot = (ballot: UnsignedBallot, keyPair: DeviceKeyPair): Promise<SignedBallot> => sign(ballot, keyPair);
export const signCloseRecord = (record: UnsignedCloseRecord, keyPair: DeviceKeyPair): Promise<SignedCloseRecord> => sign(record, keyPair);

/** Verdicts cached by `id.signature.canonical`, so a forged copy never reuses a genuine verdict. */
const cache = new Map<string, Promise<boolean>>();

/** True iff the record is well formed, its id hashes its canonical content and its signature verifies. Never rejects. */
export function verifySigned(record: unknown): Promise<boolean> {
  if (!isSignedPoll(record) && !isSignedBallot(record) && !isSignedCloseRecord(record)) return Promise.resolve(false);
  let canonical: string;
  try {
    canonical = canonicalSigned(record);
  } catch {
    return Promise.resolve(false);
  }
  const key = `${record.id}.${record.signature}.${canonical}`;
  let verdict = cache.get(key);
  if (!verdict) {
    const bytes = utf8(canonical);
    verdict = sha256Base64url(bytes) !== record.id ? Promise.resolve(false) : verifyBytes(signerOf(record), record.signature, bytes);
    cache.set(key, verdict);
  }
  return verdict;
}

/** Verifies all; returns the record objects that are authentic (use as `(r) => set.has(r)`). */
export async function verifyAllSigned(records: readonly unknown[]): Promise<ReadonlySet<unknown>> {
  const outcomes = await Promise.all(records.map(verifySigned));
  return new Set(records.filter((_, index) => outcomes[index]));
}
