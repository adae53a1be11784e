import { writeFile } from 'node:fs/promises';
import { chromium, expect, test } from '@playwright/test';
import { chromiumArgs, chromiumPath } from '../helpers/chromium';
import { createChapter, inviteLink, newDevice, openSection } from './devices';

const baseURL = `http://127.0.0.1:${process.env.E2E_PORT ?? 4399}`;

/** A Y4M video (what Chromium's fake camera plays) that shows one QR code. */
async function qrVideo(text: string, path: string): Promise<void> {
  const { create } = await import('qrcode');
  const width = 640;
  const height = 480;
  const { modules } = create(text, { errorCorrectionLevel: 'M' });
  const scale = Math.floor(Math.min(width, height) / (modules.size + 8));
  const left = Math.floor((width - modules.size * scale) / 2);
  const top = Math.floor((height - modules.size * scale) / 2);
  const luma = Buffer.alloc(width * height, 235);
  for (let y = 0; y < modules.size; y++) {
    for (let x = 0; x < modules.size; x++) {
      if (!modules.get(y, x)) continue;
      for (let dy = 0; dy < scale; dy++) luma.fill(16, (top + y * scale + dy) * width + left + x * scale, (top + y * scale + dy) * width + left + (x + 1) * scale);
    }
  }
  const frame = Buffer.concat([Buffer.from('FRAME\n'), luma, Buffer.alloc((width / 2) * (height / 2) * 2, 128)]);
  await writeFile(path, Buffer.concat([Buffer.from(`YUV4MPEG2 W${width} H${height} F10:1 Ip A1:1 C420jpeg\n`), ...Array.from({ length: 5 }, () => frame)]));
}

/** A newcomer's device whose camera films `shown`, opening the chapter's invite and scanning. */
async function scanWithCamera(link: string, shown: string, video: string) {
  await qrVideo(shown, video);
  const camera = await chromium.launch({
    executablePath: chromiumPath,
    args: [...chromiumArgs, '--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream', `--use-file-for-fake-video-capture=${video}`],
  });
  const context = await camera.newContext({ baseURL, permissions: ['camera'] });
  const page = await context.newPage();
  await page.goto('/');
  await page.goto(link);
  await openSection(page, 'members', 'Members');
  await expect(page.getByTestId('member-list')).toContainText('Ana');
  await page.getByTestId('scan-key').click();
  return { camera, page };
}

test('scanning a member’s key QR verifies them in person, and a stranger’s key is a clear mismatch', async ({ browser }, testInfo) => {
  test.setTimeout(120_000);
  const a = await newDevice(browser);
  await createChapter(a.page, { name: 'Glasgow chapter', founder: 'Ana' });
  const link = await inviteLink(a.page);
  await openSection(a.page, 'members', 'Members');
  const key = await a.page.getByTestId('device-key').inputValue();
  const code = await a.page.getByTestId('key-safety-code').textContent();

  // The newcomer, before being admitted, checks that the founder in the list is the person in front of them.
  const genuine = await scanWithCamera(link, `chapterhouse-key:${key}`, testInfo.outputPath('genuine.y4m'));
  try {
    await expect(genuine.page.getByTestId('scan-result')).toHaveText(`Verified: safety code ${code} matches Ana.`);
    await expect(genuine.page.getByTestId('scan-result')).toHaveAttribute('data-verdict', 'verified');
  } finally {
    await genuine.camera.close();
  }

  // Someone shows a key that is nobody's here (one character changed).
  const forged = `${key.slice(0, 10)}${key[10] === 'A' ? 'B' : 'A'}${key.slice(11)}`;
  const stranger = await scanWithCamera(link, `chapterhouse-key:${forged}`, testInfo.outputPath('stranger.y4m'));
  try {
    await expect(stranger.page.getByTestId('scan-result')).toHaveAttribute('data-verdict', 'mismatch');
    await expect(stranger.page.getByTestId('scan-result')).toContainText('belongs to no member of this chapter');
    await expect(stranger.page.getByTestId('scan-result')).not.toContainText('Ana');
  } finally {
    await stranger.camera.close();
  }
  await a.context.close();
});
