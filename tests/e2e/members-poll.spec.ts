import { expect, type Page, test } from '@playwright/test';
import { createChapter, inviteLink, joinRequest, memberCard, newDevice, openSection, requestToJoin, threeMembers } from './devices';

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
  const request = joinRequest(a.page, 'Cleo');
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
  await joinRequest(b.page, 'Cleo').getByTestId('vote-poll').click();
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
  await expect(memberCard(c.page, 'Cleo')).toContainText('you');
  await expect(a.page.getByTestId('member-history')).toContainText('Ana agreed to admit Cleo');
  for (const device of [a, b, c]) await device.context.close();
});

test('under the poll rule a member is removed on every device once the removal poll passes, and the record stays', async ({ browser }) => {
  test.setTimeout(150_000);
  const [a, b, c] = await threeMembers(browser, 'Leeds chapter');
  await a.page.getByTestId('rule-poll').click();

  // Ben, no convener, puts Cy's removal to a vote.
  await openSection(b.page, 'members', 'Members');
  const cyOnB = memberCard(b.page, 'Cy');
  await cyOnB.getByRole('button', { name: 'Put the removal of Cy to a vote' }).click();
  await expect(cyOnB.getByTestId('vote-poll')).toBeVisible();
  await expect(b.page.getByTestId('member-history')).toContainText('Ben put Cy to a vote');
  await cyOnB.getByTestId('vote-poll').click();
  await expect(b.page.getByTestId('poll-question')).toHaveText('Remove Cy from the chapter?');
  await voteYes(b.page);

  // Ana votes from her own device.
  const cyOnA = memberCard(a.page, 'Cy');
  await expect(cyOnA.getByTestId('vote-poll')).toBeVisible();
  await expect(cyOnA).toHaveAttribute('data-status', 'active');
  await cyOnA.getByTestId('vote-poll').click();
  await voteYes(a.page);
  await expect(a.page.getByTestId('poll-turnout')).toHaveText('2 of 3 members voted');
  // Cy votes against, from the poll's address; the poll closes early once everyone voted.
  await c.page.goto(a.page.url());
  await expect(c.page.getByTestId('poll-question')).toHaveText('Remove Cy from the chapter?');
  await c.page.getByTestId('ballot').getByLabel('No', { exact: true }).check();
  await c.page.getByTestId('cast-ballot').click();
  await expect(c.page.getByTestId('my-ballot')).toHaveText(/No$/);
  // Ben opened the poll, so he may close it.
  await expect(b.page.getByTestId('poll-turnout')).toHaveText('3 of 3 members voted');
  await b.page.getByTestId('poll-close').click();
  await expect(b.page.getByTestId('poll-status')).toHaveText('final');
  await expect(b.page.getByTestId('poll-outcome')).toHaveText('Passed');
  await expect(b.page.getByTestId('poll-bars')).toContainText('No: 1');

  // Ben, who put it to the vote, carries out the decision; every device shows Cy as removed, record kept.
  for (const device of [b, a]) await openSection(device.page, 'members', 'Members');
  for (const device of [a, b]) {
    const cy = memberCard(device.page, 'Cy');
    await expect(cy).toHaveAttribute('data-status', 'removed');
    await expect(cy).toContainText('removed');
    await expect(device.page.getByTestId('member-count')).toHaveText('2 members');
    await expect(device.page.getByTestId('member-history')).toContainText('Ben removed Cy: “Remove Cy from the chapter?”');
    await expect(device.page.getByTestId('member-history')).toContainText('Ben put Cy to a vote');
    await expect(device.page.getByTestId('invalid-entries')).toHaveCount(0);
  }
  await openSection(c.page, 'members', 'Members');
  await expect(memberCard(c.page, 'Cy')).toHaveAttribute('data-status', 'removed');
  if (process.env.MEMBER_SHOTS) {
    for (const width of [360, 1280]) {
      await b.page.setViewportSize({ width, height: 900 });
      await b.page.screenshot({ path: `/tmp/members-removed-by-poll-${width}.png`, fullPage: true });
    }
  }
  for (const device of [a, b, c]) await device.context.close();
});
