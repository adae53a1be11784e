import { Unzlib, zlibSync } from 'fflate';
import type { Result } from '../../domain/result';
import { err, ok } from '../../domain/result';
import type { BundleError } from './errors';
import { bundleError } from './errors';
import { sameBytes, sha256 } from './hash';

/**
 * The outer envelope of a bundle file:
 *   "CHBUNDLE" | u16 format version | u32 compressed length | u32 declared raw length
 *   | zlib(raw payload) | SHA-256 of everything before it.
 * The envelope knows nothing of Yjs; format.ts defines what the raw payload holds.
 */
export const BUNDLE_MAGIC = new Uint8Array([0x43, 0x48, 0x42, 0x55, 0x4e, 0x44, 0x4c, 0x45]);
export const BUNDLE_FORMAT_VERSION = 1;
export const HEADER_LENGTH = 18;
export const DIGEST_LENGTH = 32;

// Small input steps bound how far one push can overshoot the size cap (deflate expands ≤ ~1032×).
const INFLATE_STEP = 16 * 1024;

export async function sealContainer(raw: Uint8Array, version = BUNDLE_FORMAT_VERSION): Promise<Uint8Array> {
  const compressed = zlibSync(raw, { level: 6 });
  const out = new Uint8Array(HEADER_LENGTH + compressed.length + DIGEST_LENGTH);
  const view = new DataView(out.buffer);
  out.set(BUNDLE_MAGIC, 0);
  view.setUint16(8, version);
  view.setUint32(10, compressed.length);
  view.setUint32(14, raw.length);
  out.set(compressed, HEADER_LENGTH);
  const signed = HEADER_LENGTH + compressed.length;
  out.set(await sha256(out.subarray(0, signed)), signed);
  return out;
}

/** Checks the cheap things (magic, version, length) before hashing or inflating anything. */
function checkHeader(bytes: Uint8Array): Result<{ compressedLength: number; rawLength: number }, BundleError> {
  if (bytes.length === 0) return err(bundleError('notABundle', 'the file is empty'));
  for (let i = 0; i < Math.min(bytes.length, BUNDLE_MAGIC.length); i++) {
    if (bytes[i] !== BUNDLE_MAGIC[i]) return err(bundleError('notABundle', 'the file does not start with CHBUNDLE'));
  }
  if (bytes.length < HEADER_LENGTH) return err(bundleError('truncated', `the header ends at byte ${bytes.length}`));
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const version = view.getUint16(8);
  if (version !== BUNDLE_FORMAT_VERSION) {
    return err(bundleError('unsupportedVersion', `format version ${version}, this app reads ${BUNDLE_FORMAT_VERSION}`));
  }
  const compressedLength = view.getUint32(10);
  const expected = HEADER_LENGTH + compressedLength + DIGEST_LENGTH;
  if (bytes.length < expected) return err(bundleError('truncated', `${bytes.length} of ${expected} bytes present`));
  if (bytes.length > expected) return err(bundleError('corrupted', `${bytes.length - expected} unexpected trailing bytes`));
  return ok({ compressedLength, rawLength: view.getUint32(14) });
}

/** Inflates at most `cap` bytes; a stream that would produce more is refused mid-way. */
function inflateCapped(compressed: Uint8Array, cap: number): Result<Uint8Array, BundleError> {
  // Chunks, not one buffer of the declared size: memory follows what really inflates.
  const chunks: Uint8Array[] = [];
  let written = 0;
  let overflow = false;
  let ended = false;
  const stream = new Unzlib((chunk, final) => {
    written += chunk.length;
    if (written > cap) overflow = true;
    else chunks.push(chunk);
    ended ||= final;
  });
  try {
    for (let at = 0; at < compressed.length && !overflow; at += INFLATE_STEP) {
      const end = Math.min(at + INFLATE_STEP, compressed.length);
      stream.push(compressed.subarray(at, end), end === compressed.length);
    }
  } catch (cause) {
    return err(bundleError('corrupted', `compressed payload is invalid: ${String(cause)}`));
  }
  if (overflow) return err(bundleError('tooLarge', `payload inflates beyond its declared ${cap} bytes`));
  if (!ended || written !== cap) return err(bundleError('corrupted', `payload inflates to ${written}, declared ${cap}`));
  if (chunks.length === 1) return ok(chunks[0]!);
  const out = new Uint8Array(cap);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return ok(out);
}

/** Opens an untrusted file: returns the raw payload or a typed refusal; never throws. */
export async function openContainer(bytes: Uint8Array, maxRawBytes: number): Promise<Result<Uint8Array, BundleError>> {
  const header = checkHeader(bytes);
  if (!header.ok) return header;
  const { compressedLength, rawLength } = header.value;
  const signed = HEADER_LENGTH + compressedLength;
  if (!sameBytes(await sha256(bytes.subarray(0, signed)), bytes.subarray(signed))) {
    return err(bundleError('corrupted', 'the file checksum does not match its contents'));
  }
  // The checksum only proves integrity, not intent: a crafted file can still declare anything.
  if (rawLength > maxRawBytes) return err(bundleError('tooLarge', `declares ${rawLength} bytes, limit ${maxRawBytes}`));
  return inflateCapped(bytes.subarray(HEADER_LENGTH, signed), rawLength);
}
