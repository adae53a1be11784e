import type { Result } from '../../domain/result';
import { err, ok } from '../../domain/result';
import type { Reassembly } from '../../domain/qr-chunks';
import { addChunk, emptyReassembly, splitIntoChunks } from '../../domain/qr-chunks';

/** Characters per QR frame: a version-25ish code at level L, still easy for a phone camera. */
export const PAIRING_QR_CHUNK_LENGTH = 900;

/** The QR frames for a pairing code: one for a usual offer, a short animated sequence otherwise. */
export function pairingFrames(code: string): readonly string[] {
  if (code.length <= PAIRING_QR_CHUNK_LENGTH) return [code];
  const chunks = splitIntoChunks(code, { maxChunkLength: PAIRING_QR_CHUNK_LENGTH, maxChunks: 12 });
  return chunks.ok ? chunks.value : [code];
}

/** Feeds one scanned frame (a whole code or a chunk of an animated sequence). */
export function addScannedFrame(state: Reassembly, text: string): Result<{ state: Reassembly; code: string | null }, 'unreadable'> {
  if (text.startsWith('CHP1')) return ok({ state: emptyReassembly, code: text });
  const next = addChunk(state, text);
  if (!next.ok) return err('unreadable');
  return ok({ state: next.value, code: next.value.status === 'complete' ? next.value.payload : null });
}
