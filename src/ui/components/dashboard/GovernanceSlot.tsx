import { createMemo, createResource, lazy, Show, Suspense } from 'solid-js';
import { useApp } from '../../../app/context';
import type { Features } from '../../../app/features';

const GovernanceCards = lazy(() => import('./GovernanceCards'));

/** Resolves once the browser is idle (a timeout where there is no requestIdleCallback). */
const idle = (): Promise<void> =>
  new Promise((resolve) => (typeof requestIdleCallback === 'function' ? requestIdleCallback(() => resolve(), { timeout: 1_000 }) : setTimeout(resolve, 50)));
const nextTask = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

/**
 * The members, polls and meetings stores once the browser is idle, each in a task of its own: each
 * one's code takes tens of ms to evaluate on a phone, and together they made one long task.
 */
async function loadGovernance(features: Features): Promise<true> {
  await idle();
  for (const name of ['members', 'polls', 'meetings'] as const) {
    await features.load(name);
    await nextTask();
  }
  return true;
}

/**
 * Slot on the home dashboard for the open polls and the latest meeting minutes. A device without
 * chapters shows the empty cards at once (nothing to count, so no store loads); otherwise the
 * stores (polls, meetings, members) load once the browser is idle after the dashboard painted.
 */
export function GovernanceSlot() {
  const app = useApp();
  const hasChapters = createMemo(() => app.entries().some((entry) => entry.kind === 'chapter'));
  const [stores] = createResource(
    () => hasChapters() || undefined,
    () => loadGovernance(app.features),
  );
  const ready = () => !hasChapters() || stores() === true;
  return (
    <Suspense>
      <Show when={ready()}>
        <GovernanceCards />
      </Show>
    </Suspense>
  );
}
