import { createSignal, onCleanup, onMount, Show } from 'solid-js';
import { loadFrameReader } from '../../../app/pairing';
import { t } from '../../../i18n';
import './sync.css';

interface Props {
  /** Called with the complete code once every frame of it was scanned. */
  readonly onCode: (code: string) => void;
  readonly onClose: () => void;
}

/** Camera scanner (getUserMedia + jsQR, both loaded on demand); reassembles animated sequences. */
export function QrScanner(props: Props) {
  let video!: HTMLVideoElement;
  const [failed, setFailed] = createSignal(false);
  const [progress, setProgress] = createSignal<{ received: number; total: number } | null>(null);
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
      const [{ default: jsQR }, reader] = await Promise.all([import('jsqr'), loadFrameReader()]);
      stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' }, audio: false });
      if (stopped) return stop();
      video.srcObject = stream;
      await video.play();
      const canvas = document.createElement('canvas');
      const context = canvas.getContext('2d', { willReadFrequently: true });
      let state = reader.emptyReassembly;
      const tick = () => {
        if (stopped || !context) return;
        if (video.videoWidth > 0) {
          canvas.width = video.videoWidth;
          canvas.height = video.videoHeight;
          context.drawImage(video, 0, 0);
          const image = context.getImageData(0, 0, canvas.width, canvas.height);
          const found = jsQR(image.data, image.width, image.height, { inversionAttempts: 'dontInvert' });
          if (found?.data) {
            const next = reader.addScannedFrame(state, found.data);
            if (next.ok) {
              state = next.value.state;
              if (next.value.code) {
                stop();
                props.onCode(next.value.code);
                return;
              }
              if (state.status === 'collecting') setProgress({ received: state.parts.size, total: state.total });
            }
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
    <div class="qr-scanner">
      <Show when={!failed()} fallback={<p role="alert">{t('pairing.cameraFailed')}</p>}>
        <video ref={video} class="qr-video" muted playsinline aria-label={t('pairing.scanning')} />
        <p role="status" class="muted">
          {progress() ? t('pairing.scanProgress', { received: progress()!.received, total: progress()!.total }) : t('pairing.scanning')}
        </p>
      </Show>
      <button type="button" class="button" onClick={() => props.onClose()}>
        {t('pairing.stopScan')}
      </button>
    </div>
  );
}
