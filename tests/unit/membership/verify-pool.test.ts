import { afterEach, describe, expect, it, vi } from 'vitest';
import { createEntryVerifier } from '../../../src/crypto/entry-signing';
import { createVerifyPool, defaultPoolSize } from '../../../src/crypto/verify-pool';
import { runBatch, type VerifyBatch } from '../../../src/crypto/verify-worker';
import { foundChapter, join } from './fixtures';

/** Runs batches as the real worker does, on this thread; `fail` makes it report an error instead. */
class FakeWorker {
  static batches: number[] = [];
  static fail = false;
  onmessage: ((event: MessageEvent) => void) | null = null;
  onerror: ((event: Event) => void) | null = null;
  postMessage(batch: VerifyBatch): void {
    FakeWorker.batches.push(batch.ids.length);
    if (FakeWorker.fail) {
      queueMicrotask(() => this.onerror?.(new Event('error')));
      return;
    }
    // Through a structured clone, as a real worker receives it.
    void runBatch(structuredClone(batch)).then((results) => this.onmessage?.({ data: { id: batch.id, results } } as MessageEvent));
  }
}

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
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

  it('checks remembered entries by hash alone, with a pool too, and still refuses altered bytes', async () => {
    vi.stubGlobal('Worker', FakeWorker);
    const entries = await forgedLog();
    const first = createEntryVerifier();
    const direct = await first.verifyAll(entries);
    const copies = JSON.parse(JSON.stringify(entries)) as { createdAt: string }[];
    // Same id and signature as a remembered entry, other bytes.
    copies[1] = { ...copies[1]!, createdAt: '2031-01-01T00:00:00Z' };
    const pool = createVerifyPool(() => new FakeWorker() as unknown as Worker, 2);
    const verify = vi.spyOn(crypto.subtle, 'verify');
    const again = await createEntryVerifier({ trusted: first.verifiedTokens(), dispatch: pool }).verifyAll(copies);
    expect(verify).not.toHaveBeenCalled();
    expect(again.size).toBe(direct.size - 1);
    expect(again.has(copies[1])).toBe(false);
  });

  it('fails the checks of a batch whose columns disagree', async () => {
    const entries = (await forgedLog()).slice(0, 3) as { id: string; author: string; signature: string }[];
    const { canonicalEntry } = await import('../../../src/domain/membership/canonical');
    const texts = entries.map((entry) => canonicalEntry(entry as never));
    const whole = await runBatch({ id: 1, keys: entries.map((e) => e.author), signatures: entries.map((e) => e.signature), ids: entries.map((e) => e.id), texts });
    expect([...whole]).toEqual([1, 1, 1]);
    const short = await runBatch({ id: 2, keys: entries.map((e) => e.author), signatures: entries.slice(0, 2).map((e) => e.signature), ids: entries.map((e) => e.id), texts });
    expect([...short]).toEqual([1, 1, 0]);
  });

  it('uses one worker per core, at most four', () => {
    expect([undefined, 1, 2, 3, 8].map(defaultPoolSize)).toEqual([2, 1, 2, 3, 4]);
  });
});
