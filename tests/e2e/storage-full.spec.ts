import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import * as Y from 'yjs';
import { decodeBundle } from '../../src/sync/bundle/format';
import { createChapter, typeNotes } from './devices';

// The disk fills up mid-meeting: every write to a document store aborts, as a quota failure does.
const fullDiskScript = () => {
  const flags = window as unknown as { __diskFull?: boolean };
  const add = IDBObjectStore.prototype.add;
  IDBObjectStore.prototype.add = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['add']>) {
    const request = add.apply(this, args);
    if (flags.__diskFull && this.name === 'updates') this.transaction.abort();
    return request;
  };
};

test('a full disk keeps the edits in memory, never claims "saved", and offers an export that holds them', async ({ browser }, testInfo) => {
  const context = await browser.newContext();
  await context.addInitScript(fullDiskScript);
  const page = await context.newPage();
  await page.goto('/');
  await createChapter(page, { name: 'Full disk chapter' });
  await typeNotes(page, 'On disk.');
  await expect(page.getByTestId('save-state')).toHaveText('Saved on this device');
  await expect(page.getByTestId('save-failed')).toHaveCount(0);

  await page.evaluate(() => {
    (window as unknown as { __diskFull: boolean }).__diskFull = true;
  });
  await typeNotes(page, ' Only in memory.');
  await expect(page.getByTestId('save-state')).toHaveText(/^Not saved/);
  await expect(page.getByTestId('save-failed')).toContainText('could not be saved on this device');
  await expect(page.getByTestId('chapter-notes')).toHaveValue('On disk. Only in memory.');

  // The export is one tap away and carries what only memory holds.
  await page.getByTestId('save-failed-export').click();
  await expect(page.getByRole('heading', { name: 'Sync', level: 1 })).toBeVisible();
  await expect(page.getByTestId('save-state')).toHaveText(/^Not saved/);
  const downloading = page.waitForEvent('download');
  await page.getByTestId('bundle-export').click();
  const path = testInfo.outputPath('rescue.chbundle');
  await (await downloading).saveAs(path);
  const decoded = await decodeBundle(new Uint8Array(await readFile(path)));
  if (!decoded.ok) throw new Error(`bundle refused: ${JSON.stringify(decoded.error)}`);
  const doc = new Y.Doc();
  for (const entry of decoded.value.documents) Y.applyUpdate(doc, entry.update);
  expect(doc.getText('chapterNotes').toString()).toBe('On disk. Only in memory.');

  // Space is back: the next edit stores everything again, including what was lost on disk.
  await page.evaluate(() => {
    (window as unknown as { __diskFull: boolean }).__diskFull = false;
  });
  await page.goBack();
  await typeNotes(page, ' Space freed.');
  await expect(page.getByTestId('save-state')).toHaveText('Saved on this device');
  await expect(page.getByTestId('save-failed')).toHaveCount(0);
  await page.reload();
  await expect(page.getByTestId('chapter-notes')).toHaveValue('On disk. Only in memory. Space freed.');
  await context.close();
});
