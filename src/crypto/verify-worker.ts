/// <reference lib="webworker" />
import { verifyBytes } from './ed25519';

/** One batch of signature checks; the worker keeps its own cache of imported keys. */
export interface VerifyBatch {
  readonly id: number;
  readonly jobs: ReadonlyArray<{ readonly key: string; readonly signature: string; readonly bytes: Uint8Array<ArrayBuffer> }>;
}

export interface VerifyResults {
  readonly id: number;
  readonly results: readonly boolean[];
}

// Ed25519 verification runs on the calling thread in Chromium, so workers spread it over cores.
const scope = self as unknown as DedicatedWorkerGlobalScope;
scope.onmessage = async (event: MessageEvent<VerifyBatch>) => {
  const { id, jobs } = event.data;
  const results = await Promise.all(jobs.map((job) => verifyBytes(job.key, job.signature, job.bytes)));
  scope.postMessage({ id, results } satisfies VerifyResults);
};
