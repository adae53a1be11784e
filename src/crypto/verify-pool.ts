import type { SignedCheck } from './signed-check';
import { runCheck } from './signed-check';
import type { VerifyBatch, VerifyResults } from './verify-worker';

/** Runs one check (see signed-check.ts): on this thread (`runCheck`) or in a pool of workers. */
export type VerifyDispatch = (check: SignedCheck) => Promise<boolean>;

const BATCH = 256;

interface Pending {
  readonly keys: string[];
  readonly signatures: string[];
  readonly ids: string[];
  readonly texts: string[];
  readonly settle: ((ok: boolean) => void)[];
}

const emptyBatch = (): Pending => ({ keys: [], signatures: [], ids: [], texts: [], settle: [] });

/**
 * One worker per core by default: during a cold validation this thread only canonicalizes
 * entries and otherwise waits, so every core can verify.
 */
export const defaultPoolSize = (cores: number | undefined): number => Math.max(1, Math.min(4, cores ?? 2));

/**
 * Spreads checks (hash + signature) over `size` workers in batches (a batch is sent when full or
 * at the end of the current task), so a long log is verified on every core while this thread
 * canonicalizes the next entries. Without Worker support, or if a worker fails, checks run here
 * instead: the results are the same, only slower.
 */
export function createVerifyPool(makeWorker: () => Worker, size: number): VerifyDispatch {
  if (typeof Worker === 'undefined' || size < 1) return runCheck;
  let workers: { worker: Worker; waiting: Map<number, Pending> }[] | null = null;
  let next = 0;
  let batchId = 0;
  let open: Pending | null = null;

  const fallback = (pending: Pending): void => {
    pending.ids.forEach((id, index) => {
      const check = { key: pending.keys[index]!, signature: pending.signatures[index]!, id, text: pending.texts[index]! };
      void runCheck(check).then(pending.settle[index]);
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
            settle(event.data.results[index] === 1);
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
    // The worker with the fewest batches in flight: a core busy elsewhere gets less work.
    let slot = pool[next % pool.length]!;
    next += 1;
    for (const other of pool) if (other.waiting.size < slot.waiting.size) slot = other;
    const id = ++batchId;
    slot.waiting.set(id, pending);
    const { keys, signatures, ids, texts } = pending;
    slot.worker.postMessage({ id, keys, signatures, ids, texts } satisfies VerifyBatch);
  };
  return (check) =>
    new Promise<boolean>((resolve) => {
      if (open === null) {
        open = emptyBatch();
        // Whatever is queued in this task goes out together.
        queueMicrotask(flush);
      }
      open.keys.push(check.key);
      open.signatures.push(check.signature);
      open.ids.push(check.id);
      open.texts.push(check.text);
      open.settle.push(resolve);
      if (open.ids.length >= BATCH) flush();
    });
}
