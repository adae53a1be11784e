import { createSignal, onCleanup, Show } from 'solid-js';
import { onIdle } from '../../app/idle';
import { createPwaUpdate } from '../../app/pwa';
import { t } from '../../i18n';

/** Calls `run` once the page has loaded and the browser is then idle (a timeout without requestIdleCallback). */
function afterLoadIdle(run: () => void): () => void {
  let cancel = (): void => undefined;
  const whenIdle = () => {
    cancel = onIdle(run, 3_000, 200);
  };
  if (document.readyState === 'complete') whenIdle();
  else {
    window.addEventListener('load', whenIdle, { once: true });
    cancel = () => window.removeEventListener('load', whenIdle);
  }
  return () => cancel();
}

/**
 * Registers the service worker only after load and once idle: loading workbox-window and
 * registering were a long task in the first screen's start on a phone.
 */
export function UpdateBanner() {
  const [started, setStarted] = createSignal(false);
  onCleanup(afterLoadIdle(() => setStarted(true)));
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
