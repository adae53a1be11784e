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

/** A record's signer, signature and the exact bytes it signs, once its shape and id check out. */
export interface SignedBytes {
  readonly signer: string;
  readonly signature: string;
  readonly bytes: Uint8Array<ArrayBuffer>;
}

/** Checks several signatures at once (e.g. on worker threads); one verdict per job, in order. */
export type BatchVerifier = (jobs: readonly SignedBytes[]) => Promise<readonly boolean[]>;

/**
 * Canonicalizes a record once: null when it is malformed or its id is not the hash of its
 * canonical content (then no signature can make it authentic).
 */
export function signedBytes(record: unknown): SignedBytes | null {
  if (!isSignedPoll(record) && !isSignedBallot(record) && !isSignedCloseRecord(record)) return null;
  let bytes: Uint8Array<ArrayBuffer>;
  try {
    bytes = utf8(canonicalSigned(record));
  } catch {
    return null;
  }
  return sha256Base64url(bytes) === record.id ? { signer: signerOf(record), signature: record.signature, bytes } : null;
}

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

/**
 * Verifies all; returns the record objects that are authentic (use as `(r) => set.has(r)`).
 * With `verifyBatch`, each record is canonicalized and hashed once here and all signatures go to
 * it in one call (the tally CLI passes Node's native Ed25519 on worker threads).
 */
export async function verifyAllSigned(records: readonly unknown[], verifyBatch?: BatchVerifier): Promise<ReadonlySet<unknown>> {
  if (verifyBatch === undefined) {
    const outcomes = await Promise.all(records.map(verifySigned));
    return new Set(records.filter((_, index) => outcomes[index]));
  }
  const prepared = records.map(signedBytes);
  const jobs = prepared.filter((job): job is SignedBytes => job !== null);
  const verdicts = await verifyBatch(jobs);
  const authentic = new Set<unknown>();
  let next = 0;
  prepared.forEach((job, index) => {
    if (job !== null && verdicts[next++] === true) authentic.add(records[index]);
  });
  return authentic;
}
