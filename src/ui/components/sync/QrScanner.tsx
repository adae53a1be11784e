import { createSignal, onCleanup, onMount, Show } from 'solid-js';
import { loadFrameReader } from '../../../app/pairing';
import { t } from '../../../i18n';
import { type QrCameraScan, scanQrFromCamera } from '../qr-camera';
import './sync.css';

interface Props {
  /** Called with the complete code once every frame of it was scanned. */
  readonly onCode: (code: string) => void;
  readonly onClose: () => void;
}

/** Camera scanner for pairing codes; reassembles animated sequences. */
export function QrScanner(props: Props) {
  let video!: HTMLVideoElement;
  const [failed, setFailed] = createSignal(false);
  const [progress, setProgress] = createSignal<{ received: number; total: number } | null>(null);
  let scan: QrCameraScan | undefined;
  let disposed = false;
  onCleanup(() => {
    disposed = true;
    scan?.stop();
  });

  onMount(async () => {
    try {
      const reader = await loadFrameReader();
      if (disposed) return;
      let state = reader.emptyReassembly;
      scan = scanQrFromCamera(video, (text) => {
        const next = reader.addScannedFrame(state, text);
        if (!next.ok) return false;
        state = next.value.state;
        if (next.value.code) {
          props.onCode(next.value.code);
          return true;
        }
        if (state.status === 'collecting') setProgress({ received: state.parts.size, total: state.total });
        return false;
      });
      await scan.started;
    } catch {
      setFailed(true);
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
