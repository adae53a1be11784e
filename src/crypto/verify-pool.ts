import { verifyBytes } from './ed25519';
import type { VerifyBatch, VerifyResults } from './verify-worker';

/** Checks one signature: `verifyBytes` on this thread, or a pool of workers (see below). */
export type VerifyDispatch = (key: string, signature: string, bytes: Uint8Array<ArrayBuffer>) => Promise<boolean>;

const BATCH = 256;

interface Pending {
  readonly jobs: { key: string; signature: string; bytes: Uint8Array<ArrayBuffer> }[];
  readonly settle: ((ok: boolean) => void)[];
}

/**
 * Spreads signature checks over `size` workers in batches (a batch is sent when full or at the
 * end of the current task), so a long log is verified on every core while this thread hashes
 * and canonicalizes the next entries. Without Worker support, or if a worker fails, checks run
 * here instead: the results are the same, only slower.
 */
export function createVerifyPool(makeWorker: () => Worker, size: number): VerifyDispatch {
  if (typeof Worker === 'undefined' || size < 1) return verifyBytes;
  let workers: { worker: Worker; waiting: Map<number, Pending> }[] | null = null;
  let next = 0;
  let batchId = 0;
  let open: Pending | null = null;

  const fallback = (pending: Pending): void => {
    pending.jobs.forEach((job, index) => {
      void verifyBytes(job.key, job.signature, job.bytes).then(pending.settle[index]);
    });
  };
  const start = () => {
    try {
      workers = Array.from({ length: size }, () => {
        const slot = { worker: makeWorker(), waiting: new Map<number, Pending>() };
        slot.worker.onmessage = (event: MessageEvent<VerifyResults>) => {
          const pending = slot.waiting.get(event.data.id);
          slot.waiting.delete(event.data.id);
          pending?.settle.forEach((settle, index) => {
            settle(event.data.results[index] === true);
          });
        };
        slot.worker.onerror = () => {
          for (const pending of slot.waiting.values()) fallback(pending);
          slot.waiting.clear();
        };
        return slot;
      });
    } catch {
      workers = [];
    }
  };
  const flush = (): void => {
    const pending = open;
    open = null;
    if (pending === null) return;
    if (workers === null) start();
    const pool = workers ?? [];
    if (pool.length === 0) {
      fallback(pending);
      return;
    }
    const slot = pool[next % pool.length]!;
    next += 1;
    const id = ++batchId;
    slot.waiting.set(id, pending);
    slot.worker.postMessage({ id, jobs: pending.jobs } satisfies VerifyBatch);
  };
  return (key, signature, bytes) =>
    new Promise<boolean>((resolve) => {
      if (open === null) {
        open = { jobs: [], settle: [] };
        // Whatever is queued in this task goes out together.
        queueMicrotask(flush);
      }
      open.jobs.push({ key, signature, bytes });
      open.settle.push(resolve);
      if (open.jobs.length >= BATCH) flush();
    });
}
