import { expect, type Page, test } from '@playwright/test';
import { createChapter, newDevice } from './devices';

// The chapter page paints from a small summary kept on the device, before the chapter's document
// has been read. Timing that is the bench's job (npm run bench); this checks what is shown when
// the document is not there at all: the summary, marked as such, and nothing to edit it with.

const tomorrow = () => {
  const d = new Date(Date.now() + 24 * 60 * 60 * 1000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T18:30`;
};

/** The stored summary's meeting titles (the summary is written in idle time after changes). */
const summaryMeetings = (page: Page, docId: string): Promise<string[]> =>
  page.evaluate(
    (id) =>
      new Promise<string[]>((resolve, reject) => {
        const open = indexedDB.open('chapterhouse-catalog');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const request = open.result.transaction('summaries', 'readonly').objectStore('summaries').get(id);
          request.onerror = () => reject(request.error);
          request.onsuccess = () => {
            open.result.close();
            resolve(((request.result?.latestMeetings ?? []) as { title: string }[]).map((m) => m.title));
          };
        };
      }),
    docId,
  );

test('a chapter whose document is gone from the device still shows its summary, read-only', async ({ browser }) => {
  const { context, page } = await newDevice(browser);
  await createChapter(page, { name: 'Ghent chapter', city: 'Ghent', country: 'Belgium', description: 'Housing and transit.' });
  const docId = new URL(page.url()).pathname.split('/')[2] ?? '';
  await page.getByTestId('section-meetings').click();
  await page.getByTestId('new-meeting').click();
  await page.getByLabel('Title').fill('Spring assembly');
  await page.getByLabel('Date and time').fill(tomorrow());
  await page.getByTestId('create-meeting').click();
  await expect(page.getByTestId('meeting-title')).toHaveText('Spring assembly');
  await expect.poll(() => summaryMeetings(page, docId), { timeout: 20_000 }).toEqual(['Spring assembly']);

  // Remove the document's own store while no page of the app holds it open (the manifest runs no app).
  await page.close();
  const other = await context.newPage();
  await other.goto('/manifest.webmanifest');
  await other.evaluate(
    (name) =>
      new Promise<void>((resolve, reject) => {
        const request = indexedDB.deleteDatabase(name);
        request.onsuccess = () => resolve();
        request.onerror = () => reject(request.error);
      }),
    `chapterhouse-doc-${docId}`,
  );

  await other.goto(`/chapters/${docId}`);
  await expect(other.getByTestId('chapter-summary-name')).toHaveText('Ghent chapter');
  await expect(other.getByTestId('chapter-summary')).toContainText('Housing and transit.');
  await expect(other.getByTestId('chapter-summary-meetings')).toContainText('Spring assembly');
  await expect(other.getByTestId('chapter-summary-status')).toBeVisible();
  // Never offered for editing: the live document's controls are absent.
  await expect(other.getByTestId('chapter-name')).toHaveCount(0);
  await expect(other.getByTestId('edit-chapter')).toHaveCount(0);
  await expect(other.getByTestId('invite')).toHaveCount(0);
  await expect(other.getByTestId('chapter-notes')).toHaveCount(0);
  await context.close();
});

test('before any of the app’s code has loaded, a chapter’s page already shows what this device last saw', async ({ browser }) => {
  // No service worker, so every script request goes through the routes below.
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  await page.goto('/');
  await createChapter(page, { name: 'Lyon <b>chapter</b>', city: 'Lyon', country: 'France', description: 'Bike repair.' });
  const docId = new URL(page.url()).pathname.split('/')[2] ?? '';
  await expect.poll(() => page.evaluate((id) => localStorage.getItem(`chapterhouse:summary-frame:${id}`) !== null, docId), { timeout: 20_000 }).toBe(true);
  await page.close();

  // Only the page's entry script may load: the app itself never arrives.
  const offline = await context.newPage();
  const index = await (await offline.request.get('/')).text();
  const entry = /<script type="module"[^>]*src="([^"]+)"/.exec(index)?.[1] ?? '';
  expect(entry).not.toBe('');
  await offline.route('**/assets/**', (route) => (new URL(route.request().url()).pathname === entry ? route.continue() : route.abort()));
  await offline.goto(`/chapters/${docId}`);
  await expect(offline.getByTestId('chapter-summary-name')).toHaveText('Lyon <b>chapter</b>');
  await expect(offline.getByTestId('chapter-summary')).toContainText('Lyon, France');
  await expect(offline.getByTestId('chapter-summary')).toContainText('Bike repair.');
  await expect(offline.getByRole('status')).toContainText('Opening the whole chapter');
  await expect(offline.locator('#root b')).toHaveCount(0);
  await expect(offline.getByTestId('chapter-name')).toHaveCount(0);
  await context.close();
});
