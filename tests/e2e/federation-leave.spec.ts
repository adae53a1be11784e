import { expect, type Page, test } from '@playwright/test';
import { inviteLink, newDevice } from './devices';
import { docIdOf, regionWithChapters } from './region-setup';

const node = (page: Page | ReturnType<Page['locator']>, name: string) => page.locator(`[data-testid="federation-node"][data-branch="${name}"]`);

test('a chapter leaves its region: recorded on both sides, the tree and counts update, members stop syncing the region', async ({ browser }) => {
  test.setTimeout(150_000);
  const region = await newDevice(browser);
  const kent = await newDevice(browser);
  const { chapterUrls } = await regionWithChapters(region, { name: 'South East region', founder: 'Rosa' }, [
    { device: kent, name: 'Kent chapter', founder: 'Kim' },
  ]);
  await kent.page.goto(chapterUrls.get('Kent chapter') ?? '/');
  await expect(kent.page.getByTestId('chapter-name')).toHaveText('Kent chapter');
  const kentLink = await inviteLink(kent.page);

  // A second device of the chapter keeps the region through the chapter's signed link.
  const kent2 = await newDevice(browser);
  await kent2.page.goto(kentLink);
  await expect(kent2.page.getByTestId('branch-parent')).toHaveText('Part of South East region');
  await kent2.page.getByRole('link', { name: 'Chapters', exact: true }).click();
  await expect(kent2.page.getByTestId('chapter-list')).toContainText('South East region');

  // Kim, the chapter's founder, leaves the region.
  await kent.page.goto(`/chapters/${docIdOf(kentLink)}`);
  await expect(kent.page.getByTestId('branch-parent')).toHaveText('Part of South East region');
  await kent.page.getByTestId('leave-parent').click();
  await kent.page.getByTestId('leave-parent-confirm').click();
  await expect(kent.page.getByText('Left the branch.')).toBeVisible();
  await expect(kent.page.getByTestId('federation-panel')).toContainText('Not part of a higher branch yet');

  // The region's side: the membership ended but stays on record.
  await expect(region.page.getByTestId('federation-former')).toHaveText('Left: Kent chapter');
  await expect(region.page.getByTestId('federation-panel')).toContainText('No branches have joined yet.');
  await region.page.getByRole('link', { name: 'Chapters', exact: true }).click();
  await region.page.getByTestId('home-federation').click();
  await expect(node(region.page, 'South East region').getByTestId('federation-count').first()).toHaveText('1 member');
  await expect(node(node(region.page, 'South East region'), 'Kent chapter')).toHaveCount(0);

  // The chapter's other device no longer keeps the region.
  await expect(kent2.page.getByTestId('chapter-list')).not.toContainText('South East region');
  await kent2.page.getByTestId('home-federation').click();
  await expect(node(kent2.page, 'Kent chapter')).toBeVisible();
  await expect(node(kent2.page, 'South East region')).toHaveCount(0);
  for (const device of [region, kent, kent2]) await device.context.close();
});
