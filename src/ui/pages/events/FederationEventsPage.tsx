import { For, Show } from 'solid-js';
import { useApp } from '../../../app/context';
import type { ListedEvent } from '../../../app/dashboard';
import { t } from '../../../i18n';
import EventItem from '../../components/dashboard/EventItem';
import { FeatureGate } from '../../components/FeatureGate';

/** Every event this device knows, across its chapters, their branches and what chapters shared with them. */
export function FederationEventsPage() {
  return (
    <FeatureGate feature="dashboard">
      <Timeline />
    </FeatureGate>
  );
}

function Timeline() {
  const app = useApp();
  const timeline = app.features.get('dashboard').view(app.entries).timeline;
  return (
    <section class="stack" aria-labelledby="federation-events-title" data-testid="federation-events">
      <h1 id="federation-events-title">{t('eventsOverview.title')}</h1>
      <p class="muted">{t('eventsOverview.help')}</p>
      <EventList id="upcoming" title={t('eventsOverview.upcoming')} empty={t('eventsOverview.upcomingEmpty')} rows={timeline().upcoming} />
      <EventList id="past" title={t('eventsOverview.past')} empty={t('eventsOverview.pastEmpty')} rows={timeline().past} />
    </section>
  );
}

function EventList(props: { readonly id: string; readonly title: string; readonly empty: string; readonly rows: readonly ListedEvent[] }) {
  return (
    <section class="card dashboard-card" aria-labelledby={`federation-events-${props.id}`} data-testid={`federation-events-${props.id}`}>
      <h2 id={`federation-events-${props.id}`}>{props.title}</h2>
      <Show when={props.rows.length > 0} fallback={<p class="muted">{props.empty}</p>}>
        <ul class="dashboard-list">
          <For each={props.rows}>
            {(row) => (
              <li>
                <EventItem row={row} />
              </li>
            )}
          </For>
        </ul>
      </Show>
    </section>
  );
}
