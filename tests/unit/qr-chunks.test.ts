import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Reassembly } from '../../src/domain/qr-chunks';
import { addChunk, crc32, emptyReassembly, reassemble, reassemblyProgress, splitIntoChunks } from '../../src/domain/qr-chunks';

const split = (payload: string, options = {}) => {
  const result = splitIntoChunks(payload, options);
  if (!result.ok) throw new Error(result.error.kind);
  return result.value;
};

const payloadOf = (state: Reassembly) => (state.status === 'complete' ? state.payload : undefined);

// Reference values from zlib's crc32 over the UTF-8 bytes.
const CRC_E_ACUTE = '0e048d3e';
const CRC_GRINNING = '054db544';

const base64url = fc.string({ unit: fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'), maxLength: 3000 });

describe('QR chunking', () => {
  it('computes standard CRC-32 (UTF-8)', () => {
    expect(crc32('123456789')).toBe('cbf43926');
    expect(crc32('')).toBe('00000000');
    expect(crc32('é')).toBe(CRC_E_ACUTE);
    expect(crc32('😀')).toBe(CRC_GRINNING);
    expect(crc32('\ud800')).toBe(crc32('\ufffd'));
  });

  it('fits a small payload in one chunk with a readable header', () => {
    const chunks = split('eyJvZmZlciI6ImhpIn0', { setId: 'abc' });
    expect(chunks).toEqual([`CH1:abc:1/1:${crc32('eyJvZmZlciI6ImhpIn0')}:eyJvZmZlciI6ImhpIn0`]);
    expect(payloadOf(reassembleOk(chunks))).toBe('eyJvZmZlciI6ImhpIn0');
  });

  it('keeps every chunk within the length limit', () => {
    fc.assert(
      fc.property(base64url, fc.integer({ min: 60, max: 900 }), (payload, maxChunkLength) => {
        const result = splitIntoChunks(payload, { maxChunkLength, maxChunks: 9999 });
        if (!result.ok) return;
        for (const chunk of result.value) expect(chunk.length).toBeLessThanOrEqual(maxChunkLength);
      }),
    );
  });

  it('round-trips any payload, scanned in any order with repeats (property)', () => {
    const payloadArb = fc.oneof(base64url, fc.string({ unit: 'grapheme', maxLength: 1500 }), fc.string({ unit: 'binary', maxLength: 1500 }));
    fc.assert(
      fc.property(
        payloadArb.chain((payload) => {
          const chunks = split(payload, { maxChunkLength: 120, maxChunks: 999 });
          const scans = fc.array(fc.nat(chunks.length - 1), { maxLength: chunks.length * 2 });
          return fc.tuple(fc.constant(payload), fc.shuffledSubarray([...chunks], { minLength: chunks.length }), scans);
        }),
        ([payload, shuffled, repeats]) => {
          // Scanners see frames again as the animation loops: repeats are interleaved anywhere.
          const scans = [...shuffled];
          for (const index of repeats) scans.splice(index % (scans.length + 1), 0, shuffled[index % shuffled.length]!);
          const state = reassembleOk(scans);
          expect(payloadOf(state)).toBe(payload);
          expect(reassemblyProgress(state)).toEqual({ received: shuffled.length, total: shuffled.length });
        },
      ),
      { numRuns: 300 },
    );
  });

  it('reports progress as chunks arrive', () => {
    const chunks = split('x'.repeat(1500));
    expect(chunks.length).toBe(3);
    let state: Reassembly = emptyReassembly;
    expect(reassemblyProgress(state)).toEqual({ received: 0, total: 0 });
    for (const [i, chunk] of [chunks[2]!, chunks[0]!, chunks[1]!].entries()) {
      const next = addChunk(state, chunk);
      if (!next.ok) throw new Error(next.error.kind);
      state = next.value;
      expect(reassemblyProgress(state)).toEqual({ received: i + 1, total: 3 });
    }
    expect(payloadOf(state)).toBe('x'.repeat(1500));
  });

  it('refuses a chunk from another set without losing progress', () => {
    const first = split('a'.repeat(1500));
    const second = split('b'.repeat(1500));
    const partial = reassembleOk([first[0]!]);
    expect(addChunk(partial, second[1]!)).toMatchObject({ ok: false, error: { kind: 'differentSet' } });
    expect(reassemble([first[0]!, second[1]!, first[1]!])).toMatchObject({ ok: false, error: { kind: 'differentSet' } });
    expect(payloadOf(reassembleOk([first[0]!, first[2]!, first[1]!]))).toBe('a'.repeat(1500));
  });

  it('refuses any mix of two different payloads (property)', () => {
    fc.assert(
      fc.property(base64url, base64url, fc.nat(), (a, b, at) => {
        fc.pre(a !== b);
        const [first, second] = [split(a, { maxChunkLength: 200 }), split(b, { maxChunkLength: 200 })];
        const intruder = second[at % second.length]!;
        const mixed = [...first.slice(0, 1 + (at % first.length)), intruder, ...first];
        expect(reassemble(mixed)).toMatchObject({ ok: false, error: { kind: 'differentSet' } });
      }),
      { numRuns: 200 },
    );
  });

  it('refuses inconsistent totals, conflicting duplicates and forged data', () => {
    const chunks = split('z'.repeat(1500), { setId: 'set1' });
    const state = reassembleOk([chunks[0]!]);
    const checksum = crc32('z'.repeat(1500));
    expect(addChunk(state, `CH1:set1:2/4:${checksum}:zzz`)).toMatchObject({ ok: false, error: { kind: 'inconsistentTotal' } });
    expect(addChunk(state, `CH1:set1:1/3:${checksum}:forged`)).toMatchObject({ ok: false, error: { kind: 'conflictingChunk' } });
    const forged = chunks[1]!.replace(/z$/, 'y');
    expect(reassemble([chunks[0]!, forged, chunks[2]!])).toMatchObject({ ok: false, error: { kind: 'checksumMismatch' } });
  });

  it('refuses text that is not a chunk', () => {
    for (const text of ['', 'https://example.org', 'CH1:abc:0/1:00000000:x', 'CH1:abc:3/2:00000000:x', 'CH2:abc:1/1:00000000:x', 'CH1:ABC:1/1:00000000:x']) {
      expect(addChunk(emptyReassembly, text)).toEqual({ ok: false, error: { kind: 'notAChunk' } });
    }
  });

  it('refuses payloads that would make a long animation, and impossible options', () => {
    expect(splitIntoChunks('q'.repeat(100_000))).toMatchObject({ ok: false, error: { kind: 'payloadTooLong', maxChunks: 99 } });
    expect(splitIntoChunks('q', { maxChunkLength: 10 })).toMatchObject({ ok: false, error: { kind: 'invalidOptions' } });
    expect(splitIntoChunks('q', { setId: 'Not Valid!' })).toMatchObject({ ok: false, error: { kind: 'invalidOptions' } });
  });

  it('never splits a surrogate pair across chunks', () => {
    const payload = '😀'.repeat(700);
    for (const chunk of split(payload, { maxChunks: 999 })) {
      expect(chunk.isWellFormed()).toBe(true);
    }
  });
});

function reassembleOk(chunks: readonly string[]): Reassembly {
  const result = reassemble(chunks);
  if (!result.ok) throw new Error(result.error.kind);
  return result.value;
}
