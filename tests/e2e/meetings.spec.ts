import { readFile } from 'node:fs/promises';
import { type BrowserContext, expect, type Page, test } from '@playwright/test';
import { createChapter, type Device, expectPeers, inviteLink, newDevice } from './devices';

const setOffline = (contexts: readonly BrowserContext[], offline: boolean) => Promise.all(contexts.map((c) => c.setOffline(offline)));

async function openMeetings(page: Page) {
  await page.getByTestId('section-meetings').click();
  await expect(page.getByRole('heading', { name: 'Meetings', level: 1 })).toBeVisible();
}

async function join(device: Device, link: string, name: string) {
  await device.page.goto(link);
  await device.page.getByTestId('section-members').click();
  await device.page.getByLabel('Your name, as members will see it').fill(name);
  await device.page.getByTestId('request-join').click();
  await expect(device.page.getByTestId('join-waiting')).toBeVisible();
}

/** Types at the end of an agenda item's minutes, as a note-taker would. */
async function typeMinutes(page: Page, item: string, text: string) {
  const area = page.getByLabel(`Minutes for "${item}"`);
  await area.click();
  await page.keyboard.press('Control+End');
  await area.pressSequentially(text);
}

const localInput = (offsetMs: number) => {
  const d = new Date(Date.now() + offsetMs);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
};

test('two members minute a meeting offline, merge, queue, check in, finalize, verify and export', async ({ browser }) => {
  const a = await newDevice(browser);
  const b = await newDevice(browser);
  a.page.on('dialog', (dialog) => void dialog.accept());
  await createChapter(a.page, { name: 'Lisbon chapter', founder: 'Ana' });
  const link = await inviteLink(a.page);
  await join(b, link, 'Ben');
  await a.page.getByTestId('section-members').click();
  await a.page.getByRole('button', { name: 'Admit Ben' }).click();
  await expect(b.page.getByTestId('member-count')).toHaveText('2 members');

  // Bad input first: an empty title and a start in the past are refused.
  await openMeetings(a.page);
  await a.page.getByTestId('new-meeting').click();
  await a.page.getByLabel('Date and time').fill(localInput(-2 * 24 * 60 * 60 * 1000));
  await a.page.getByTestId('create-meeting').click();
  await expect(a.page.getByRole('alert').filter({ hasText: 'This field is required.' })).toBeVisible();
  await expect(a.page.getByRole('alert').filter({ hasText: 'cannot start in the past' })).toBeVisible();
  await a.page.getByLabel('Title').fill('General assembly');
  await a.page.getByLabel('Date and time').fill(localInput(24 * 60 * 60 * 1000));
  await a.page.getByLabel('Place').fill('Union hall');
  await a.page.getByTestId('create-meeting').click();
  await expect(a.page.getByTestId('meeting-title')).toHaveText('General assembly');
  await a.page.getByTestId('add-agenda-item').click();
  await expect(a.page.getByRole('alert').filter({ hasText: 'This field is required.' })).toBeVisible();
  await a.page.getByLabel('Item title').fill('Budget');
  await a.page.getByTestId('add-agenda-item').click();
  await a.page.getByLabel('Item title').fill('Rent strike');
  await a.page.getByTestId('add-agenda-item').click();
  await expect(a.page.getByTestId('agenda-item')).toHaveCount(2);
  // Reorder by keyboard-usable buttons.
  await a.page.getByRole('button', { name: 'Move "Rent strike" up' }).click();
  await expect(a.page.getByTestId('agenda-item').first()).toContainText('Rent strike');
  await a.page.getByRole('button', { name: 'Move "Rent strike" down' }).focus();
  await a.page.keyboard.press('Enter');
  await expect(a.page.getByTestId('agenda-item').first()).toContainText('Budget');

  await openMeetings(b.page);
  await b.page.getByTestId('meeting-link').filter({ hasText: 'General assembly' }).click();
  await expect(b.page.getByTestId('agenda-item').first()).toContainText('Budget');
  await expect(a.page.getByTestId('quorum')).toHaveText('Quorum not met: 0 present, 1 required');

  // Both go offline and take minutes in the same item, raise hands and check in.
  await setOffline([a.context, b.context], true);
  await expect(a.page.getByTestId('sync-network')).toHaveText('Offline');
  await expect(b.page.getByTestId('sync-network')).toHaveText('Offline');
  const fromA = 'Ana: treasurer reports a surplus.';
  const fromB = 'Ben: rent line is too optimistic.';
  await typeMinutes(a.page, 'Budget', fromA);
  await typeMinutes(b.page, 'Budget', fromB);
  await b.page.getByTestId('raise-hand').click();
  await a.page.getByTestId('raise-hand').click();
  await b.page.getByTestId('check-in').click();
  await expect(b.page.getByTestId('quorum')).toHaveText('Quorum met: 1 present, 1 required');
  await expect(a.page.getByTestId('quorum')).toHaveText('Quorum not met: 0 present, 1 required');

  await setOffline([a.context, b.context], false);
  await expectPeers(a.page);
  await expectPeers(b.page);
  for (const device of [a, b]) {
    const notes = device.page.getByLabel('Minutes for "Budget"');
    await expect(notes).toHaveValue(new RegExp(`${fromA}|${fromB}`));
    await expect(notes).toHaveValue(/Ana: treasurer reports a surplus\./);
    await expect(notes).toHaveValue(/Ben: rent line is too optimistic\./);
    await expect(device.page.getByTestId('quorum')).toHaveText('Quorum met: 1 present, 1 required');
    await expect(device.page.getByTestId('speaker-queue').locator('li')).toHaveCount(2);
  }
  expect(await a.page.getByLabel('Minutes for "Budget"').inputValue()).toBe(await b.page.getByLabel('Minutes for "Budget"').inputValue());
  const queueA = await a.page.getByTestId('speaker-queue').locator('li').allInnerTexts();
  expect(await b.page.getByTestId('speaker-queue').locator('li').allInnerTexts()).toEqual(queueA);

  // The facilitator (Ana) gives the floor; both devices show the same speaker and the rest of the queue.
  await a.page.getByTestId('call-next').click();
  for (const device of [a, b]) {
    await expect(device.page.getByTestId('current-speaker')).toContainText(`Speaking: ${queueA[0]}`);
    await expect(device.page.getByTestId('speaker-queue')).toHaveText(queueA[1] ?? '');
  }
  await a.page.getByTestId('check-in').click();
  await expect(b.page.getByTestId('quorum')).toHaveText('Quorum met: 2 present, 1 required');

  // A decision with counts and verbatim dissent, and action items from both devices.
  const budget = a.page.getByTestId('agenda-item').filter({ hasText: 'Budget' });
  await budget.getByTestId('open-decision').click();
  await budget.getByLabel('Decision', { exact: true }).fill('Adopt the budget as amended.');
  await budget.getByLabel('Method').selectOption('majority');
  await budget.getByLabel('Votes were counted').check();
  await budget.getByLabel('For', { exact: true }).fill('7');
  await budget.getByLabel('Against', { exact: true }).fill('2');
  await budget.getByLabel('Who dissents').fill('Ben');
  await budget.getByLabel('Dissent (recorded verbatim)').fill('We will regret the rent line.');
  await budget.getByTestId('save-decision').click();
  await expect(b.page.getByTestId('decisions')).toContainText('Adopt the budget as amended.');
  await expect(b.page.getByTestId('decisions')).toContainText('For 7 · Against 2');
  const bBudget = b.page.getByTestId('agenda-item').filter({ hasText: 'Budget' });
  await bBudget.getByLabel('What').fill('Book the hall for June');
  await bBudget.getByLabel('Who').selectOption({ label: 'Ben' });
  await bBudget.getByLabel('Due').fill('2031-06-01');
  await bBudget.getByTestId('add-action').click();
  await expect(a.page.getByTestId('action-items')).toContainText('Book the hall for June');

  // Ana (founder) finalizes; Ben's device shows final minutes with a valid signature.
  await a.page.getByTestId('finalize').click();
  for (const device of [a, b]) {
    await expect(device.page.getByTestId('minutes-status')).toHaveText('Final');
    await expect(device.page.getByTestId('signature')).toHaveAttribute('data-valid', 'true');
    await expect(device.page.getByTestId('signature')).toContainText('Signature valid — signed by Ana');
  }
  await expect(b.page.getByTestId('finalize')).toHaveCount(0);

  // A later change is shown as an amendment, never a silent edit.
  await typeMinutes(b.page, 'Budget', ' Late correction.');
  await expect(a.page.getByTestId('amendments')).toContainText('Changes not signed yet (1)');
  await expect(a.page.getByTestId('signature')).toHaveAttribute('data-valid', 'true');

  // The Markdown export holds every decision, dissent and action item and both note-takers' text.
  const [download] = await Promise.all([a.page.waitForEvent('download'), a.page.getByTestId('export-markdown').click()]);
  const path = await download.path();
  const markdown = await readFile(path, 'utf8');
  expect(markdown).toContain('# Minutes: General assembly');
  expect(markdown).toContain('Adopt the budget as amended.');
  expect(markdown).toContain('We will regret the rent line.');
  expect(markdown).toContain('Book the hall for June');
  expect(markdown).toContain(fromA);
  expect(markdown).toContain(fromB);
  expect(markdown).toContain('**Status:** Final');

  // Removing an item keeps its notes.
  await b.page.getByRole('button', { name: 'Remove "Budget"' }).click();
  await expect(a.page.getByTestId('agenda-item').filter({ hasText: 'Budget' }).getByTestId('removed-item')).toHaveText('Removed item — notes kept');
  await expect(a.page.getByLabel('Minutes for "Budget"')).toHaveValue(/Late correction\./);

  for (const device of [a, b]) await device.context.close();
});
