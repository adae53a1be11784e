import { afterEach, describe, expect, it, vi } from 'vitest';
import { verifyBytes } from '../../../src/crypto/ed25519';
import { createEntryVerifier } from '../../../src/crypto/entry-signing';
import { createVerifyPool } from '../../../src/crypto/verify-pool';
import type { VerifyBatch } from '../../../src/crypto/verify-worker';
import { foundChapter, join } from './fixtures';

/** Runs batches as the real worker does, on this thread; `fail` makes it report an error instead. */
class FakeWorker {
  static batches: number[] = [];
  static fail = false;
  onmessage: ((event: MessageEvent) => void) | null = null;
  onerror: ((event: Event) => void) | null = null;
  postMessage(batch: VerifyBatch): void {
    FakeWorker.batches.push(batch.jobs.length);
    if (FakeWorker.fail) {
      queueMicrotask(() => this.onerror?.(new Event('error')));
      return;
    }
    void Promise.all(batch.jobs.map((job) => verifyBytes(job.key, job.signature, job.bytes))).then((results) =>
      this.onmessage?.({ data: { id: batch.id, results } } as MessageEvent),
    );
  }
}

afterEach(() => {
  vi.unstubAllGlobals();
  FakeWorker.batches = [];
  FakeWorker.fail = false;
});

const forgedLog = async () => {
  const { log, founder } = await foundChapter();
  for (let i = 0; i < 150; i += 1) await join(log, `Member ${i}`, founder);
  const entries: unknown[] = [...log.entries];
  // Every tenth entry altered after signing: its signature no longer matches.
  for (let i = 5; i < entries.length; i += 10) entries[i] = { ...(entries[i] as object), createdAt: '2030-01-01T00:00:00Z' };
  return entries;
};

describe('verification in a worker pool', () => {
  it('gives exactly the main-thread verdicts, in batches spread over the workers', async () => {
    vi.stubGlobal('Worker', FakeWorker);
    const entries = await forgedLog();
    const direct = await createEntryVerifier().verifyAll(entries);
    const pool = createVerifyPool(() => new FakeWorker() as unknown as Worker, 2);
    const pooled = await createEntryVerifier({ dispatch: pool }).verifyAll(entries);
    expect(pooled).toEqual(direct);
    expect(direct.size).toBe(entries.length - 30);
    expect(FakeWorker.batches.reduce((a, b) => a + b, 0)).toBe(entries.length);
    expect(Math.max(...FakeWorker.batches)).toBeLessThanOrEqual(256);
  });

  it('falls back to this thread when a worker fails', async () => {
    vi.stubGlobal('Worker', FakeWorker);
    FakeWorker.fail = true;
    const entries = await forgedLog();
    const pool = createVerifyPool(() => new FakeWorker() as unknown as Worker, 1);
    const pooled = await createEntryVerifier({ dispatch: pool }).verifyAll(entries);
    expect(pooled).toEqual(await createEntryVerifier().verifyAll(entries));
    expect(FakeWorker.batches.length).toBeGreaterThan(0);
  });
});
