import { createSignal, onCleanup, onMount, Show } from 'solid-js';
import { t } from '../../i18n';
import './KeyQr.css';

/**
 * Camera scanner for one member's key QR: getUserMedia + jsQR (loaded on demand), as the pairing
 * scanner does, but it hands over the first code it reads (a key is one frame, not a sequence).
 */
export function KeyQrScanner(props: { readonly onCode: (text: string) => void; readonly onClose: () => void }) {
  let video!: HTMLVideoElement;
  const [failed, setFailed] = createSignal(false);
  let stream: MediaStream | null = null;
  let frame = 0;
  let stopped = false;
  const stop = () => {
    stopped = true;
    cancelAnimationFrame(frame);
    for (const track of stream?.getTracks() ?? []) track.stop();
  };
  onCleanup(stop);

  onMount(async () => {
    try {
      const { default: jsQR } = await import('jsqr');
      stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' }, audio: false });
      if (stopped) {
        stop();
        return;
      }
      video.srcObject = stream;
      await video.play();
      const canvas = document.createElement('canvas');
      const context = canvas.getContext('2d', { willReadFrequently: true });
      const tick = () => {
        if (stopped || !context) return;
        if (video.videoWidth > 0) {
          canvas.width = video.videoWidth;
          canvas.height = video.videoHeight;
          context.drawImage(video, 0, 0);
          const image = context.getImageData(0, 0, canvas.width, canvas.height);
          const found = jsQR(image.data, image.width, image.height, { inversionAttempts: 'dontInvert' });
          if (found?.data) {
            stop();
            props.onCode(found.data);
            return;
          }
        }
        frame = requestAnimationFrame(tick);
      };
      tick();
    } catch {
      setFailed(true);
      stop();
    }
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
