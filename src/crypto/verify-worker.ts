/// <reference lib="webworker" />
import { runCheck } from './signed-check';

/**
 * One batch of checks as parallel arrays of strings (cheap to clone, no per-record objects);
 * the worker encodes and hashes the texts itself and keeps its own cache of imported keys.
 */
export interface VerifyBatch {
  readonly id: number;
  readonly keys: readonly string[];
  readonly signatures: readonly string[];
  readonly ids: readonly string[];
  readonly texts: readonly string[];
}

export interface VerifyResults {
  readonly id: number;
  /** 1 where the check passed; transferred, not copied. */
  readonly results: Uint8Array;
}

/** Runs a batch: the same code as the fallback on the main thread, so verdicts cannot differ. */
export function runBatch(batch: VerifyBatch): Promise<Uint8Array<ArrayBuffer>> {
  const results = new Uint8Array(batch.ids.length);
  const pending = batch.ids.map((id, index) => {
    const [key, signature, text] = [batch.keys[index], batch.signatures[index], batch.texts[index]];
    // A malformed batch fails its checks.
    if (key === undefined || signature === undefined || text === undefined) return undefined;
    return runCheck({ key, signature, id, text }).then((ok) => {
      results[index] = ok ? 1 : 0;
    });
  });
  return Promise.all(pending).then(() => results);
}

// Ed25519 verification runs on the calling thread in Chromium, so workers spread it over cores.
if (typeof WorkerGlobalScope !== 'undefined' && self instanceof WorkerGlobalScope) {
  const scope = self as unknown as DedicatedWorkerGlobalScope;
  scope.onmessage = async (event: MessageEvent<VerifyBatch>) => {
    const results = await runBatch(event.data);
    scope.postMessage({ id: event.data.id, results } satisfies VerifyResults, [results.buffer]);
  };
}
