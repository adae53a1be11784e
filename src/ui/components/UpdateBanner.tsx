import { Show } from 'solid-js';
import { createPwaUpdate } from '../../app/pwa';
import { t } from '../../i18n';

/** Offers a waiting new version; it is applied only when the user taps Update. */
export function UpdateBanner() {
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
