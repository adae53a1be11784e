import type { Browser, BrowserContext, Locator, Page } from '@playwright/test';
import { expect } from '@playwright/test';

/** One "device": its own browser context, so storage and BroadcastChannel are not shared. */
export interface Device {
  readonly context: BrowserContext;
  readonly page: Page;
}

export async function newDevice(browser: Browser): Promise<Device> {
  const context = await browser.newContext();
  const page = await context.newPage();
  page.on('pageerror', (error) => console.error(`[page error] ${error.message}`));
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Your chapters', exact: true })).toBeVisible();
  return { context, page };
}

export interface NewChapter {
  readonly name: string;
  /** The founder's display name (signed into the founding entry); defaults to "Founder". */
  readonly founder?: string;
  readonly city?: string;
  readonly country?: string;
  readonly description?: string;
}

export async function createChapter(page: Page, chapter: NewChapter): Promise<void> {
  await page.getByTestId('new-chapter').click();
  await page.getByLabel('Name', { exact: true }).fill(chapter.name);
  if (chapter.city) await page.getByLabel('City').fill(chapter.city);
  if (chapter.country) await page.getByLabel('Country').fill(chapter.country);
  if (chapter.description) await page.getByLabel('Description').fill(chapter.description);
  const founder = page.getByLabel('Your name, as members will see it');
  if ((await founder.inputValue()) === '' || chapter.founder) await founder.fill(chapter.founder ?? 'Founder');
  await page.getByTestId('new-chapter-submit').click();
  await expect(page.getByTestId('chapter-name')).toHaveText(chapter.name);
}

export async function inviteLink(page: Page): Promise<string> {
  await page.getByTestId('invite').click();
  // The link is signed asynchronously; wait until it is there.
  await expect(page.getByTestId('invite-url')).toHaveValue(/#join\//);
  const url = await page.getByTestId('invite-url').inputValue();
  await expect(page.getByTestId('invite-qr')).toBeVisible();
  await page.getByRole('button', { name: 'Close' }).click();
  return url;
}

/** Types at the end of the shared notes, as a person would. */
export async function typeNotes(page: Page, text: string): Promise<void> {
  const notes = page.getByTestId('chapter-notes');
  await notes.click();
  await notes.press('End');
  await page.keyboard.press('Control+End');
  await notes.pressSequentially(text);
}

export async function expectPeers(page: Page): Promise<void> {
  // Reconnecting after a network change can take a rejoin of the room (see webrtc-transport.ts).
  await expect(page.getByTestId('sync-network')).toHaveText(/peers? connected/, { timeout: 30_000 });
}

/** Opens a chapter tab and waits for its heading. */
export async function openSection(page: Page, id: string, heading: string): Promise<void> {
  await page.getByTestId(`section-${id}`).click();
  await expect(page.getByRole('heading', { name: heading, level: 1 })).toBeVisible();
}

/** Opens an invite on `device` and asks to join under `name`; a member still has to admit it. */
export async function requestToJoin(device: Device, link: string, name: string): Promise<void> {
  await device.page.goto(link);
  await openSection(device.page, 'members', 'Members');
  await device.page.getByLabel('Your name, as members will see it').fill(name);
  await device.page.getByTestId('request-join').click();
  await expect(device.page.getByTestId('join-waiting')).toBeVisible();
}

/** Ana founds `chapter`; Ben and Cy ask to join and are admitted; all three are online together. */
export async function threeMembers(browser: Browser, chapter: string): Promise<[Device, Device, Device]> {
  const a = await newDevice(browser);
  const b = await newDevice(browser);
  const c = await newDevice(browser);
  await createChapter(a.page, { name: chapter, founder: 'Ana' });
  const link = await inviteLink(a.page);
  await requestToJoin(b, link, 'Ben');
  await requestToJoin(c, link, 'Cy');
  await openSection(a.page, 'members', 'Members');
  await a.page.getByRole('button', { name: 'Admit Ben' }).click();
  await a.page.getByRole('button', { name: 'Admit Cy' }).click();
  for (const device of [a, b, c]) await expect(device.page.getByTestId('member-count')).toHaveText('3 members');
  for (const device of [a, b, c]) await expectPeers(device.page);
  return [a, b, c];
}

/**
 * A member's card in the member list, by the exact name: matching the card's text instead also
 * matches a card, or a nested device row, whose random safety code holds the name's letters.
 */
export function memberCard(page: Page, name: string): Locator {
  return page.getByTestId('member-list').locator('li.member').filter({ has: page.locator('.member-name > strong').getByText(name, { exact: true }) });
}

/** A pending join request, by the requester's exact name (see memberCard). */
export function joinRequest(page: Page, name: string): Locator {
  return page.getByTestId('join-requests').locator('li.request').filter({ has: page.locator(':scope > strong').getByText(name, { exact: true }) });
}
