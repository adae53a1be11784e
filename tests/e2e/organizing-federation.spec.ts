import { expect, test } from '@playwright/test';
import { newDevice } from './devices';
import { regionWithChapters } from './region-setup';

test('an event chapter A shares with the federation shows on chapter B’s device, once, without RSVP, and follows a cancel', async ({ browser }) => {
  // Two devices, three documents, two joins over the relay: generous on a loaded 2-core machine.
  test.setTimeout(150_000);
  const rosa = await newDevice(browser);
  const bo = await newDevice(browser);

  // Rosa founds the region and chapter A, Bo founds chapter B; both chapters ask to join and Rosa accepts.
  const { chapterUrls } = await regionWithChapters(rosa, { name: 'South region', founder: 'Rosa' }, [
    { device: rosa, name: 'Alpha chapter', founder: 'Rosa' },
    { device: bo, name: 'Beta chapter', founder: 'Bo' },
  ]);
  const alphaUrl = chapterUrls.get('Alpha chapter') ?? '';

  // Rosa plans an all-day march in chapter A and shares it with the federation.
  await rosa.page.goto(alphaUrl);
  await expect(rosa.page.getByTestId('branch-parent')).toHaveText('Part of South region');
  await rosa.page.getByTestId('section-events').click();
  await rosa.page.getByTestId('new-event').click();
  await rosa.page.getByTestId('event-title').fill('Regional march');
  await rosa.page.getByTestId('event-all-day').check();
  await rosa.page.getByTestId('event-start').fill('2031-06-07');
  await rosa.page.getByTestId('event-end').fill('2031-06-07');
  await rosa.page.getByTestId('event-place').fill('Town square');
  await rosa.page.getByTestId('event-shared').check();
  await rosa.page.getByTestId('event-submit').click();
  await expect(rosa.page.getByTestId('event-shared-note')).toHaveText('Shared with the federation.');

  // Bo, who holds the region but not chapter A, sees it on the home dashboard: dates only, chapter A named.
  await bo.page.getByRole('link', { name: 'Chapters', exact: true }).click();
  const boEvents = bo.page.getByTestId('dashboard-events');
  const march = boEvents.getByRole('link', { name: /Regional march/ });
  await expect(march).toContainText('Jun 7, 2031, all day · Town square · Alpha chapter');
  await expect(bo.page.getByTestId('dashboard-members').getByRole('link', { name: 'Whole directory' })).toBeVisible();
  // "All events" is the federation-wide list: upcoming (the march) and past, across every branch here.
  await boEvents.getByRole('link', { name: 'All events' }).click();
  await expect(bo.page.getByRole('heading', { name: 'Events across the federation' })).toBeVisible();
  await expect(bo.page.getByTestId('federation-events-upcoming')).toContainText('Regional march');
  await expect(bo.page.getByTestId('federation-events-past')).toContainText('No past events yet.');
  await bo.page.getByRole('link', { name: 'Chapters', exact: true }).click();

  // The copy opens read-only in the region: no RSVP here, the source chapter is named.
  await march.click();
  await expect(bo.page.getByTestId('event-title-heading')).toHaveText('Regional march');
  await expect(bo.page.getByTestId('event-shared-by')).toHaveText('Shared by Alpha chapter');
  await expect(bo.page.getByTestId('event-shared-rsvp')).toContainText('ask one of its members for an invite');
  await expect(bo.page.getByTestId('rsvp-going')).toHaveCount(0);
  await bo.page.getByRole('link', { name: '← Back to Events' }).click();
  await expect(bo.page.getByTestId('events-shared-list')).toContainText('Regional march');

  // Rosa holds both the original and the copy: her dashboard lists the march once.
  await rosa.page.getByRole('link', { name: 'Chapters', exact: true }).click();
  await expect(rosa.page.getByTestId('dashboard-events').getByRole('link', { name: /Regional march/ })).toHaveCount(1);

  // Cancelling the original cancels the copy Bo sees.
  await rosa.page.goto(alphaUrl);
  await rosa.page.getByTestId('section-events').click();
  await rosa.page.getByTestId('events-upcoming-list').getByRole('link', { name: /Regional march/ }).click();
  await rosa.page.getByTestId('event-cancel').click();
  await expect(rosa.page.getByTestId('event-cancelled')).toBeVisible();
  await expect(bo.page.getByTestId('events-shared-list')).toContainText('Cancelled · ');
  for (const device of [rosa, bo]) await device.context.close();
});
