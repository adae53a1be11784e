import { Show } from 'solid-js';
import { useApp } from '../../app/context';
import { t } from '../../i18n';
import { Link } from './Link';

/** Always in the header: network state, peers, and whether edits are on disk. */
export function SyncIndicator() {
  const app = useApp();
  const network = () => {
    const summary = app.summary();
    if (!app.online()) return { tone: 'off', label: t('sync.offline') };
    if (summary.peers > 0) {
      return { tone: 'on', label: t('sync.peers', { count: summary.peers }) };
    }
    if (app.pairing.state().phase === 'connected') return { tone: 'on', label: t('syncIndicator.paired') };
    if (summary.connecting) return { tone: 'wait', label: t('sync.connecting') };
    return { tone: 'wait', label: t('sync.online') };
  };
  const saved = () => {
    const state = app.summary().save;
    return state === 'saved' ? t('save.saved') : state === 'saving' ? t('save.saving') : t('save.failed');
  };
  return (
    // Polite and not atomic: a change of network state is read on its own, once.
    <div class="sync-indicator" role="status" aria-live="polite" aria-atomic="false" data-testid="sync-indicator">
      <span class="sync-network" data-tone={network().tone} data-testid="sync-network">
        <span class="sync-dot" aria-hidden="true" />
        {network().label}
      </span>
      <span class="sync-line">
        <Show
          when={app.summary().save === 'failed'}
          fallback={
            // Saving/saved flips with every keystroke: shown, never read out.
            <span class="sync-save" aria-live="off" data-state={app.summary().save} data-testid="save-state">
              {saved()}
            </span>
          }
        >
          <span class="sync-save" role="alert" data-state="failed" data-testid="save-state">
            {saved()}
          </span>
        </Show>
        <Show when={app.syncActivity.unsharedTotal() > 0}>
          <Link href="/sync" class="sync-only-here" data-testid="only-here">
            {t('syncIndicator.onlyHere')}
          </Link>
        </Show>
      </span>
    </div>
  );
}
