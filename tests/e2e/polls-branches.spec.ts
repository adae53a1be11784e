import { expect, test } from '@playwright/test';
import { type Device, newDevice, openSection } from './devices';
import { regionWithChapters } from './region-setup';

async function openRegionPoll(device: Device, regionId: string, question: string): Promise<void> {
  await device.page.goto(`/chapters/${regionId}`);
  await expect(device.page.getByTestId('chapter-name')).toHaveText('South East region');
  await openSection(device.page, 'polls', 'Polls');
  await device.page.getByTestId('poll-item').filter({ hasText: question }).click();
  await expect(device.page.getByTestId('poll-question')).toHaveText(question);
}

test('a region puts a poll to two of its member chapters: one member of each votes, weights come per chapter, a third chapter is not offered the ballot', async ({
  browser,
}) => {
  // Three devices, four chapters' documents and a region over the relay: generous on a loaded 2-core machine.
  test.setTimeout(300_000);
  const rosa = await newDevice(browser);
  const kim = await newDevice(browser);
  const dee = await newDevice(browser);

  // Rosa founds the region and the Kent chapter; Kim founds Sussex; Dee founds Dover; Rosa accepts all three.
  const { region } = await regionWithChapters(rosa, { name: 'South East region', founder: 'Rosa' }, [
    { device: rosa, name: 'Kent chapter', founder: 'Rosa' },
    { device: kim, name: 'Sussex chapter', founder: 'Kim' },
    { device: dee, name: 'Dover chapter', founder: 'Dee' },
  ]);
  const regionId = region.id;

  // Rosa puts a regional poll to Kent and Sussex only, each chapter counting 1 split among its voters.
  const question = 'Hold the regional gathering in Canterbury?';
  await openSection(rosa.page, 'polls', 'Polls');
  await rosa.page.getByTestId('new-poll').click();
  await rosa.page.getByTestId('poll-question').fill(question);
  await rosa.page.getByTestId('poll-scope-chapters').check();
  // The member chapters arrive with their mirrored membership logs (synced from each chapter's devices).
  await expect(rosa.page.getByLabel('Dover chapter')).toBeVisible({ timeout: 60_000 });
  await rosa.page.getByLabel('Kent chapter').check();
  await rosa.page.getByLabel('Sussex chapter').check();
  await rosa.page.getByTestId('poll-weights-perChapter').check();
  await rosa.page.getByTestId('poll-submit').click();
  await expect(rosa.page.getByTestId('poll-question')).toHaveText(question);
  await expect(rosa.page.getByTestId('poll-scope')).toHaveText('Electorate: the members of 2 affected chapters (Kent chapter, Sussex chapter)');
  await expect(rosa.page.getByTestId('poll-weight-rule')).toContainText('each affected chapter has a say of 1');

  // Rosa votes as a member of Kent, Kim as a member of Sussex.
  await rosa.page.getByTestId('ballot').getByLabel('Yes', { exact: true }).check();
  await rosa.page.getByTestId('cast-ballot').click();
  await expect(rosa.page.getByTestId('my-ballot')).toHaveText(/Yes$/);
  await openRegionPoll(kim, regionId, question);
  await expect(kim.page.getByTestId('ballot')).toBeVisible({ timeout: 60_000 });
  await kim.page.getByTestId('ballot').getByLabel('No', { exact: true }).check();
  await kim.page.getByTestId('cast-ballot').click();
  await expect(kim.page.getByTestId('my-ballot')).toHaveText(/No$/);

  // Dee's chapter is a member of the region but not affected: no ballot is offered, and why is said.
  await openRegionPoll(dee, regionId, question);
  await expect(dee.page.getByTestId('poll-not-in-scope')).toHaveText(
    'This poll is put to the members of Kent chapter, Sussex chapter; you are not a member of an affected chapter, so you cannot vote in it.',
  );
  await expect(dee.page.getByTestId('ballot')).toHaveCount(0);

  // Rosa (the creator) closes it; both voters' devices show the same final result and weights.
  await expect(rosa.page.getByTestId('poll-turnout')).toHaveText('2 of 2 members voted', { timeout: 60_000 });
  await rosa.page.getByTestId('poll-close').click();
  const shown: string[] = [];
  for (const device of [rosa, kim]) {
    const page = device.page;
    await expect(page.getByTestId('poll-status')).toHaveText('final');
    await expect(page.getByTestId('poll-bars')).toContainText('Yes: 1');
    await expect(page.getByTestId('poll-bars')).toContainText('No: 1');
    await expect(page.getByTestId('poll-voter-list')).toContainText('Rosa (Kent chapter) · weight 1 · voted');
    await expect(page.getByTestId('poll-voter-list')).toContainText('Kim (Sussex chapter) · weight 1 · voted');
    await expect(page.getByTestId('poll-voter-list')).not.toContainText('Dee');
    shown.push(`${await page.getByTestId('poll-results').textContent()}`);
  }
  expect(shown[1]).toBe(shown[0]);
  if (process.env.POLL_SHOTS) {
    for (const width of [360, 1280]) {
      await kim.page.setViewportSize({ width, height: 900 });
      await kim.page.screenshot({ path: `/tmp/polls-branch-result-${width}.png`, fullPage: true });
      await dee.page.setViewportSize({ width, height: 900 });
      await dee.page.screenshot({ path: `/tmp/polls-branch-outsider-${width}.png`, fullPage: true });
      await rosa.page.setViewportSize({ width, height: 900 });
      await rosa.page.goto(rosa.page.url().replace(/\/polls\/.*$/, '/polls'));
      await rosa.page.getByTestId('new-poll').click();
      await rosa.page.getByTestId('poll-scope-chapters').check();
      await rosa.page.getByTestId('poll-weights-perChapter').check();
      await rosa.page.screenshot({ path: `/tmp/polls-branch-form-${width}.png`, fullPage: true });
    }
  }
  for (const device of [rosa, kim, dee]) await device.context.close();
});
