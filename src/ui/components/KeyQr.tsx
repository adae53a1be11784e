import { createResource, Show } from 'solid-js';
import { KEY_QR_PREFIX } from '../../domain/membership/scan';
import { t } from '../../i18n';
import './KeyQr.css';

// The QR encoder loads only when a key is shown, like the invite QR.
const renderQr = async (text: string): Promise<string> => {
  const { toDataURL } = await import('qrcode');
  return toDataURL(text, { errorCorrectionLevel: 'M', margin: 2, width: 240 });
};

/**
 * This device's public key as a QR code with its safety code, so two people can check in person
 * that the key the other sees for them is really theirs (scan it, or read the code aloud).
 */
export function KeyQr(props: { readonly deviceKey: string; readonly safetyCode: string }) {
  const [qr] = createResource(() => `${KEY_QR_PREFIX}${props.deviceKey}`, renderQr);
  return (
    <section class="stack key-qr" aria-labelledby="key-qr-title">
      <h3 id="key-qr-title">{t('members.verify.title')}</h3>
      <p class="muted">{t('members.verify.help')}</p>
      <div class="key-qr-row">
        <div class="key-qr-image">
          <Show when={qr()}>
            {(src) => <img src={src()} alt={t('members.verify.qrAlt')} width="160" height="160" data-testid="key-qr" />}
          </Show>
        </div>
        <strong class="mono key-qr-code" data-testid="key-safety-code">
          {props.safetyCode}
        </strong>
      </div>
    </section>
  );
}
