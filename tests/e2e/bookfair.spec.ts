import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { chromium, expect, type Page, test } from '@playwright/test';
import { splitIntoChunks } from '../../src/domain/qr-chunks';
import { chromiumArgs, chromiumPath } from '../helpers/chromium';
import { createChapter, type Device, inviteLink, newDevice, typeNotes } from './devices';

// The bookfair with no infrastructure: the app is served, but no relay runs (RELAY=off).
const port = Number(process.env.E2E_NO_RELAY_PORT ?? 4398);
const baseURL = `http://127.0.0.1:${port}`;
let server: ChildProcess | null = null;

test.use({ baseURL });

test.beforeAll(async () => {
  // playwright.config.ts's webServer has built the app already (per port, under .e2e/<port>, or
  // build/ + dist/ in older setups); serve that same build without the relay.
  const out = `.e2e/${process.env.E2E_PORT ?? 4399}`;
  const [entry, dist] = existsSync(`${out}/node/server.mjs`) ? [`${out}/node/server.mjs`, `${out}/dist`] : ['build/node/server.mjs', 'dist'];
  server = spawn(process.execPath, [entry], {
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', RELAY: 'off', DIST_DIR: dist },
    stdio: 'ignore',
  });
  await expect
    .poll(
      async () => {
        try {
          return (await fetch(`${baseURL}/`)).status;
        } catch {
          return 0;
        }
      },
      { timeout: 20_000 },
    )
    .toBe(200);
});

test.afterAll(() => {
  server?.kill('SIGTERM');
});

const openSync = async (page: Page) => {
  await page.getByRole('link', { name: 'Sync', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Sync', level: 1 })).toBeVisible();
};

const openChapter = async (page: Page, name: string) => {
  await page.getByRole('link', { name: 'Chapters', exact: true }).click();
  await page.getByTestId('chapter-list').getByRole('link', { name: new RegExp(name) }).click();
  await expect(page.getByTestId('chapter-name')).toHaveText(name);
};

test('two devices pair by exchanging codes and sync a chapter both ways, with no relay', async ({ browser }) => {
  const a = await newDevice(browser);
  const b = await newDevice(browser);
  await createChapter(a.page, { name: 'Bookfair stall' });
  await typeNotes(a.page, 'Stall rota:');
  await expect(a.page.getByTestId('save-state')).toHaveText('Saved on this device');
  // B knows the chapter (invite) but nothing arrives: there is no relay.
  await b.page.goto(await inviteLink(a.page));
  await expect(b.page.getByTestId('chapter-waiting')).toBeVisible();

  await openSync(a.page);
  await openSync(b.page);
  await expect(a.page.getByTestId('sync-transport')).toHaveAttribute('data-relay', 'no');
  await expect(a.page.getByTestId('sync-transport')).toContainText('No relay reachable');

  // A shows its offer; B reads it (as a scan would) and shows its answer; A reads that.
  const started = Date.now();
  await a.page.getByTestId('pairing-start').click();
  const offerBox = a.page.getByTestId('pairing-offer');
  await expect(offerBox).toHaveValue(/^CHP1O\./);
  console.log(`[figures] offer ready after ${Date.now() - started} ms`);
  const offer = await offerBox.inputValue();
  await expect(a.page.getByTestId('pairing-offer-qr')).toBeVisible();
  const frames = await a.page.getByTestId('pairing-offer-qr').getAttribute('data-frames');
  console.log(`[figures] pairing offer: ${offer.length} characters, ${frames} QR frame(s)`);
  expect(frames).toBe('1');

  await b.page.getByTestId('pairing-join').click();
  await b.page.getByTestId('pairing-offer-input').fill(offer);
  await b.page.getByTestId('pairing-offer-input-submit').click();
  const answerBox = b.page.getByTestId('pairing-answer');
  await expect(answerBox).toHaveValue(/^CHP1A\./);
  const answer = await answerBox.inputValue();
  console.log(`[figures] answer ready after ${Date.now() - started} ms`);
  console.log(`[figures] pairing answer: ${answer.length} characters`);
  await a.page.getByTestId('pairing-answer-input').fill(answer);
  await a.page.getByTestId('pairing-answer-input-submit').click();

  await expect(a.page.getByTestId('pairing-status')).toHaveText('Connected. 1 shared document, 1 synced.');
  await expect(b.page.getByTestId('pairing-status')).toHaveText('Connected. 1 shared document, 1 synced.');
  console.log(`[figures] both synced ${Date.now() - started} ms after A pressed "Show my pairing code"`);
  await expect(b.page.getByTestId('sync-network')).toHaveText('Paired directly');
  await expect(a.page.getByTestId('sync-transport')).toContainText('Paired directly');

  // In-app navigation keeps the pairing: the chapter arrived on B, and edits flow both ways live.
  await openChapter(b.page, 'Bookfair stall');
  await expect(b.page.getByTestId('chapter-notes')).toHaveValue('Stall rota:');
  await openChapter(a.page, 'Bookfair stall');
  await typeNotes(b.page, ' B brings banners.');
  await expect(a.page.getByTestId('chapter-notes')).toHaveValue('Stall rota: B brings banners.');
  await typeNotes(a.page, ' A brings leaflets.');
  await expect(b.page.getByTestId('chapter-notes')).toHaveValue('Stall rota: B brings banners. A brings leaflets.');

  // Confirmed by the peer: nothing is only on A any more, and the history says how it synced.
  await openSync(a.page);
  await expect(a.page.getByTestId('only-here-banner')).toBeHidden();
  await expect(a.page.getByTestId('sync-doc-unshared')).toHaveText('All changes are on another device');
  await expect(a.page.getByTestId('sync-history')).toContainText('Synced with a paired device');
  await a.context.close();
  await b.context.close();
});

test('a bundle file moves a chapter to another device; re-import changes nothing; a tampered file is refused', async ({ browser }, testInfo) => {
  const a = await newDevice(browser);
  const b = await newDevice(browser);
  await createChapter(a.page, { name: 'Zine library' });
  await typeNotes(a.page, 'Catalogue.');
  await expect(a.page.getByTestId('save-state')).toHaveText('Saved on this device');

  // A's changes exist only on A: the banner says so, and the export clears it.
  await openSync(a.page);
  await expect(a.page.getByTestId('only-here-banner')).toBeVisible();
  await expect(a.page.getByTestId('only-here')).toBeVisible();
  const downloading = a.page.waitForEvent('download');
  await a.page.getByTestId('bundle-export').click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/\.chbundle$/);
  const bundlePath = testInfo.outputPath('a.chbundle');
  await download.saveAs(bundlePath);
  await expect(a.page.getByTestId('bundle-export-status')).toHaveText('Exported 1 document.');
  await expect(a.page.getByTestId('only-here-banner')).toBeHidden();
  await expect(a.page.getByTestId('sync-history')).toContainText('Exported 1 document to a file');

  // B imports: plan first, then apply on confirm; the chapter appears on its start screen.
  await openSync(b.page);
  await b.page.getByTestId('bundle-file').setInputFiles(bundlePath);
  await expect(b.page.getByTestId('bundle-plan')).toContainText('This file adds 1 document, updates 0, 0 unchanged.');
  await b.page.getByTestId('bundle-confirm').click();
  await expect(b.page.getByTestId('bundle-imported')).toHaveText('Imported: 1 added, 0 updated, 0 unchanged.');
  await openChapter(b.page, 'Zine library');
  await expect(b.page.getByTestId('chapter-notes')).toHaveValue('Catalogue.');

  // B adds to it and sends a file back: A converges.
  await typeNotes(b.page, ' Needs shelving.');
  await expect(b.page.getByTestId('save-state')).toHaveText('Saved on this device');
  await openSync(b.page);
  const back = b.page.waitForEvent('download');
  await b.page.getByTestId('bundle-export').click();
  const backPath = testInfo.outputPath('b.chbundle');
  await (await back).saveAs(backPath);
  await a.page.getByTestId('bundle-file').setInputFiles(backPath);
  await expect(a.page.getByTestId('bundle-plan')).toContainText('adds 0 documents, updates 1, 0 unchanged.');
  await a.page.getByTestId('bundle-confirm').click();
  await expect(a.page.getByTestId('bundle-imported')).toHaveText('Imported: 0 added, 1 updated, 0 unchanged.');
  await openChapter(a.page, 'Zine library');
  await expect(a.page.getByTestId('chapter-notes')).toHaveValue('Catalogue. Needs shelving.');

  // The same file again on B: nothing to do, nothing changes.
  await b.page.getByTestId('bundle-file').setInputFiles(bundlePath);
  await expect(b.page.getByTestId('bundle-plan')).toContainText('adds 0 documents, updates 0, 1 unchanged.');
  await b.page.getByTestId('bundle-confirm').click();
  await expect(b.page.getByTestId('bundle-imported')).toHaveText('Imported: 0 added, 0 updated, 1 unchanged.');

  // A tampered file (one byte flipped) is refused before anything is touched.
  const bytes = await readFile(bundlePath);
  const tampered = Buffer.from(bytes);
  const at = Math.floor(tampered.length / 2);
  tampered[at] = (tampered[at] ?? 0) ^ 0xff;
  await b.page.getByTestId('bundle-file').setInputFiles({ name: 'tampered.chbundle', mimeType: 'application/octet-stream', buffer: tampered });
  await expect(b.page.getByTestId('bundle-error')).toHaveText('This file is damaged or was altered. Nothing was changed.');
  await expect(b.page.getByTestId('bundle-plan')).toBeHidden();
  // A truncated one too.
  await b.page.getByTestId('bundle-file').setInputFiles({ name: 'cut.chbundle', mimeType: 'application/octet-stream', buffer: bytes.subarray(0, bytes.length - 40) });
  await expect(b.page.getByTestId('bundle-error')).toHaveText('This file is incomplete (cut off during transfer). Nothing was changed.');
  await openChapter(b.page, 'Zine library');
  await expect(b.page.getByTestId('chapter-notes')).toHaveValue('Catalogue. Needs shelving.');
  await a.context.close();
  await b.context.close();
});

/** A Y4M video (what Chromium's fake camera plays) showing each QR code in turn, for scanning by camera. */
async function qrVideo(texts: readonly string[], path: string): Promise<void> {
  const { create } = await import('qrcode');
  const width = 640;
  const height = 480;
  const chroma = Buffer.alloc((width / 2) * (height / 2) * 2, 128);
  const frames: Buffer[] = [];
  for (const text of texts) {
    const { modules } = create(text, { errorCorrectionLevel: 'L' });
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
    // Each code stays up for 8 frames (0.8 s at 10 fps), like the app's animated sequence.
    const frame = Buffer.concat([Buffer.from('FRAME\n'), luma, chroma]);
    for (let i = 0; i < 8; i++) frames.push(frame);
  }
  await writeFile(path, Buffer.concat([Buffer.from(`YUV4MPEG2 W${width} H${height} F10:1 Ip A1:1 C420jpeg\n`), ...frames]));
}

test("B pairs by scanning A's QR code with its camera, as an animated sequence of frames in any order", async ({ browser }, testInfo) => {
  const a = await newDevice(browser);
  await createChapter(a.page, { name: 'Scanned stall' });
  await typeNotes(a.page, 'Seen through a camera.');
  await expect(a.page.getByTestId('save-state')).toHaveText('Saved on this device');
  const link = await inviteLink(a.page);
  await openSync(a.page);
  await a.page.getByTestId('pairing-start').click();
  await expect(a.page.getByTestId('pairing-offer')).toHaveValue(/^CHP1O\./);
  const offer = await a.page.getByTestId('pairing-offer').inputValue();

  // B is another browser whose camera films A's QR code (Chromium's fake capture device).
  // Shown as three frames, starting mid-sequence: the scanner must collect and reassemble them.
  const frames = splitIntoChunks(offer, { maxChunkLength: Math.ceil(offer.length / 3) + 40 });
  if (!frames.ok) throw new Error('offer could not be split');
  expect(frames.value).toHaveLength(3);
  const [first, second, third] = frames.value as [string, string, string];
  const video = testInfo.outputPath('offer.y4m');
  await qrVideo([second, third, first], video);
  const camera = await chromium.launch({
    executablePath: chromiumPath,
    args: [...chromiumArgs, '--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream', `--use-file-for-fake-video-capture=${video}`],
  });
  try {
    const context = await camera.newContext({ baseURL, permissions: ['camera'] });
    const page = await context.newPage();
    await page.goto(link);
    await expect(page.getByTestId('chapter-waiting')).toBeVisible();
    await openSync(page);
    await page.getByTestId('pairing-join').click();
    await page.getByRole('button', { name: 'Scan with camera' }).click();
    const answerBox = page.getByTestId('pairing-answer');
    await expect(answerBox).toHaveValue(/^CHP1A\./);
    await a.page.getByTestId('pairing-answer-input').fill(await answerBox.inputValue());
    await a.page.getByTestId('pairing-answer-input-submit').click();
    await expect(page.getByTestId('pairing-status')).toHaveText('Connected. 1 shared document, 1 synced.');
    await openChapter(page, 'Scanned stall');
    await expect(page.getByTestId('chapter-notes')).toHaveValue('Seen through a camera.');
  } finally {
    await camera.close();
  }
  await a.context.close();
});

test('with the LAN relay running it stays the default, and the sync page says so', async ({ browser }) => {
  // The relay from `npm start` (playwright.config.ts's webServer), not the RELAY=off server.
  const relayURL = `http://127.0.0.1:${process.env.E2E_PORT ?? 4399}`;
  const devices = await Promise.all(
    [0, 1].map(async () => {
      const context = await browser.newContext({ baseURL: relayURL });
      const page = await context.newPage();
      await page.goto('/');
      await expect(page.getByRole('heading', { name: 'Your chapters', exact: true })).toBeVisible();
      return { context, page };
    }),
  );
  const [a, b] = devices as [Device, Device];
  await createChapter(a.page, { name: 'Relay stall' });
  await b.page.goto(await inviteLink(a.page));
  await expect(b.page.getByTestId('sync-network')).toHaveText('1 peer connected');
  await openSync(b.page);
  await expect(b.page.getByTestId('sync-transport')).toHaveAttribute('data-relay', 'yes');
  await expect(b.page.getByTestId('sync-doc-peers')).toHaveText('Now: 1 peer via the relay');
  await expect(b.page.getByTestId('sync-doc')).toContainText('via relay');
  await expect(b.page.getByTestId('sync-history')).toContainText('Synced with a peer via the relay');
  for (const device of devices) await device.context.close();
});
