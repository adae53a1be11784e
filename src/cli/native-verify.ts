/**
 * Ed25519 checks for the tally CLI with Node's own crypto instead of WebCrypto: WebCrypto in Node
 * costs a promise, a thread-pool hop and a CryptoKey object per key import and per signature,
 * which was most of the 15 s a 10,000-ballot audit took. Here every distinct device key is turned
 * into a KeyObject once and each signature is checked synchronously; big batches are split by
 * key over worker threads (so each key is still imported once) and checked in parallel.
 * Same strict rules as src/crypto/ed25519.ts: canonical base64url, 32-byte keys, 64-byte signatures.
 * If threads cannot start, the app's WebCrypto check runs instead: same verdicts, only slower.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { BatchVerifier, SignedBytes } from '../crypto/ballot-signing';
import { verifyBytes } from '../crypto/ed25519';

/** Signatures per extra thread: below that, starting a thread costs more than it saves. */
const JOBS_PER_THREAD = 2000;
const MAX_THREADS = 4;

/**
 * The worker's code (plain JS evaluated by the worker, so no separate build entry is needed):
 * `check(jobs)` returns one 0/1 per [key, signature, bytes] job.
 */
const CHECKER = `
const { createPublicKey, verify } = require('node:crypto');
const B64URL = /^[A-Za-z0-9_-]*$/;
const decode = (text, length) => {
  if (typeof text !== 'string' || !B64URL.test(text) || text.length % 4 === 1) return null;
  const bytes = Buffer.from(text, 'base64url');
  // Only the canonical encoding (no stray trailing bits) is accepted, as in the app.
  return bytes.length === length && bytes.toString('base64url') === text ? bytes : null;
};
const keys = new Map();
const keyOf = (text) => {
  let key = keys.get(text);
  if (key === undefined) {
    const raw = decode(text, 32);
    try {
      // JWK, not DER: OpenSSL 3's DER decoder costs ten times more per key.
      key = raw === null ? null : createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: text }, format: 'jwk' });
    } catch {
      key = null;
    }
    keys.set(text, key);
  }
  return key;
};
const check = (jobs) => jobs.map(([keyText, signatureText, bytes]) => {
  const key = keyOf(keyText);
  const signature = decode(signatureText, 64);
  if (key === null || signature === null) return 0;
  try {
    return verify(null, bytes, key, signature) ? 1 : 0;
  } catch {
    return 0;
  }
});
`;

type Job = readonly [string, string, Uint8Array<ArrayBuffer>];

const WORKER = `${CHECKER}
const { parentPort } = require('node:worker_threads');
parentPort.on('message', (jobs) => parentPort.postMessage(check(jobs)));
`;

/** A stable shard for a key, so each key is imported by one thread only. */
const shardOf = (key: string, shards: number): number => {
  let h = 0;
  for (let i = 0; i < key.length; i++) h = (Math.imul(h, 31) + key.charCodeAt(i)) | 0;
  return (h >>> 0) % shards;
};

function onThreads(jobs: readonly Job[], threads: number): Promise<number[]> {
  const shards: { jobs: Job[]; at: number[] }[] = Array.from({ length: threads }, () => ({ jobs: [], at: [] }));
  jobs.forEach((job, index) => {
    const shard = shards[shardOf(job[0], threads)]!;
    shard.jobs.push(job);
    shard.at.push(index);
  });
  const verdicts = new Array<number>(jobs.length).fill(0);
  return Promise.all(
    shards.map(
      (shard) =>
        new Promise<void>((resolve, reject) => {
          const worker = new Worker(WORKER, { eval: true });
          worker.once('message', (results: number[]) => {
            results.forEach((ok, k) => {
              verdicts[shard.at[k]!] = ok;
            });
            void worker.terminate();
            resolve();
          });
          worker.once('error', reject);
          worker.postMessage(shard.jobs);
        }),
    ),
  ).then(() => verdicts);
}

/** Node's native Ed25519 on up to `maxThreads` worker threads (fewer for small batches). */
export function nativeVerifier(maxThreads = Math.min(MAX_THREADS, availableParallelism())): BatchVerifier {
  return async (signed: readonly SignedBytes[]) => {
    const jobs: Job[] = signed.map((s) => [s.signer, s.signature, s.bytes]);
    if (jobs.length === 0) return [];
    const threads = Math.max(1, Math.min(maxThreads, Math.ceil(jobs.length / JOBS_PER_THREAD)));
    try {
      return (await onThreads(jobs, threads)).map((v) => v === 1);
    } catch {
      return Promise.all(jobs.map(([key, signature, bytes]) => verifyBytes(key, signature, bytes)));
    }
  };
}

/** The CLI's BatchVerifier. */
export const nativeVerifyBatch: BatchVerifier = nativeVerifier();
