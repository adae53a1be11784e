import { createResource, lazy, Show, Suspense } from 'solid-js';
import { useApp } from '../../../app/context';

const GovernanceCards = lazy(() => import('./GovernanceCards'));

/**
 * Slot on the home dashboard for the open polls and the latest meeting minutes. Their code and
 * stores (polls, meetings, members) load only when the dashboard is shown.
 */
export function GovernanceSlot() {
  const app = useApp();
  const [ready] = createResource(() => Promise.all([app.features.load('members'), app.features.load('polls'), app.features.load('meetings')]).then(() => true));
  return (
    <Suspense>
      <Show when={ready()}>
        <GovernanceCards />
      </Show>
    </Suspense>
  );
}
