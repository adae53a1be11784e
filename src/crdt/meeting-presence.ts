import * as Y from 'yjs';

/**
 * Caret positions in a minutes text as Yjs relative positions: JSON that names the character
 * next to the caret, so it survives concurrent inserts and deletes before it.
 */
export function caretToJson(text: Y.Text, index: number): unknown {
  const clamped = Math.max(0, Math.min(index, text.length));
  return Y.relativePositionToJSON(Y.createRelativePositionFromTypeIndex(text, clamped));
}

/** The caret's index in `text` now, or null when the JSON is malformed or points elsewhere. */
export function caretFromJson(text: Y.Text, json: unknown): number | null {
  if (typeof json !== 'object' || json === null || !text.doc) return null;
  try {
    const absolute = Y.createAbsolutePositionFromRelativePosition(Y.createRelativePositionFromJSON(json), text.doc);
    if (!absolute || absolute.type !== text) return null;
    return Math.max(0, Math.min(absolute.index, text.length));
  } catch {
    // A peer's state is untrusted input: a bad position hides that caret, nothing else.
    return null;
  }
}
