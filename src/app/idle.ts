/**
 * Work that waits for the browser to be idle (no rush, but it must not block a tap or a paint).
 * Where there is no requestIdleCallback (Safari), a plain timeout of `fallbackMs` stands in.
 */
export function onIdle(run: () => void, timeoutMs: number, fallbackMs = 0): () => void {
  if (typeof requestIdleCallback === 'function') {
    const handle = requestIdleCallback(() => run(), { timeout: timeoutMs });
    return () => cancelIdleCallback(handle);
  }
  const handle = setTimeout(run, fallbackMs);
  return () => clearTimeout(handle);
}

/** Resolves once the browser is idle (see onIdle). */
export const idle = (timeoutMs: number, fallbackMs = 0): Promise<void> => new Promise((resolve) => onIdle(resolve, timeoutMs, fallbackMs));

/** Resolves in a task of its own, so what follows does not lengthen the current one. */
export const nextTask = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));
