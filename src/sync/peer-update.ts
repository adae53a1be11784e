import * as Y from 'yjs';
import { reportRefusedUpdate } from './refused-updates';

/**
 * Whether bytes from a peer are a Yjs update this device can take without harm. Yjs integrates
 * part of a malformed update before it throws, and some (a zero-length deletion, found by
 * tests/unit/hostile-inputs.test.ts) leave the document in a state that no longer loads from
 * disk; so every update from a peer is decoded in full first and refused whole if anything in it
 * is out of shape.
 */
export function isSafePeerUpdate(update: Uint8Array): boolean {
  let decoded: ReturnType<typeof Y.decodeUpdate>;
  try {
    decoded = Y.decodeUpdate(update);
  } catch {
    return false;
  }
  for (const struct of decoded.structs) if (!(struct.length > 0) || struct.id.clock < 0) return false;
  for (const items of decoded.ds.clients.values()) for (const item of items) if (!(item.len > 0) || item.clock < 0) return false;
  return true;
}

/** Applies a peer's update if it is safe; otherwise leaves the document untouched and reports it. */
export function applyPeerUpdate(doc: Y.Doc, update: Uint8Array, origin: unknown): boolean {
  if (!isSafePeerUpdate(update)) {
    reportRefusedUpdate(update);
    return false;
  }
  Y.applyUpdate(doc, update, origin);
  return true;
}
