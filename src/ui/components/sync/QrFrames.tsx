import { createEffect, createResource, createSignal, onCleanup, Show } from 'solid-js';
import { t } from '../../../i18n';
import './sync.css';

interface Props {
  readonly frames: readonly string[];
  readonly testId?: string;
}

const FRAME_MS = 800;

// The QR encoder is loaded only when a code is shown.
const render = async (frames: readonly string[]): Promise<string[]> => {
  const { toDataURL } = await import('qrcode');
  return Promise.all(frames.map((text) => toDataURL(text, { errorCorrectionLevel: 'L', margin: 2, width: 320 })));
};

/** One QR code, or a short animated sequence of them when the payload needs several. */
export function QrFrames(props: Props) {
  const [images] = createResource(() => props.frames, render);
  const [index, setIndex] = createSignal(0);
  createEffect(() => {
    const count = images()?.length ?? 0;
    setIndex(0);
    if (count < 2) return;
    const timer = setInterval(() => setIndex((i) => (i + 1) % count), FRAME_MS);
    onCleanup(() => clearInterval(timer));
  });
  return (
    <figure class="qr-frames">
      <Show when={images()?.[index()]}>
        {(src) => <img src={src()} alt={t('pairing.qrAlt')} width="280" height="280" data-testid={props.testId} data-frames={props.frames.length} />}
      </Show>
      <Show when={props.frames.length > 1}>
        <figcaption class="muted">{t('pairing.frame', { index: index() + 1, total: props.frames.length })}</figcaption>
      </Show>
    </figure>
  );
}
