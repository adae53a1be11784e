import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { createChapter, newDevice } from './devices';

// This device lives in Lisbon; the event is planned in New York.
test.use({ timezoneId: 'Europe/Lisbon', locale: 'en-US' });

test('projects and events can be edited with validation; events keep their time zone and can be all-day', async ({ browser }) => {
  test.setTimeout(120_000);
  const { page, context } = await newDevice(browser);
  await createChapter(page, { name: 'Porto chapter', founder: 'Rui' });

  // A project, then an edit: an empty title is refused and nothing changes; a good edit is saved.
  await page.getByTestId('section-projects').click();
  await page.getByTestId('new-project').click();
  await page.getByTestId('project-title').fill('Tool library');
  await page.getByTestId('project-submit').click();
  await expect(page.getByTestId('project-title-heading')).toHaveText('Tool library');
  await page.getByTestId('project-edit').click();
  await page.getByTestId('project-title').fill(' ');
  await page.getByTestId('project-save').click();
  await expect(page.getByTestId('project-title-error')).toHaveText('This field is required.');
  await expect(page.getByTestId('project-title-heading')).toHaveText('Tool library');
  await page.getByTestId('project-title').fill('Tool library & repair café');
  await page.getByTestId('project-kind').selectOption('skill-share');
  await page.getByTestId('project-save').click();
  await expect(page.getByTestId('project-title-heading')).toHaveText('Tool library & repair café');
  await expect(page.getByText('Changes saved.')).toBeVisible();

  // An event planned in New York time, shown in Lisbon time with the original noted.
  await page.getByTestId('section-events').click();
  await page.getByTestId('new-event').click();
  await page.getByTestId('event-title').fill('Winter assembly');
  await page.getByTestId('event-start').fill('2031-12-01T18:00');
  await page.getByTestId('event-end').fill('2031-12-01T20:00');
  await expect(page.getByTestId('event-zone')).toHaveValue('Europe/Lisbon');
  await page.getByTestId('event-zone').fill('America/New_York');
  await page.getByTestId('event-submit').click();
  await expect(page.getByTestId('event-title-heading')).toHaveText('Winter assembly');
  await expect(page.getByTestId('event-when')).toHaveText(/^Dec 1, 2031, 11:00\sPM – Dec 2, 2031, 1:00\sAM$/);
  await expect(page.getByTestId('event-zone-note')).toHaveText(/^Planned as Dec 1, 2031, 6:00\sPM – Dec 1, 2031, 8:00\sPM \(America\/New_York\)$/);

  // Editing: an unknown zone is refused and nothing changes.
  await page.getByTestId('event-edit').click();
  await expect(page.getByTestId('event-start')).toHaveValue('2031-12-01T18:00');
  await page.getByTestId('event-zone').fill('Atlantis/Capital');
  await page.getByTestId('event-save').click();
  await expect(page.getByTestId('event-zone-error')).toBeVisible();
  await expect(page.getByTestId('event-start-error')).toHaveCount(0);
  await expect(page.getByTestId('event-zone-note')).toContainText('America/New_York');
  if (process.env.POLL_SHOTS) {
    for (const width of [360, 1280]) {
      await page.setViewportSize({ width, height: 900 });
      await page.screenshot({ path: `/tmp/polls/event-edit-${width}.png`, fullPage: true });
    }
  }

  // Made a two-day, all-day event in Lisbon.
  await page.getByTestId('event-all-day').check();
  await page.getByLabel('First day').fill('2031-12-01');
  await page.getByLabel('Last day').fill('2031-12-02');
  await page.getByTestId('event-zone').fill('Europe/Lisbon');
  await page.getByTestId('event-save').click();
  await expect(page.getByTestId('event-edit-form')).toHaveCount(0);
  await expect(page.getByTestId('event-when')).toHaveText('Dec 1, 2031 – Dec 2, 2031, all day');
  await expect(page.getByTestId('event-zone-note')).toHaveCount(0);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('event-export').click()]);
  const ics = await readFile((await download.path()) ?? '', 'utf8');
  expect(ics).toContain('DTSTART;VALUE=DATE:20311201');
  expect(ics).toContain('DTEND;VALUE=DATE:20311203');
  await context.close();
});
