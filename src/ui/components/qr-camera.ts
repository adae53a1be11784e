/** A running camera scan; `started` rejects when there is no camera or it is refused. */
export interface QrCameraScan {
  readonly started: Promise<void>;
  stop(): void;
}

/**
 * Reads QR codes from the back camera into `video` (getUserMedia + jsQR, loaded on demand) and
 * hands each decoded text to `onText` until it returns true (it has what it needs).
 */
export function scanQrFromCamera(video: HTMLVideoElement, onText: (text: string) => boolean): QrCameraScan {
  let stream: MediaStream | null = null;
  let frame = 0;
  let stopped = false;
  const stop = () => {
    stopped = true;
    cancelAnimationFrame(frame);
    for (const track of stream?.getTracks() ?? []) track.stop();
  };
  const started = (async () => {
    const { default: jsQR } = await import('jsqr');
    stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' }, audio: false });
    if (stopped) return stop();
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
        if (found?.data && onText(found.data)) return stop();
      }
      frame = requestAnimationFrame(tick);
    };
    tick();
  })();
  started.catch(stop);
  return { started, stop };
}
