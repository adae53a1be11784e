import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { splitIntoChunks } from '../../../src/domain/qr-chunks';
import { decodePairingCode, encodePairingCode } from '../../../src/sync/pairing/code';
import { PAIRING_QR_CHUNK_LENGTH } from '../../../src/sync/pairing/qr';

// A real offer and answer from headless Chromium 156 (non-trickle, two mDNS host candidates).
const fixture = JSON.parse(readFileSync(new URL('./chromium-sdp.json', import.meta.url), 'utf8')) as { offer: string; answer: string };

describe('pairing codes', () => {
  it('round-trips a real offer and answer exactly', () => {
    for (const [role, sdp] of [
      ['offer', fixture.offer],
      ['answer', fixture.answer],
    ] as const) {
      const code = encodePairingCode(role, sdp);
      expect(code).toMatch(/^CHP1[OA]\.[A-Za-z0-9_-]+$/);
      const decoded = decodePairingCode(code, role);
      expect(decoded).toEqual({ ok: true, value: { role, sdp } });
    }
  });

  it('fits an offer in one QR frame', () => {
    const code = encodePairingCode('offer', fixture.offer);
    expect(code.length).toBeLessThan(fixture.offer.length / 1.5);
    const chunks = splitIntoChunks(code, { maxChunkLength: PAIRING_QR_CHUNK_LENGTH });
    expect(chunks.ok && chunks.value.length).toBe(1);
  });

  it('tolerates whitespace a messenger adds', () => {
    const code = encodePairingCode('answer', fixture.answer);
    const wrapped = `  ${code.slice(0, 40)}\n${code.slice(40)}  `;
    expect(decodePairingCode(wrapped).ok).toBe(true);
  });

  it('refuses foreign text, the wrong half and damaged codes', () => {
    const code = encodePairingCode('offer', fixture.offer);
    expect(decodePairingCode('hello')).toEqual({ ok: false, error: 'notAPairingCode' });
    expect(decodePairingCode(code, 'answer')).toEqual({ ok: false, error: 'wrongRole' });
    const flipped = code.slice(0, 20) + (code[20] === 'A' ? 'B' : 'A') + code.slice(21);
    expect(decodePairingCode(flipped).ok).toBe(false);
    expect(decodePairingCode(code.slice(0, -10)).ok).toBe(false);
  });
});
