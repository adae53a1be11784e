import type { Result } from './result';
import { err, ok } from './result';

/**
 * Splits a text payload (e.g. base64url of a compressed WebRTC offer) into QR-sized chunks
 * shown as a short animated sequence, and reassembles them in any scan order.
 * Chunk format: `CH1:<setId>:<n>/<total>:<crc32 hex>:<data>` with n counted from 1.
 */
export type ChunkError =
  | { readonly kind: 'invalidOptions'; readonly detail: string }
  | { readonly kind: 'payloadTooLong'; readonly chunksNeeded: number; readonly maxChunks: number }
  | { readonly kind: 'notAChunk' }
  | { readonly kind: 'differentSet'; readonly expected: string; readonly got: string }
  | { readonly kind: 'inconsistentTotal'; readonly expected: number; readonly got: number }
  | { readonly kind: 'conflictingChunk'; readonly index: number }
  | { readonly kind: 'checksumMismatch' };

export interface ChunkOptions {
  /** Whole chunk length including its header; 600 characters stay readable on phone screens. */
  readonly maxChunkLength?: number;
  /** Keeps the animation short: a payload needing more frames belongs in a file bundle. */
  readonly maxChunks?: number;
  /** Defaults to a value derived from the payload, so splitting stays deterministic and pure. */
  readonly setId?: string;
}

export const QR_CHUNK_DEFAULTS = { maxChunkLength: 600, maxChunks: 99 } as const;

const PREFIX = 'CH1';
const SET_ID = /^[a-z0-9]{1,12}$/;
const CHUNK = /^CH1:([a-z0-9]{1,12}):([1-9][0-9]{0,3})\/([1-9][0-9]{0,3}):([0-9a-f]{8}):/;

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

/** Standard CRC-32 of the payload's UTF-8 bytes (lone surrogates count as U+FFFD, as TextEncoder does). */
export function crc32(text: string): string {
  let crc = 0xffffffff;
  const feed = (byte: number) => {
    crc = CRC_TABLE[(crc ^ byte) & 0xff]! ^ (crc >>> 8);
  };
  for (const char of text) {
    let cp = char.codePointAt(0)!;
    if (cp >= 0xd800 && cp <= 0xdfff) cp = 0xfffd;
    if (cp < 0x80) feed(cp);
    else if (cp < 0x800) [0xc0 | (cp >> 6), 0x80 | (cp & 63)].forEach(feed);
    else if (cp < 0x10000) [0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63)].forEach(feed);
    else [0xf0 | (cp >> 18), 0x80 | ((cp >> 12) & 63), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63)].forEach(feed);
  }
  return ((crc ^ 0xffffffff) >>> 0).toString(16).padStart(8, '0');
}

const header = (setId: string, index: number, total: number, checksum: string) =>
  `${PREFIX}:${setId}:${index}/${total}:${checksum}:`;

// Never end a chunk between the two halves of a surrogate pair: a QR encoder would mangle both.
function cut(payload: string, start: number, size: number): number {
  const end = Math.min(payload.length, start + size);
  const last = payload.charCodeAt(end - 1);
  return end < payload.length && end - start > 1 && last >= 0xd800 && last <= 0xdbff ? end - 1 : end;
}

export function splitIntoChunks(payload: string, options: ChunkOptions = {}): Result<readonly string[], ChunkError> {
  const maxLength = options.maxChunkLength ?? QR_CHUNK_DEFAULTS.maxChunkLength;
  const maxChunks = options.maxChunks ?? QR_CHUNK_DEFAULTS.maxChunks;
  const checksum = crc32(payload);
  const setId = options.setId ?? Number.parseInt(crc32(`set:${payload}`), 16).toString(36);
  if (!SET_ID.test(setId)) return err({ kind: 'invalidOptions', detail: 'setId must be 1-12 of [a-z0-9]' });
  if (!Number.isSafeInteger(maxChunks) || maxChunks < 1 || maxChunks > 9999) {
    return err({ kind: 'invalidOptions', detail: 'maxChunks must be between 1 and 9999' });
  }
  // Header width grows with the digit count of the total; the widest header bounds every chunk.
  const widest = header(setId, maxChunks, maxChunks, checksum).length;
  const capacity = Number.isSafeInteger(maxLength) ? maxLength - widest : 0;
  if (capacity < 2) return err({ kind: 'invalidOptions', detail: `maxChunkLength must exceed ${widest + 1}` });
  const pieces: string[] = [];
  for (let start = 0; start < payload.length; ) {
    const end = cut(payload, start, capacity);
    pieces.push(payload.slice(start, end));
    start = end;
  }
  if (pieces.length === 0) pieces.push('');
  if (pieces.length > maxChunks) return err({ kind: 'payloadTooLong', chunksNeeded: pieces.length, maxChunks });
  return ok(pieces.map((data, i) => header(setId, i + 1, pieces.length, checksum) + data));
}

/** Reassembly state: immutable, so a scanner UI can keep it in a signal and re-render on progress. */
interface ChunkSet {
  readonly setId: string;
  readonly total: number;
  readonly checksum: string;
  readonly parts: ReadonlyMap<number, string>;
}

export type Reassembly =
  | { readonly status: 'waiting' }
  | (ChunkSet & { readonly status: 'collecting' })
  /** Every chunk is in and the checksum matched. */
  | (ChunkSet & { readonly status: 'complete'; readonly payload: string });

export const emptyReassembly: Reassembly = { status: 'waiting' };

export function reassemblyProgress(state: Reassembly): { readonly received: number; readonly total: number } {
  return state.status === 'waiting' ? { received: 0, total: 0 } : { received: state.parts.size, total: state.total };
}

interface ParsedChunk {
  readonly setId: string;
  readonly index: number;
  readonly total: number;
  readonly checksum: string;
  readonly data: string;
}

export function parseChunk(text: string): Result<ParsedChunk, ChunkError> {
  const match = CHUNK.exec(text);
  if (!match) return err({ kind: 'notAChunk' });
  const [head, setId = '', rawIndex = '', rawTotal = '', checksum = ''] = match;
  const index = Number(rawIndex);
  const total = Number(rawTotal);
  if (index > total) return err({ kind: 'notAChunk' });
  return ok({ setId, index, total, checksum, data: text.slice(head.length) });
}

/** Adds one scanned chunk; duplicates are ignored, anything inconsistent is refused without changing state. */
export function addChunk(state: Reassembly, text: string): Result<Reassembly, ChunkError> {
  const parsed = parseChunk(text);
  if (!parsed.ok) return parsed;
  const chunk = parsed.value;
  if (state.status !== 'waiting') {
    const sameSet = chunk.setId === state.setId && chunk.checksum === state.checksum;
    if (!sameSet) return err({ kind: 'differentSet', expected: state.setId, got: chunk.setId });
    if (chunk.total !== state.total) return err({ kind: 'inconsistentTotal', expected: state.total, got: chunk.total });
    const known = state.parts.get(chunk.index);
    if (known === chunk.data) return ok(state);
    if (known !== undefined) return err({ kind: 'conflictingChunk', index: chunk.index });
  }
  const parts = new Map(state.status === 'waiting' ? [] : state.parts);
  parts.set(chunk.index, chunk.data);
  const base = { setId: chunk.setId, total: chunk.total, checksum: chunk.checksum, parts };
  if (parts.size < chunk.total) return ok({ status: 'collecting', ...base });
  let payload = '';
  for (let i = 1; i <= chunk.total; i++) payload += parts.get(i) ?? '';
  if (crc32(payload) !== chunk.checksum) return err({ kind: 'checksumMismatch' });
  return ok({ status: 'complete', ...base, payload });
}

/** Convenience for tests and batch input: feeds every chunk, stopping at the first refusal. */
export function reassemble(chunks: readonly string[]): Result<Reassembly, ChunkError> {
  let state: Reassembly = emptyReassembly;
  for (const chunk of chunks) {
    const next = addChunk(state, chunk);
    if (!next.ok) return next;
    state = next.value;
  }
  return ok(state);
}
