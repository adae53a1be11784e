import { expect, type Page, test } from '@playwright/test';
import { type Device, openSection, threeMembers } from './devices';

async function createPoll(page: Page, question: string, method: string, options: string[], showResultsBeforeClose = false): Promise<void> {
  await openSection(page, 'polls', 'Polls');
  await page.getByTestId('new-poll').click();
  await page.getByTestId('poll-question').fill(question);
  await page.getByTestId('poll-method').selectOption(method);
  if (options.length) await page.getByTestId('poll-options').fill(options.join('\n'));
  if (showResultsBeforeClose) await page.getByTestId('poll-show-results').check();
  await page.getByTestId('poll-submit').click();
  await expect(page.getByTestId('poll-question')).toHaveText(question);
}

async function openPoll(page: Page, question: string): Promise<void> {
  await openSection(page, 'polls', 'Polls');
  await page.getByTestId('poll-item').filter({ hasText: question }).click();
  await expect(page.getByTestId('poll-question')).toHaveText(question);
}

async function cast(page: Page, expected: RegExp): Promise<void> {
  await page.getByTestId('cast-ballot').click();
  await expect(page.getByTestId('my-ballot')).toHaveText(expected);
}

/** Closes the poll on `closer`, then returns the result panel's text from every device (all final). */
async function closeAndRead(closer: Page, devices: readonly Device[], question: string): Promise<string[]> {
  await openPoll(closer, question);
  await closer.getByTestId('poll-close').click();
  const texts: string[] = [];
  for (const device of devices) {
    await openPoll(device.page, question);
    await expect(device.page.getByTestId('poll-status')).toHaveText('final');
    texts.push(`${await device.page.getByTestId('poll-results').textContent()}`);
  }
  return texts;
}

test('ranked (Schulze), score and consent polls: three devices vote and all show the identical result', async ({ browser }) => {
  test.setTimeout(240_000);
  const [a, b, c] = await threeMembers(browser, 'Bristol chapter');
  const all = [a, b, c];
  const ranked = 'Which evening for the repair café?';
  const score = 'Rate the banner designs';
  const consent = 'Lend the van to the tenants’ union?';
  await createPoll(a.page, ranked, 'schulze', ['Mon', 'Wed', 'Sat']);
  await createPoll(a.page, score, 'score', ['Red', 'Blue'], true);
  await createPoll(a.page, consent, 'consent', []);

  // Schulze: Ana Mon>Wed>Sat, Ben Sat>Mon>Wed, Cy Wed>Mon>Sat: Mon beats both others pairwise.
  await openPoll(a.page, ranked);
  await cast(a.page, /1\. Mon, 2\. Wed, 3\. Sat$/);
  await openPoll(b.page, ranked);
  await b.page.getByRole('button', { name: 'Move Sat up' }).click();
  await b.page.getByRole('button', { name: 'Move Sat up' }).click();
  await cast(b.page, /1\. Sat, 2\. Mon, 3\. Wed$/);
  await openPoll(c.page, ranked);
  await c.page.getByRole('button', { name: 'Move Wed up' }).click();
  await cast(c.page, /1\. Wed, 2\. Mon, 3\. Sat$/);

  // Score: Red 5+2+1 = 8, Blue 0+4+5 = 9.
  const scores: [Device, number, number][] = [
    [a, 5, 0],
    [b, 2, 4],
    [c, 1, 5],
  ];
  for (const [device, red, blue] of scores) {
    await openPoll(device.page, score);
    await device.page.getByLabel('Score for Red (0–5)').selectOption(String(red));
    await device.page.getByLabel('Score for Blue (0–5)').selectOption(String(blue));
    await cast(device.page, new RegExp(`Red ${red}, Blue ${blue}$`));
  }
  // Results shown before the close follow every ballot as it arrives: Ana's page stayed open
  // since her own ballot, and now counts Ben's and Cy's too.
  await expect(a.page.getByTestId('poll-provisional')).toBeVisible();
  await expect(a.page.getByTestId('poll-bars')).toContainText('Red: 8');
  await expect(a.page.getByTestId('poll-bars')).toContainText('Blue: 9');

  // Consent: Ben stands aside with a reason; nobody blocks.
  for (const [device, answer] of [
    [a, 'Agree'],
    [b, 'Stand aside'],
    [c, 'Agree'],
  ] as const) {
    await openPoll(device.page, consent);
    await device.page.getByTestId('ballot').getByLabel(answer, { exact: true }).check();
    if (device === b) await device.page.getByLabel('Reason (optional, shown to members)').fill('I will be away that month');
    await cast(device.page, new RegExp(`${answer}$`));
  }
  for (const device of all) {
    await openPoll(device.page, consent);
    await expect(device.page.getByTestId('poll-turnout')).toHaveText('3 of 3 members voted');
  }

  // The home dashboard lists the open polls with their closing time and voters so far.
  await a.page.goto('/');
  const openPolls = a.page.getByTestId('dashboard-polls');
  for (const question of [ranked, score, consent]) await expect(openPolls).toContainText(question);
  await expect(openPolls).toContainText('3 of 3 voted · Bristol chapter');
  await expect(a.page.getByTestId('dashboard-minutes-empty')).toHaveText('No meetings held yet.');
  if (process.env.POLL_SHOTS) {
    for (const width of [360, 1280]) {
      await a.page.setViewportSize({ width, height: 900 });
      await a.page.getByTestId('dashboard-polls').scrollIntoViewIfNeeded();
      await a.page.screenshot({ path: `/tmp/polls/dashboard-${width}.png`, fullPage: true });
    }
  }
  await a.page.getByTestId('chapter-list').getByRole('link', { name: /Bristol chapter/ }).first().click();

  const rankedTexts = await closeAndRead(a.page, all, ranked);
  for (const device of all) {
    await expect(device.page.getByTestId('poll-outcome')).toHaveText('Elected / chosen: Mon');
    await expect(device.page.getByTestId('poll-pairwise')).toContainText('Mon');
  }
  expect(new Set(rankedTexts).size).toBe(1);

  const scoreTexts = await closeAndRead(a.page, all, score);
  for (const device of all) {
    await expect(device.page.getByTestId('poll-outcome')).toHaveText('Elected / chosen: Blue');
    await expect(device.page.getByTestId('poll-bars')).toContainText('Red: 8');
    await expect(device.page.getByTestId('poll-bars')).toContainText('Blue: 9');
  }
  expect(new Set(scoreTexts).size).toBe(1);

  const consentTexts = await closeAndRead(a.page, all, consent);
  for (const device of all) {
    await expect(device.page.getByTestId('poll-outcome')).toHaveText('Passed');
    await expect(device.page.getByTestId('poll-results')).toContainText('Stand aside: I will be away that month');
  }
  expect(new Set(consentTexts).size).toBe(1);
  for (const device of all) await device.context.close();
});

test('a weighted poll put to a group: outsiders cannot vote, weights decide, the outcome lands in the minutes', async ({ browser }) => {
  test.setTimeout(240_000);
  const [a, b, c] = await threeMembers(browser, 'Bristol chapter');
  const question = 'Move the food bank to Tuesdays?';

  // A meeting with an agenda item for the poll's outcome.
  await openSection(a.page, 'meetings', 'Meetings');
  await a.page.getByTestId('new-meeting').click();
  await a.page.getByLabel('Title').fill('Food bank meeting');
  const soon = new Date(Date.now() + 24 * 60 * 60 * 1000);
  const pad = (n: number) => String(n).padStart(2, '0');
  await a.page
    .getByLabel('Date and time')
    .fill(`${soon.getFullYear()}-${pad(soon.getMonth() + 1)}-${pad(soon.getDate())}T${pad(soon.getHours())}:${pad(soon.getMinutes())}`);
  await a.page.getByTestId('create-meeting').click();
  await expect(a.page.getByTestId('meeting-title')).toHaveText('Food bank meeting');
  await a.page.getByLabel('Item title').fill('Tuesday shifts');
  await a.page.getByTestId('add-agenda-item').click();
  await expect(a.page.getByTestId('agenda-item')).toHaveCount(1);

  // A project whose participants (Ana, Ben) will be the poll's electorate.
  await openSection(a.page, 'projects', 'Projects');
  await a.page.getByTestId('new-project').click();
  await a.page.getByTestId('project-title').fill('Tuesday crew');
  await a.page.getByTestId('project-submit').click();
  await expect(a.page.getByTestId('project-title-heading')).toHaveText('Tuesday crew');
  await openSection(b.page, 'projects', 'Projects');
  await b.page.getByRole('link', { name: /Tuesday crew/ }).click();
  await b.page.getByTestId('project-join').click();
  await expect(a.page.getByTestId('project-participants').getByRole('listitem')).toHaveCount(2);

  await openSection(a.page, 'polls', 'Polls');
  await a.page.getByTestId('new-poll').click();
  await a.page.getByTestId('poll-question').fill(question);
  await a.page.getByTestId('poll-scope-group').check();
  await a.page.getByTestId('poll-weights-custom').check();
  // Bad input first: nothing is stored.
  await a.page.getByTestId('poll-submit').click();
  await expect(a.page.getByTestId('poll-scope-error')).toHaveText('This is required.');
  await a.page.getByTestId('poll-scope-name').fill('Tuesday crew');
  await a.page.getByTestId('poll-submit').click();
  await expect(a.page.getByTestId('poll-scope-error')).toHaveText('Choose at least one member who may vote.');
  // Taking the project's participants fills in the group.
  await a.page.getByTestId('poll-scope-project').selectOption({ label: 'Tuesday crew' });
  await expect(a.page.getByRole('checkbox', { name: 'Ana', exact: true })).toBeChecked();
  await expect(a.page.getByRole('checkbox', { name: 'Ben', exact: true })).toBeChecked();
  await expect(a.page.getByRole('checkbox', { name: 'Cy', exact: true })).not.toBeChecked();
  await a.page.getByTestId('poll-weight-reason').fill('Ana runs the Tuesday shift');
  await a.page.getByLabel('Weight of Ana').fill('0');
  await a.page.getByTestId('poll-submit').click();
  await expect(a.page.getByTestId('poll-weights-error')).toContainText('Each weight must be a number above 0');
  await a.page.getByLabel('Weight of Ana').fill('3');
  const item = await a.page.getByTestId('poll-minutes').locator('option', { hasText: 'Tuesday shifts' }).getAttribute('value');
  await a.page.getByTestId('poll-minutes').selectOption(item ?? '');
  await a.page.getByTestId('poll-submit').click();
  await expect(a.page.getByTestId('poll-question')).toHaveText(question);
  await expect(a.page.getByTestId('poll-linked')).toHaveText('Outcome goes into the minutes of: Food bank meeting: Tuesday shifts');
  await expect(a.page.getByTestId('poll-scope')).toHaveText('Electorate: Tuesday crew (2 members)');
  await expect(a.page.getByTestId('poll-weight-rule')).toHaveText('Weight rule: by affectedness — Ana runs the Tuesday shift');
  await openSection(a.page, 'polls', 'Polls');
  await expect(a.page.getByTestId('poll-item')).toHaveCount(1);

  // Cy is not in the group: told so, and offered no ballot.
  await openPoll(c.page, question);
  await expect(c.page.getByTestId('poll-not-in-scope')).toContainText('Tuesday crew');
  await expect(c.page.getByTestId('ballot')).toHaveCount(0);

  await openPoll(a.page, question);
  await a.page.getByTestId('ballot').getByLabel('Yes', { exact: true }).check();
  await cast(a.page, /Yes$/);
  await openPoll(b.page, question);
  await b.page.getByTestId('ballot').getByLabel('No', { exact: true }).check();
  await b.page.getByLabel('Reason (optional, recorded with the outcome)').fill('Tuesdays clash with my night shifts');
  await cast(b.page, /No$/);
  await expect(a.page.getByTestId('poll-turnout')).toHaveText('2 of 2 members voted');

  const texts = await closeAndRead(a.page, [a, b, c], question);
  expect(new Set(texts).size).toBe(1);
  for (const device of [a, b, c]) {
    const page = device.page;
    // One yes with weight 3 outweighs one no with weight 1.
    await expect(page.getByTestId('poll-outcome')).toHaveText('Passed');
    await expect(page.getByTestId('poll-bars')).toContainText('Yes: 3');
    await expect(page.getByTestId('poll-bars')).toContainText('No: 1');
    await expect(page.getByTestId('poll-voter-list')).toHaveText(/Ana · weight 3 · voted\s*Ben · weight 1 · voted/);
    await expect(page.getByTestId('poll-voter-list')).not.toContainText('Cy');
  }

  // The outcome is in the meeting's minutes on another device, with the dissenting reason.
  await openSection(b.page, 'meetings', 'Meetings');
  await b.page.getByTestId('meeting-link').filter({ hasText: 'Food bank meeting' }).click();
  const decisions = b.page.getByTestId('decisions');
  await expect(decisions).toContainText(`Poll “${question}”`);
  await expect(decisions).toContainText('Result: Passed. Yes 3, no 1, abstain 0 (weighted).');
  await expect(decisions).toContainText('Voted no: Tuesdays clash with my night shifts');
  if (process.env.POLL_SHOTS) {
    for (const width of [360, 1280]) {
      await b.page.setViewportSize({ width, height: 900 });
      await b.page.screenshot({ path: `/tmp/polls/minutes-${width}.png`, fullPage: true });
      await a.page.setViewportSize({ width, height: 900 });
      await openPoll(a.page, question);
      await a.page.screenshot({ path: `/tmp/polls/weighted-result-${width}.png`, fullPage: true });
      await openSection(a.page, 'polls', 'Polls');
      await a.page.getByTestId('new-poll').click();
      await a.page.getByTestId('poll-scope-group').check();
      await a.page.getByTestId('poll-weights-custom').check();
      await a.page.getByRole('checkbox', { name: 'Ben', exact: true }).check();
      await a.page.screenshot({ path: `/tmp/polls/weighted-form-${width}.png`, fullPage: true });
    }
  }
  for (const device of [a, b, c]) await device.context.close();
});
