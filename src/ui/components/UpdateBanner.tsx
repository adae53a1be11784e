import { createSignal, onCleanup, Show } from 'solid-js';
import { whenSettled } from '../../app/idle';
import { createPwaUpdate } from '../../app/pwa';
import { t } from '../../i18n';

/**
 * Registers the service worker once the start has settled (see whenSettled): installing it fetches
 * and stores every file of the app (over 100), which took the cores from the first screen's start
 * (on a 2-core machine it doubled the CPU in use while the app was still loading its code).
 */
export function UpdateBanner() {
  const [started, setStarted] = createSignal(false);
  onCleanup(whenSettled(() => setStarted(true)));
  return (
    <Show when={started()}>
      <Banner />
    </Show>
  );
}

/** Offers a waiting new version; it is applied only when the user taps Update. */
function Banner() {
  const pwa = createPwaUpdate();
  return (
    <>
      <Show when={pwa.needRefresh()}>
        <div class="notice row update-banner" role="status" data-testid="update-banner">
          <span>{t('update.available')}</span>
          <button type="button" class="button button-primary" onClick={() => void pwa.update()} data-testid="update-apply">
            {t('update.apply')}
          </button>
          <button type="button" class="button" onClick={pwa.dismiss}>
            {t('update.later')}
          </button>
        </div>
      </Show>
      <Show when={pwa.offlineReady() && !pwa.needRefresh()}>
        <div class="notice row" role="status" data-testid="offline-ready">
          <span>{t('update.offlineReady')}</span>
          <button type="button" class="button" onClick={pwa.dismiss}>
            {t('update.dismiss')}
          </button>
        </div>
      </Show>
    </>
  );
}
