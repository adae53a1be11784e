import { expect, test } from '@playwright/test';
import * as Y from 'yjs';
import { createChapter, newDevice, typeNotes } from './devices';
import { readStored, storeUpdate } from './stored-doc';

const NEWER = 'This chapter was changed by a newer version of Chapterhouse. Update the app to see everything.';

test('a chapter changed by a newer release says an update is available and keeps what was there', async ({ browser }) => {
  const { page, context } = await newDevice(browser);
  await createChapter(page, { name: 'Mixed fleet' });
  await typeNotes(page, 'Written by this release.');
  await expect(page.getByTestId('save-state')).toHaveText('Saved on this device');
  await expect(page.getByText(NEWER)).toHaveCount(0);
  const chapterPath = new URL(page.url()).pathname;
  const docId = chapterPath.split('/')[2] ?? '';

  // A fresh start of the app: the document is not open, so its stored updates can be extended.
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Your chapters', exact: true })).toBeVisible();
  const newer = new Y.Doc();
  for (const update of await readStored(page, docId)) Y.applyUpdate(newer, Buffer.from(update, 'base64'));
  const before = Y.encodeStateVector(newer);
  // What a release with schema version 2 writes when it opens the chapter: the bump and a field we do not know.
  newer.transact(() => {
    newer.getMap('meta').set('schemaVersion', 2);
    newer.getMap('chapter').set('details', new Y.Map());
  });
  await storeUpdate(page, docId, Buffer.from(Y.encodeStateAsUpdate(newer, before)).toString('base64'));

  await page.goto(chapterPath);
  await expect(page.getByText(NEWER)).toBeVisible();
  await expect(page.getByTestId('chapter-name')).toHaveText('Mixed fleet');
  await expect(page.getByTestId('chapter-notes')).toHaveValue('Written by this release.');
  await context.close();
});
