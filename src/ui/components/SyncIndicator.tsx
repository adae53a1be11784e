import { useApp } from '../../app/context';
import { t } from '../../i18n';
import './SyncIndicator.css';

/** Always in the header: network state, peers, and whether edits are on disk. */
export function SyncIndicator() {
  const app = useApp();
  const network = () => {
    const summary = app.summary();
    if (!app.online()) return { tone: 'off', label: t('sync.offline') };
    if (summary.peers > 0) {
      const label = summary.peers === 1 ? t('sync.peers.one') : t('sync.peers.other', { count: summary.peers });
      return { tone: 'on', label };
    }
    if (summary.connecting) return { tone: 'wait', label: t('sync.connecting') };
    return { tone: 'wait', label: t('sync.online') };
  };
  const saved = () => {
    const state = app.summary().save;
    return state === 'saved' ? t('save.saved') : state === 'saving' ? t('save.saving') : t('save.failed');
  };
  return (
    <div class="sync-indicator" role="status" aria-live="polite" data-testid="sync-indicator">
      <span class="sync-network" data-tone={network().tone} data-testid="sync-network">
        <span class="sync-dot" aria-hidden="true" />
        {network().label}
      </span>
      <span class="sync-save" data-state={app.summary().save} data-testid="save-state">
        {saved()}
      </span>
    </div>
  );
}
