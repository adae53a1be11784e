import { expect, type Page, test } from '@playwright/test';
import { createChapter, inviteLink, newDevice, openSection, requestToJoin } from './devices';

async function voteYes(page: Page): Promise<void> {
  await page.getByTestId('ballot').getByLabel('Yes', { exact: true }).check();
  await page.getByTestId('cast-ballot').click();
  await expect(page.getByTestId('my-ballot')).toHaveText(/Yes$/);
}

test('under the poll rule a newcomer is admitted on every device once the chapter poll passes', async ({ browser }) => {
  test.setTimeout(120_000);
  const a = await newDevice(browser);
  const b = await newDevice(browser);
  const c = await newDevice(browser);
  await createChapter(a.page, { name: 'Bristol chapter', founder: 'Ana' });
  const link = await inviteLink(a.page);
  await requestToJoin(b, link, 'Ben');
  await openSection(a.page, 'members', 'Members');
  await a.page.getByRole('button', { name: 'Admit Ben' }).click();
  await expect(b.page.getByTestId('member-count')).toHaveText('2 members');

  // The founder makes admission a chapter decision.
  await a.page.getByTestId('rule-poll').click();
  await requestToJoin(c, link, 'Cleo');
  const request = a.page.getByTestId('join-requests').locator('li', { hasText: 'Cleo' });
  await expect(request).toBeVisible();
  await expect(a.page.getByRole('button', { name: 'Admit Cleo' })).toHaveCount(0);
  await request.getByRole('button', { name: 'Put the admission of Cleo to a vote' }).click();
  await expect(request.getByTestId('vote-poll')).toBeVisible();
  await expect(a.page.getByTestId('member-history')).toContainText('Ana put Cleo to a vote');

  // Ana and Ben vote from the request's poll link.
  await request.getByTestId('vote-poll').click();
  await expect(a.page.getByTestId('poll-question')).toHaveText('Admit Cleo to the chapter?');
  await voteYes(a.page);
  await openSection(b.page, 'members', 'Members');
  await b.page.getByTestId('join-requests').locator('li', { hasText: 'Cleo' }).getByTestId('vote-poll').click();
  await voteYes(b.page);
  await expect(a.page.getByTestId('poll-turnout')).toHaveText('2 of 2 members voted');
  await expect(c.page.getByTestId('member-count')).toHaveText('2 members');

  // The close record passes it: Cleo is admitted everywhere.
  await a.page.getByTestId('poll-close').click();
  await expect(a.page.getByTestId('poll-status')).toHaveText('final');
  await expect(a.page.getByTestId('poll-outcome')).toHaveText('Passed');
  await expect(a.page.getByTestId('poll-bars')).toContainText('Yes: 2');
  for (const device of [a, b]) {
    await openSection(device.page, 'members', 'Members');
    await expect(device.page.getByTestId('member-count')).toHaveText('3 members');
    await expect(device.page.getByTestId('invalid-entries')).toHaveCount(0);
  }
  await expect(c.page.getByTestId('member-count')).toHaveText('3 members');
  await expect(c.page.getByTestId('member-list').locator('li', { hasText: 'Cleo' })).toContainText('you');
  await expect(a.page.getByTestId('member-history')).toContainText('Ana agreed to admit Cleo');
  for (const device of [a, b, c]) await device.context.close();
});
