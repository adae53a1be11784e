import { expect, test } from '@playwright/test';
import * as Y from 'yjs';
import { createChapter, newDevice } from './devices';
import { readStored, storeUpdate } from './stored-doc';

test('a peer wiping the membership log is shown, and the founding entry is restored from this device', async ({ browser }) => {
  const { page, context } = await newDevice(browser);
  await createChapter(page, { name: 'Vandalized chapter', founder: 'Ana' });
  await page.getByTestId('section-members').click();
  await expect(page.getByTestId('member-count')).toHaveText('1 member');
  await expect(page.getByTestId('vandalism')).toHaveCount(0);
  const chapterPath = new URL(page.url()).pathname.split('/').slice(0, 3).join('/');
  const docId = chapterPath.split('/')[2] ?? '';

  // The vandal holds the room secret and deletes every membership entry: a valid CRDT edit.
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Your chapters', exact: true })).toBeVisible();
  const vandal = new Y.Doc();
  for (const update of await readStored(page, docId)) Y.applyUpdate(vandal, Buffer.from(update, 'base64'));
  const before = Y.encodeStateVector(vandal);
  const log = vandal.getArray('membershipLog');
  expect(log.length).toBeGreaterThan(0);
  log.delete(0, log.length);
  await storeUpdate(page, docId, Buffer.from(Y.encodeStateAsUpdate(vandal, before)).toString('base64'));

  await page.goto(`${chapterPath}/members`);
  const notice = page.getByTestId('vandalism');
  await expect(notice).toContainText('1 signed record was removed or altered by a peer (membership entries: 1');
  await page.getByTestId('vandalism-restore').click();
  await expect(page.getByTestId('vandalism-restored')).toHaveText('Restored 1 signed record.');
  await expect(notice).toHaveCount(0);
  await expect(page.getByTestId('member-count')).toHaveText('1 member');
  // The restore was stored like any edit: it is there after a restart.
  await page.reload();
  await expect(page.getByTestId('member-count')).toHaveText('1 member');
  await expect(page.getByTestId('vandalism')).toHaveCount(0);
  await context.close();
});
