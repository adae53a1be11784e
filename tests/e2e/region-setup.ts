import { expect, type Page } from '@playwright/test';
import { createChapter, type Device, inviteLink } from './devices';

/** A branch's document id, from its invite link. */
export const docIdOf = (link: string): string => /#join\/([a-z0-9]+)\//.exec(link)?.[1] ?? '';

export interface Region {
  readonly name: string;
  readonly link: string;
  readonly id: string;
}

export interface RegionChapter {
  readonly device: Device;
  readonly name: string;
  readonly founder: string;
}

/** Founds a regional branch on this device; returns its name, invite link and document id. */
export async function foundRegion(page: Page, name: string, founder: string): Promise<Region> {
  await page.getByTestId('new-chapter').click();
  await page.getByLabel('Name', { exact: true }).fill(name);
  await page.getByLabel('Level').selectOption('regional');
  await page.getByLabel('Your name, as members will see it').fill(founder);
  await page.getByTestId('new-chapter-submit').click();
  await expect(page.getByTestId('branch-level')).toHaveText('Regional branch');
  const link = await inviteLink(page);
  return { name, link, id: docIdOf(link) };
}

/** Opens the region's page and asks, for `chapter` (which this device speaks for), to join it. */
export async function askToJoinRegion(page: Page, region: Region, chapter: string): Promise<void> {
  await page.goto(region.link);
  await expect(page.getByTestId('chapter-name')).toHaveText(region.name);
  await page.getByTestId('federation-child').selectOption({ label: chapter });
  await page.getByTestId('ask-join').click();
  await expect(page.getByText('Request sent.')).toBeVisible();
}

/**
 * The federation setup several specs share: `host` founds a region, each chapter is founded on
 * its device (the host's own chapters too) and asks to join, and the host accepts them in order.
 * Returns the region and each chapter's page address, by name.
 */
export async function regionWithChapters(
  host: Device,
  region: { readonly name: string; readonly founder: string },
  chapters: readonly RegionChapter[],
): Promise<{ readonly region: Region; readonly chapterUrls: ReadonlyMap<string, string> }> {
  const founded = await foundRegion(host.page, region.name, region.founder);
  const chapterUrls = new Map<string, string>();
  for (const chapter of chapters) {
    if (chapter.device === host) await host.page.getByRole('link', { name: 'Chapters', exact: true }).click();
    await createChapter(chapter.device.page, { name: chapter.name, founder: chapter.founder });
    chapterUrls.set(chapter.name, chapter.device.page.url());
  }
  for (const chapter of chapters) await askToJoinRegion(chapter.device.page, founded, chapter.name);
  if ((await host.page.getByTestId('chapter-name').textContent()) !== founded.name) await host.page.goto(`/chapters/${founded.id}`);
  for (const chapter of chapters) {
    await expect(host.page.getByTestId('federation-requests')).toContainText(chapter.name);
    await host.page.getByRole('button', { name: `Accept ${chapter.name}` }).click();
    await expect(host.page.getByTestId('federation-members')).toContainText(chapter.name);
  }
  return { region: founded, chapterUrls };
}
