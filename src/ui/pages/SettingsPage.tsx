import { createSignal, onMount, Show } from 'solid-js';
import { useApp } from '../../app/context';
import { parseSignalingList } from '../../app/sync-settings';
import { formatBytes, t } from '../../i18n';
import { InstallPanel } from '../components/InstallPrompt';
import { LanguagePicker } from '../components/LanguagePicker';
import { ProfileForm } from '../components/ProfileForm';

declare const __APP_VERSION__: string;

export function SettingsPage() {
  const app = useApp();
  const info = app.storageInfo;
  onMount(() => void info.refreshEstimate());
  const [signaling, setSignaling] = createSignal(app.syncSettings().signaling.join('\n'));
  const [ice, setIce] = createSignal(JSON.stringify(app.syncSettings().iceServers));
  const [message, setMessage] = createSignal('');

  const saveSync = async (event: SubmitEvent) => {
    event.preventDefault();
    const urls = parseSignalingList(signaling());
    let servers: unknown;
    try {
      servers = JSON.parse(ice() || '[]');
    } catch {
      servers = null;
    }
    if (!urls || !Array.isArray(servers)) {
      setMessage(t('settings.syncInvalid'));
      return;
    }
    await app.saveSyncSettings({ signaling: urls, iceServers: servers as RTCIceServer[] });
    setMessage(t('settings.syncSaved'));
  };

  return (
    <section class="stack" aria-labelledby="settings-title">
      <h1 id="settings-title">{t('settings.title')}</h1>
      <LanguagePicker />
      <ProfileForm />
      <section class="card stack" aria-labelledby="storage-title">
        <h2 id="storage-title">{t('settings.storage')}</h2>
        <p data-testid="persist-state" data-state={info.persist()}>
          {t(`settings.persist.${info.persist()}`)}
        </p>
        <Show when={info.persist() !== 'granted'}>
          <button type="button" class="button" onClick={() => void info.requestPersistence()}>
            {t('settings.persist.request')}
          </button>
        </Show>
        <Show when={info.estimate()}>
          {(estimate) => (
            <p data-testid="storage-usage">
              {t('settings.usage', { used: formatBytes(estimate().usage), quota: formatBytes(estimate().quota) })}
            </p>
          )}
        </Show>
      </section>
      <form class="card stack field" aria-labelledby="sync-title" onSubmit={saveSync}>
        <h2 id="sync-title">{t('settings.sync')}</h2>
        <div>
          <label for="settings-signaling">{t('settings.signaling')}</label>
          <textarea id="settings-signaling" rows={3} value={signaling()} onInput={(event) => setSignaling(event.currentTarget.value)} />
        </div>
        <div>
          <label for="settings-ice">{t('settings.iceServers')}</label>
          <textarea id="settings-ice" rows={2} value={ice()} onInput={(event) => setIce(event.currentTarget.value)} />
        </div>
        <div class="row">
          <button type="submit" class="button">
            {t('settings.saveSync')}
          </button>
          <span role="status">{message()}</span>
        </div>
      </form>
      <section class="card stack" aria-labelledby="about-title">
        <h2 id="about-title">{t('about.title')}</h2>
        <p data-testid="app-version">{t('settings.version', { version: __APP_VERSION__ })}</p>
        <InstallPanel />
      </section>
    </section>
  );
}
