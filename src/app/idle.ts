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

/**
 * Calls `run` once the page has settled: loaded, no resource fetched for `quietMs`, and then idle;
 * at the latest after `maxMs`. For work that would compete with the start for the network and
 * the cores (the app fetches most of its code after the load event, so `load` alone is too early).
 */
export function whenSettled(run: () => void, quietMs = 1_000, maxMs = 10_000): () => void {
  const started = performance.now();
  let lastFetch = started;
  let cancelled = false;
  let cancelIdle = (): void => undefined;
  let observer: PerformanceObserver | null = null;
  try {
    observer = new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) lastFetch = Math.max(lastFetch, entry.startTime + entry.duration);
    });
    observer.observe({ type: 'resource', buffered: true });
  } catch {
    // No resource timing: the quiet period counts from the first check.
  }
  let timer: ReturnType<typeof setTimeout> | undefined;
  const finish = (): void => {
    observer?.disconnect();
    cancelIdle = onIdle(() => {
      if (!cancelled) run();
    }, quietMs);
  };
  const check = (): void => {
    const now = performance.now();
    const quietFor = now - lastFetch;
    if (document.readyState === 'complete' && (quietFor >= quietMs || now - started >= maxMs)) finish();
    else timer = setTimeout(check, Math.max(100, quietMs - quietFor));
  };
  timer = setTimeout(check, quietMs);
  return () => {
    cancelled = true;
    clearTimeout(timer);
    observer?.disconnect();
    cancelIdle();
  };
}
