import { expect, type Page, test } from '@playwright/test';
import { createChapter, inviteLink, memberCard, newDevice } from './devices';

const openMembers = async (page: Page) => {
  // Retried: a banner appearing (e.g. "works offline") can shift the tabs under the click.
  await expect(async () => {
    await page.getByTestId('section-members').click();
    await expect(page.getByRole('heading', { name: 'Members', level: 1 })).toBeVisible({ timeout: 3_000 });
  }).toPass({ timeout: 20_000 });
};

test('a newcomer asks to join, a member admits them, and a second device is linked', async ({ browser }) => {
  const a = await newDevice(browser);
  const b = await newDevice(browser);
  await createChapter(a.page, { name: 'Melbourne chapter', founder: 'Ana' });
  const link = await inviteLink(a.page);
  await openMembers(a.page);
  await expect(a.page.getByTestId('member-list')).toContainText('Ana');
  await expect(a.page.getByTestId('member-list')).toContainText('founder');

  await b.page.goto(link);
  await expect(b.page.getByTestId('chapter-name')).toHaveText('Melbourne chapter');
  await openMembers(b.page);
  await expect(b.page.getByTestId('member-list')).toContainText('Ana');
  await b.page.getByLabel('Your name, as members will see it').fill('');
  await b.page.getByTestId('request-join').click();
  await expect(b.page.getByRole('alert')).toHaveText('Enter your name.');
  await b.page.getByLabel('Your name, as members will see it').fill('Ben');
  await b.page.getByTestId('request-join').click();
  await expect(b.page.getByTestId('join-waiting')).toBeVisible();

  await expect(a.page.getByTestId('join-requests')).toContainText('Ben');
  await a.page.getByRole('button', { name: 'Admit Ben' }).click();
  await expect(a.page.getByTestId('member-count')).toHaveText('2 members');
  await expect(b.page.getByTestId('member-count')).toHaveText('2 members');
  await expect(memberCard(b.page, 'Ben')).toContainText('you');

  // Ben's second device opens the invite and is signed in by Ben's first device.
  const b2 = await newDevice(browser);
  await b2.page.goto(link);
  await openMembers(b2.page);
  await expect(b2.page.getByTestId('member-list')).toContainText('Ben');
  const key = await b2.page.getByTestId('device-key').inputValue();
  await b.page.getByTestId('link-key').fill('not a key');
  await b.page.getByTestId('link-device').click();
  await expect(b.page.getByRole('alert')).toContainText('not a device key');
  await b.page.getByTestId('link-key').fill(key);
  await b.page.getByTestId('link-device').click();
  await expect(memberCard(b2.page, 'Ben')).toContainText('you');
  await expect(memberCard(b2.page, 'Ben')).toContainText('2 devices');
  await expect(a.page.getByTestId('member-count')).toHaveText('2 members');
  for (const device of [a, b, b2]) await device.context.close();
});

test('a founder grants a role and the other member sees it', async ({ browser }) => {
  const a = await newDevice(browser);
  const b = await newDevice(browser);
  await createChapter(a.page, { name: 'Seattle chapter', founder: 'Ana' });
  const link = await inviteLink(a.page);
  await b.page.goto(link);
  await openMembers(b.page);
  await b.page.getByLabel('Your name, as members will see it').fill('Ben');
  await b.page.getByTestId('request-join').click();
  await openMembers(a.page);
  await a.page.getByRole('button', { name: 'Admit Ben' }).click();
  await a.page.getByLabel('Role for Ben').selectOption('secretary');
  await expect(memberCard(b.page, 'Ben')).toContainText('secretary');
  await expect(b.page.getByTestId('invalid-entries')).toHaveCount(0);
  for (const device of [a, b]) await device.context.close();
});

test('the profile name set in Settings is the name a new chapter is founded with', async ({ browser }) => {
  const a = await newDevice(browser);
  await a.page.getByRole('link', { name: 'Settings' }).click();
  await a.page.getByTestId('profile-name').fill('x'.repeat(121));
  await a.page.getByTestId('profile-save').click();
  await expect(a.page.getByRole('alert')).toContainText('too long');
  await a.page.getByTestId('profile-name').fill('Rosa');
  await a.page.getByLabel('Skills you can share (comma-separated)').fill('printing, first aid, printing');
  await a.page.getByTestId('profile-save').click();
  await expect(a.page.getByText('Profile saved on this device.')).toBeVisible();
  await a.page.reload();
  await expect(a.page.getByTestId('profile-name')).toHaveValue('Rosa');
  await expect(a.page.getByLabel('Skills you can share (comma-separated)')).toHaveValue('printing, first aid');
  await a.page.getByRole('link', { name: 'New chapter' }).click();
  await expect(a.page.getByLabel('Your name, as members will see it')).toHaveValue('Rosa');
  await a.page.getByLabel('Name', { exact: true }).fill('Oregon chapter');
  await a.page.getByTestId('new-chapter-submit').click();
  await openMembers(a.page);
  await expect(a.page.getByTestId('member-list')).toContainText('Rosa');
  await a.context.close();
});

test('an expired invite is refused with a clear message and changes nothing', async ({ browser }) => {
  const a = await newDevice(browser);
  await createChapter(a.page, { name: 'Kent chapter' });
  await a.page.getByTestId('invite').click();
  await a.page.getByTestId('invite-validity').selectOption('1');
  await expect(a.page.getByTestId('invite-url')).toHaveValue(/#join\//);
  const link = await a.page.getByTestId('invite-url').inputValue();
  const b = await newDevice(browser);
  // B's clock is two days ahead: the one-day link has expired there.
  await b.page.clock.setFixedTime(new Date(Date.now() + 2 * 24 * 60 * 60 * 1000));
  await b.page.goto(link);
  await expect(b.page.getByTestId('join-error')).toContainText('expired');
  await b.page.getByRole('link', { name: 'Back to your chapters' }).click();
  await expect(b.page.getByTestId('home-empty')).toBeVisible();
  for (const device of [a, b]) await device.context.close();
});
