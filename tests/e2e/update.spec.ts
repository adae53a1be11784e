import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { expect, test } from '@playwright/test';
import { createChapter, typeNotes } from './devices';

// The served build of this run (see playwright.config.ts) is "version 1"; the test builds a
// "version 2" and swaps the server under the installed app, as a redeploy would.
const port = Number(process.env.E2E_PORT ?? 4399);
const out = `.e2e/${port}`;
const updatePort = port - 20;
const v2Dist = `${out}/dist-v2`;
const NEXT_VERSION = '99.0.0-next';

const serve = (distDir: string): Promise<ChildProcess> =>
  new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [`${out}/node/server.mjs`], {
      env: { ...process.env, PORT: String(updatePort), HOST: '127.0.0.1', DIST_DIR: distDir },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    child.stdout?.on('data', (chunk) => String(chunk).includes('Relay:') && resolve(child));
    child.once('exit', (code) => reject(new Error(`server exited early (${code})`)));
  });

const stop = (child: ChildProcess): Promise<void> =>
  new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });

test('a new version is offered with an Update button and applied only on tap, data intact', async ({ browser }) => {
  // Building version 2 is part of the test; allow for a slow, shared CI machine.
  test.setTimeout(480_000);
  execFileSync('npx', ['vite', 'build', '--outDir', v2Dist, '--emptyOutDir'], {
    env: { ...process.env, CHAPTERHOUSE_VERSION: NEXT_VERSION },
    stdio: 'ignore',
  });
  let server = await serve(`${out}/dist`);
  const context = await browser.newContext({ baseURL: `http://127.0.0.1:${updatePort}` });
  const page = await context.newPage();
  try {
    await page.goto('/');
    await createChapter(page, { name: 'Update chapter' });
    await typeNotes(page, 'Typed before the update.');
    await expect(page.getByTestId('save-state')).toHaveText('Saved on this device');
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });

    await stop(server);
    server = await serve(v2Dist);
    await page.reload();
    // The old version keeps running until the user says so.
    await expect(page.getByTestId('update-banner')).toBeVisible();
    await expect(page.getByTestId('chapter-notes')).toHaveValue('Typed before the update.');
    await page.getByTestId('update-apply').click();
    await page.waitForEvent('load');
    await page.getByRole('link', { name: 'Settings' }).click();
    await expect(page.getByText(`Version ${NEXT_VERSION}`)).toBeVisible();
    await page.getByRole('link', { name: 'Chapters', exact: true }).click();
    await page.getByTestId('chapter-list').getByText('Update chapter').click();
    await expect(page.getByTestId('chapter-notes')).toHaveValue('Typed before the update.');
  } finally {
    await context.close();
    await stop(server);
  }
});
