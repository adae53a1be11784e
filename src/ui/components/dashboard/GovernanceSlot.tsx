import { createMemo, createResource, Show, Suspense } from 'solid-js';
import { useApp } from '../../../app/context';
import type { Features } from '../../../app/features';
import { idle, nextTask } from '../../../app/idle';
// In the dashboard's chunk (1.5 KB): a chunk of its own was one more request and render on a new device.
import GovernanceCards from './GovernanceCards';

/**
 * The members, polls and meetings stores once the browser is idle, each in a task of its own: each
 * one's code takes tens of ms to evaluate on a phone, and together they made one long task.
 */
async function loadGovernance(features: Features): Promise<true> {
  await idle(1_000, 50);
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
