import { createSignal, Match, Show, Switch } from 'solid-js';
import { dismissInstallHint, installHintDismissed, installMode, promptInstall } from '../../app/install';
import { t } from '../../i18n';
import './InstallPrompt.css';

/** The "Install app" button where the browser offers one, Add to Home Screen steps on iOS. */
function InstallBody(props: { readonly manual: boolean }) {
  const [dismissed, setDismissed] = createSignal(false);
  const install = async () => setDismissed((await promptInstall()) === 'dismissed');
  return (
    <>
      <Switch>
        <Match when={installMode() === 'installed'}>
          <p data-testid="install-installed">{t('install.installed')}</p>
        </Match>
        <Match when={installMode() === 'prompt'}>
          <div>
            <button type="button" class="button button-primary" data-testid="install-app" onClick={() => void install()}>
              {t('install.button')}
            </button>
          </div>
        </Match>
        <Match when={installMode() === 'ios'}>
          <div data-testid="install-ios">
            <p>{t('install.ios.intro')}</p>
            <ol class="install-steps">
              <li>
                <svg class="install-share-icon" viewBox="0 0 24 24" aria-hidden="true">
                  <path d="M12 3v12M7.5 7.5 12 3l4.5 4.5M5 11v9h14v-9" />
                </svg>{' '}
                {t('install.ios.step1')}
              </li>
              <li>{t('install.ios.step2')}</li>
            </ol>
          </div>
        </Match>
        <Match when={props.manual && installMode() === 'manual'}>
          <p class="muted" data-testid="install-manual">
            {t('install.manual')}
          </p>
        </Match>
      </Switch>
      {/* Empty until the browser's dialog is declined; then says where to find it again. */}
      <p role="status" class="muted install-outcome" data-testid="install-outcome">
        {dismissed() && installMode() !== 'installed' ? t('install.dismissed') : ''}
      </p>
    </>
  );
}

/** Settings → About: always says how to install (or that it is installed already). */
export function InstallPanel() {
  return (
    <section class="stack install-panel" aria-labelledby="install-title" data-testid="install-panel">
      <h3 id="install-title">{t('install.title')}</h3>
      <p class="muted">{t('install.why')}</p>
      <InstallBody manual />
    </section>
  );
}

/** Home: a closable hint, only where installing is one tap (or, on iOS, two) away. */
export function InstallHint() {
  const offered = () => (installMode() === 'prompt' || installMode() === 'ios') && !installHintDismissed();
  return (
    <Show when={offered()}>
      <aside class="card install-hint" aria-labelledby="install-hint-title" data-testid="install-hint">
        <div class="stack">
          <h2 id="install-hint-title">{t('install.title')}</h2>
          <p class="muted">{t('install.why')}</p>
          <InstallBody manual={false} />
        </div>
        <button type="button" class="button install-hint-close" aria-label={t('install.hint.close')} data-testid="install-hint-close" onClick={dismissInstallHint}>
          <span aria-hidden="true">×</span>
        </button>
      </aside>
    </Show>
  );
}
