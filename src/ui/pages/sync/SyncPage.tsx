import { createResource, createSignal, For, Show } from 'solid-js';
import { useApp } from '../../../app/context';
import type { SyncEvent } from '../../../app/sync-activity';
import { formatDateTime, t } from '../../../i18n';
import { BundlePanel } from '../../components/sync/BundlePanel';
import { download } from '../../components/sync/download';
import { PairingPanel } from '../../components/sync/PairingPanel';
import './SyncPage.css';

const historyLabel = (event: SyncEvent): string => {
  switch (event.kind) {
    case 'relaySync':
      return t('syncHistory.relaySync');
    case 'pairingSync':
      return t('syncHistory.pairingSync');
    case 'exported':
      return t('syncHistory.exported', { count: event.documents });
    case 'imported':
      return t('syncHistory.imported', { count: event.documents });
    case 'refusedUpdate':
      return t('syncHistory.refusedUpdate', { count: event.documents });
  }
};

/** Sync you can see: which transport, what is only here, direct pairing, files, history. */
export function SyncPage() {
  const app = useApp();
  const [relay] = createResource(() => app.probeRelay());
  const [exportStatus, setExportStatus] = createSignal('');

  const transport = () => {
    if (app.pairing.state().phase === 'connected') return t('syncPage.transport.paired');
    if (relay.loading) return t('syncPage.transport.checking');
    return relay() ? t('syncPage.transport.relay') : t('syncPage.transport.noRelay');
  };

  const exportAll = async () => {
    const bundle = await app.bundles.exportBundle();
    download(bundle.bytes, bundle.fileName);
    setExportStatus(t('bundle.exported', { count: bundle.documents }));
  };

  return (
    <section class="stack sync-page" aria-labelledby="sync-title">
      <h1 id="sync-title">{t('syncPage.title')}</h1>
      <p class="muted">{t('syncPage.intro')}</p>

      <div class="card sync-transport" role="status" data-testid="sync-transport" data-relay={relay.loading ? 'checking' : relay() ? 'yes' : 'no'}>
        <h2>{t('syncPage.transport.heading')}</h2>
        <p>{transport()}</p>
      </div>

      <Show when={app.syncActivity.unsharedTotal() > 0}>
        <div class="notice only-here" role="status" data-testid="only-here-banner">
          <p>{t('syncPage.banner', { count: app.syncActivity.unsharedTotal() })}</p>
          <button type="button" class="button button-primary" onClick={() => void exportAll()} data-testid="only-here-export">
            {t('syncPage.banner.export')}
          </button>
        </div>
      </Show>
      <p role="status">{exportStatus()}</p>

      <PairingPanel />

      <section class="card stack sync-section" aria-labelledby="sync-docs-heading">
        <h2 id="sync-docs-heading">{t('syncDocs.heading')}</h2>
        <ul class="sync-docs" data-testid="sync-docs">
          <For each={app.entries()}>
            {(entry) => {
              const activity = () => app.syncActivity.activity(entry.id);
              return (
                <li class="sync-doc" data-testid="sync-doc">
                  <span class="sync-doc-title">{entry.title || entry.id}</span>
                  <span class="muted">
                    {activity().lastSyncedAt && activity().via
                      ? t('syncDocs.last', { when: formatDateTime(activity().lastSyncedAt!), via: t(`syncVia.${activity().via!}`) })
                      : t('syncDocs.never')}
                  </span>
                  <span class="muted" data-testid="sync-doc-peers">
                    {[
                      app.syncActivity.relayPeers(entry.id) > 0 ? t('syncDocs.peersRelay', { count: app.syncActivity.relayPeers(entry.id) }) : '',
                      app.pairing.state().phase === 'connected' && app.pairing.state().matched.includes(entry.id) ? t('syncDocs.paired') : '',
                    ]
                      .filter(Boolean)
                      .join(' · ')}
                  </span>
                  <span class="sync-doc-unshared" data-unshared={activity().unshared > 0 ? 'yes' : 'no'} data-testid="sync-doc-unshared">
                    {activity().unshared > 0 ? t('syncDocs.unshared', { count: activity().unshared }) : t('syncDocs.allShared')}
                  </span>
                </li>
              );
            }}
          </For>
        </ul>
      </section>

      <BundlePanel />

      <section class="card stack sync-section" aria-labelledby="sync-history-heading">
        <h2 id="sync-history-heading">{t('syncHistory.heading')}</h2>
        <Show when={app.syncActivity.history().length > 0} fallback={<p class="muted">{t('syncHistory.empty')}</p>}>
          <ol class="sync-history" data-testid="sync-history">
            <For each={app.syncActivity.history()}>
              {(event) => (
                <li>
                  <time datetime={event.at}>{formatDateTime(event.at)}</time> {historyLabel(event)}
                </li>
              )}
            </For>
          </ol>
        </Show>
      </section>
    </section>
  );
}
