/** A single contiguous replacement, enough to express any edit made in a text field. */
export interface TextSplice {
  readonly index: number;
  readonly deleteCount: number;
  readonly insert: string;
}

/** Finds the one splice turning `before` into `after` (common prefix and suffix kept). */
export function diffText(before: string, after: string): TextSplice | null {
  if (before === after) return null;
  let start = 0;
  const maxStart = Math.min(before.length, after.length);
  while (start < maxStart && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let endBefore = before.length;
  let endAfter = after.length;
  while (endBefore > start && endAfter > start && before.charCodeAt(endBefore - 1) === after.charCodeAt(endAfter - 1)) {
    endBefore--;
    endAfter--;
  }
  return { index: start, deleteCount: endBefore - start, insert: after.slice(start, endAfter) };
}

/** A remote change as a list of retain/insert/delete steps (the shape of a Yjs text delta). */
export type TextDeltaStep =
  | { readonly retain: number }
  | { readonly insert: string }
  | { readonly delete: number };

/** Moves a caret index through a remote change so the local cursor stays where the user left it. */
export function transformIndex(index: number, delta: readonly TextDeltaStep[]): number {
  let position = 0;
  let result = index;
  for (const step of delta) {
    if (position > index) break;
    if ('retain' in step) position += step.retain;
    else if ('insert' in step) {
      if (position <= index) result += step.insert.length;
      position += step.insert.length;
    } else {
      const removedBeforeCaret = Math.min(step.delete, Math.max(0, index - position));
      result -= removedBeforeCaret;
      if (position + step.delete > index) break;
    }
  }
  return Math.max(0, result);
}
