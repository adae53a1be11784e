import { createSignal, onCleanup, onMount, Show } from 'solid-js';
import { t } from '../../i18n';
import { type QrCameraScan, scanQrFromCamera } from './qr-camera';
import './KeyQr.css';

/** Camera scanner for one member's key QR: hands over the first code it reads (a key is one frame). */
export function KeyQrScanner(props: { readonly onCode: (text: string) => void; readonly onClose: () => void }) {
  let video!: HTMLVideoElement;
  const [failed, setFailed] = createSignal(false);
  let scan: QrCameraScan | undefined;
  onCleanup(() => scan?.stop());
  onMount(() => {
    // A key is one frame: the first code read is handed over.
    scan = scanQrFromCamera(video, (text) => {
      props.onCode(text);
      return true;
    });
    scan.started.catch(() => setFailed(true));
  });

  return (
    <div class="stack key-qr-scanner">
      <Show when={!failed()} fallback={<p role="alert">{t('members.scan.cameraFailed')}</p>}>
        <video ref={video} class="key-qr-video" muted playsinline aria-label={t('members.scan.scanning')} />
        <p role="status" class="muted">
          {t('members.scan.scanning')}
        </p>
      </Show>
      <button type="button" class="button" onClick={() => props.onClose()}>
        {t('members.scan.stop')}
      </button>
    </div>
  );
}
