import { type BrowserContext, expect, type Page, test } from '@playwright/test';
import { expectPeers, openSection, threeMembers } from './devices';

async function vote(page: Page, answer: 'Yes' | 'No' | 'Abstain', label: RegExp): Promise<void> {
  await page.getByTestId('ballot').getByLabel(answer, { exact: true }).check();
  await page.getByTestId('cast-ballot').click();
  await expect(page.getByTestId('my-ballot')).toHaveText(label);
}

const setOffline = (contexts: readonly BrowserContext[], offline: boolean) => Promise.all(contexts.map((c) => c.setOffline(offline)));

test('three members vote offline, one changes their ballot, and every device shows the same closed result', async ({ browser }) => {
  test.setTimeout(120_000);
  const [a, b, c] = await threeMembers(browser, 'Leeds chapter');

  // Ana creates a poll; validation first.
  await openSection(a.page, 'polls', 'Polls');
  await a.page.getByTestId('new-poll').click();
  await a.page.getByTestId('poll-submit').click();
  await expect(a.page.getByTestId('poll-question-error')).toHaveText('This is required.');
  await a.page.getByTestId('poll-question').fill('Join the tenants’ union march?');
  await a.page.getByTestId('poll-submit').click();
  await expect(a.page.getByTestId('poll-question')).toHaveText('Join the tenants’ union march?');
  await expect(a.page.getByTestId('poll-status')).toHaveText('open');

  for (const device of [b, c]) {
    await openSection(device.page, 'polls', 'Polls');
    await device.page.getByTestId('poll-item').filter({ hasText: 'tenants’ union march' }).click();
    await expect(device.page.getByTestId('poll-question')).toHaveText('Join the tenants’ union march?');
  }

  // Everyone offline: ballots are signed and saved on each device only.
  await setOffline([a.context, b.context, c.context], true);
  await vote(a.page, 'Yes', /Yes$/);
  await vote(b.page, 'No', /No$/);
  await vote(c.page, 'No', /No$/);
  await vote(c.page, 'Yes', /Yes$/); // Cy changes their mind before the close
  for (const device of [a, b, c]) await expect(device.page.getByTestId('poll-turnout')).toHaveText('1 of 3 members voted');

  // Back online: the devices sync.
  await setOffline([a.context, b.context, c.context], false);
  for (const device of [a, b, c]) await expectPeers(device.page);
  for (const device of [a, b, c]) await expect(device.page.getByTestId('poll-turnout')).toHaveText('3 of 3 members voted');

  // Ana (creator) closes the count early; the close record makes it final everywhere.
  await a.page.getByTestId('poll-close').click();
  const shown: string[] = [];
  for (const device of [a, b, c]) {
    const page = device.page;
    await expect(page.getByTestId('poll-status')).toHaveText('final');
    await expect(page.getByTestId('poll-final')).toContainText('signed by Ana (closed early)');
    await expect(page.getByTestId('poll-outcome')).toHaveText('Passed');
    await expect(page.getByTestId('poll-bars')).toContainText('Yes: 2');
    await expect(page.getByTestId('poll-bars')).toContainText('No: 1');
    await expect(page.getByTestId('poll-rejected')).toHaveText('Cy: replaced by a later ballot of the same member');
    await expect(page.getByTestId('poll-voter-list')).toContainText('Cy · weight 1 · voted');
    shown.push(`${await page.getByTestId('poll-results').textContent()}`);
  }
  expect(shown[1]).toBe(shown[0]);
  expect(shown[2]).toBe(shown[0]);

  // The audit record downloads and recounts to the same result.
  const download = a.page.waitForEvent('download');
  await a.page.getByTestId('poll-audit').click();
  const file = await (await download).path();
  const { readFileSync } = await import('node:fs');
  const audit = JSON.parse(readFileSync(file, 'utf8'));
  expect(audit.format).toBe('chapterhouse-poll-audit');
  expect(audit.ballots).toHaveLength(3);
  expect(audit.result).toMatchObject({ method: 'yesno', outcome: 'passed', yes: 2, no: 1 });
  if (process.env.POLL_SHOTS) {
    const list = a.page.url().replace(/\/polls\/.*$/, '/polls');
    for (const width of [360, 1280]) {
      await a.page.setViewportSize({ width, height: 900 });
      await a.page.screenshot({ path: `/tmp/polls-result-${width}.png`, fullPage: true });
      await b.page.setViewportSize({ width, height: 900 });
      await b.page.goto(list);
      await expect(b.page.getByTestId('poll-item')).toBeVisible();
      await b.page.screenshot({ path: `/tmp/polls-list-${width}.png`, fullPage: true });
      await b.page.getByTestId('new-poll').click();
      await b.page.getByTestId('poll-method').selectOption('irv');
      await b.page.getByTestId('poll-submit').click();
      await b.page.screenshot({ path: `/tmp/polls-form-${width}.png`, fullPage: true });
    }
  }
  for (const device of [a, b, c]) await device.context.close();
});
