import { expect, type Page, test } from '@playwright/test';
import { createChapter, inviteLink, newDevice } from './devices';

/** Founds a higher branch through the same form, choosing its level. */
async function createBranch(page: Page, name: string, level: 'regional' | 'national' | 'international', founder: string): Promise<void> {
  await page.getByTestId('new-chapter').click();
  await page.getByLabel('Name', { exact: true }).fill(name);
  await page.getByLabel('Level').selectOption(level);
  await page.getByLabel('Your name, as members will see it').fill(founder);
  await page.getByTestId('new-chapter-submit').click();
  await expect(page.getByTestId('chapter-name')).toHaveText(name);
  await expect(page.getByTestId('branch-level')).toHaveText('Regional branch');
}

const docIdOf = (link: string): string => /#join\/([a-z0-9]+)\//.exec(link)?.[1] ?? '';

const node = (page: Page | ReturnType<Page['locator']>, name: string) => page.locator(`[data-testid="federation-node"][data-branch="${name}"]`);

test('a chapter joins a regional branch (both sides sign) and every member device keeps the region', async ({ browser }) => {
  // Three devices and three documents meeting over the relay: generous on a loaded 2-core machine.
  test.setTimeout(120_000);
  const region = await newDevice(browser);
  const kent = await newDevice(browser);
  await createBranch(region.page, 'South East region', 'regional', 'Rosa');
  const regionLink = await inviteLink(region.page);

  await createChapter(kent.page, { name: 'Kent chapter', founder: 'Kim', city: 'Canterbury' });
  await expect(kent.page.getByTestId('branch-level')).toHaveText('Local chapter');
  await expect(kent.page.getByTestId('federation-panel')).toContainText('Not part of a higher branch yet');
  const kentLink = await inviteLink(kent.page);

  // Kim opens the region's invite and asks, for the Kent chapter, to join it.
  await kent.page.goto(regionLink);
  await expect(kent.page.getByTestId('chapter-name')).toHaveText('South East region');
  await expect(kent.page.getByTestId('federation-child')).toHaveValue(/.+/);
  await expect(kent.page.getByTestId('federation-child').locator('option')).toHaveText(['Kent chapter']);
  await kent.page.getByTestId('ask-join').click();
  await expect(kent.page.getByText('Request sent.')).toBeVisible();
  await expect(kent.page.getByTestId('federation-requests')).toContainText('Waiting for a member of this branch with a role');

  // Rosa, the region's founder, accepts; Kim's device then signs the chapter's side.
  await expect(region.page.getByTestId('federation-requests')).toContainText('Kent chapter');
  await region.page.getByRole('button', { name: 'Accept Kent chapter' }).click();
  await expect(region.page.getByTestId('federation-members')).toContainText('Kent chapter');
  await kent.page.goto(`/chapters/${docIdOf(kentLink)}`);
  await expect(kent.page.getByTestId('branch-parent')).toHaveText('Part of South East region');

  // The tree, reached from the home screen, nests the chapter under the region with counts.
  await kent.page.getByRole('link', { name: 'Chapters', exact: true }).click();
  await kent.page.getByTestId('home-federation').click();
  await expect(node(kent.page, 'South East region').getByTestId('federation-count').first()).toHaveText('1 member');
  await expect(node(node(kent.page, 'South East region'), 'Kent chapter').getByTestId('federation-count')).toHaveText('1 member');

  // A second device opening only the chapter gets the region document too, from the chapter's signed link.
  const kent2 = await newDevice(browser);
  await kent2.page.goto(kentLink);
  await expect(kent2.page.getByTestId('branch-parent')).toHaveText('Part of South East region');
  await kent2.page.getByRole('link', { name: 'Chapters', exact: true }).click();
  await expect(kent2.page.getByTestId('chapter-list')).toContainText('South East region');
  await kent2.page.getByTestId('home-federation').click();
  await expect(node(kent2.page, 'South East region').getByTestId('federation-count').first()).toHaveText('1 member');
  await expect(node(node(kent2.page, 'South East region'), 'Kent chapter')).toBeVisible();
  for (const device of [region, kent, kent2]) await device.context.close();
});

test('chapter languages and links are validated, shown, and found in the directory', async ({ browser }) => {
  const a = await newDevice(browser);
  await createChapter(a.page, { name: 'Leeds chapter', founder: 'Lou', city: 'Leeds' });
  await a.page.getByTestId('edit-chapter').click();
  await a.page.getByLabel('Languages').fill('English, Esperanto');
  await a.page.getByLabel('Contact and social links').fill('javascript:alert(1)');
  await a.page.getByTestId('edit-chapter-submit').click();
  await expect(a.page.getByText('is not a web address')).toBeVisible();
  await a.page.getByLabel('Contact and social links').fill('https://leeds.example.org\nleeds@example.org');
  await a.page.getByTestId('edit-chapter-submit').click();
  await expect(a.page.getByTestId('chapter-languages')).toHaveText('Languages: English, Esperanto');
  await expect(a.page.getByTestId('chapter-links').getByRole('link', { name: 'leeds@example.org' })).toHaveAttribute('href', 'mailto:leeds@example.org');

  await a.page.getByRole('link', { name: 'Chapters', exact: true }).click();
  await a.page.getByTestId('home-directory').click();
  await expect(a.page.getByTestId('directory-chapters-list')).toContainText('Leeds chapter');
  await expect(a.page.getByTestId('directory-members-list')).toContainText('Lou');
  await a.page.getByTestId('directory-query').fill('leed');
  await a.page.getByTestId('directory-search').click();
  await expect(a.page.getByTestId('directory-results-list')).toContainText('Leeds chapter');

  // Skills stay in the profile until the member lists them in a branch's directory.
  await a.page.getByTestId('directory-query').fill('bookbinding');
  await a.page.getByTestId('directory-search').click();
  await expect(a.page.getByText('Nothing on this device matches “bookbinding”.')).toBeVisible();
  await a.page.getByRole('link', { name: 'Settings' }).click();
  await a.page.getByLabel('Skills you can share (comma-separated)').fill('bookbinding, first aid');
  await a.page.getByTestId('profile-save').click();
  await expect(a.page.getByText('Profile saved on this device.')).toBeVisible();
  await a.page.getByRole('link', { name: 'Chapters', exact: true }).click();
  await a.page.getByTestId('home-directory').click();
  await expect(a.page.getByTestId('directory-my-skills')).toHaveText('Your skills: bookbinding, first aid');
  await a.page.getByTestId('directory-share').click();
  await expect(a.page.getByText('Listed in Leeds chapter.')).toBeVisible();
  await a.page.getByTestId('directory-query').fill('bookb');
  await a.page.getByTestId('directory-search').click();
  await expect(a.page.getByTestId('directory-results-list')).toContainText('Lou');
  await expect(a.page.getByTestId('directory-results-list')).toContainText('Skills: bookbinding, first aid');
  await a.page.getByTestId('directory-query').fill('nowhere');
  await a.page.getByTestId('directory-search').click();
  await expect(a.page.getByText('Nothing on this device matches “nowhere”.')).toBeVisible();
  await a.context.close();
});
