import { expect, test } from '@playwright/test';
import { chromiumArgs, chromiumPath } from '../helpers/chromium';
import { createChapter, newDevice } from './devices';

const IPHONE_UA =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1';

test('the built app is installable: Chromium reports no installability error, manifest has icons, splash colours and shortcuts', async ({
  playwright,
  baseURL,
}) => {
  // A real profile: Playwright's usual contexts are incognito, where Chromium never offers installing.
  const context = await playwright.chromium.launchPersistentContext('', { executablePath: chromiumPath, args: chromiumArgs, baseURL });
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto('/');
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Your chapters', exact: true })).toBeVisible();
  const cdp = await context.newCDPSession(page);
  await expect.poll(async () => (await cdp.send('Page.getInstallabilityErrors')).installabilityErrors).toEqual([]);
  const { url, errors } = await cdp.send('Page.getAppManifest');
  expect(errors).toEqual([]);
  const manifest = await (await page.request.get(url)).json();
  expect(manifest).toMatchObject({ display: 'standalone', theme_color: '#b3261e', background_color: '#faf8f6', start_url: '/' });
  expect(manifest.icons.some((icon: { purpose?: string }) => icon.purpose === 'maskable')).toBe(true);
  expect(manifest.shortcuts.map((s: { url: string }) => s.url)).toEqual(['/new/meeting', '/new/poll']);
  // Installed means usable offline from then on: the start URL and a shortcut load with no network.
  await context.setOffline(true);
  await page.goto('/new/poll');
  await expect(page.getByTestId('shortcut-empty')).toBeVisible();
  await context.close();
});

test('Settings shows the version and an Install app button that replays the browser install prompt', async ({ browser }) => {
  const { context, page } = await newDevice(browser);
  await page.goto('/settings');
  await expect(page.getByTestId('app-version')).toHaveText(/^Version \d+\.\d+\.\d+/);
  // Headless Chromium may or may not offer installing on its own: hand the page the same event it would.
  await page.evaluate(() => {
    const event = new Event('beforeinstallprompt', { cancelable: true }) as Event & Record<string, unknown>;
    event.prompt = async () => {
      (window as unknown as Record<string, number>).promptCalls = ((window as unknown as Record<string, number>).promptCalls ?? 0) + 1;
    };
    event.userChoice = Promise.resolve({ outcome: 'dismissed' });
    window.dispatchEvent(event);
  });
  const install = page.getByTestId('install-panel').getByRole('button', { name: 'Install app' });
  await install.click();
  expect(await page.evaluate(() => (window as unknown as Record<string, number>).promptCalls)).toBe(1);
  // The event can be replayed once; declining says where to find it again.
  await expect(page.getByTestId('install-panel').getByTestId('install-outcome')).toHaveText('Not installed. You can install later from Settings.');
  await expect(install).toBeHidden();
  await context.close();
});

test('on an iPhone the app explains Add to Home Screen, on the home screen until closed and in Settings', async ({ browser }) => {
  const context = await browser.newContext({ userAgent: IPHONE_UA, viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
  const page = await context.newPage();
  await page.goto('/');
  const hint = page.getByTestId('install-hint');
  await expect(hint).toContainText('Add to Home Screen');
  await hint.getByRole('button', { name: 'Close the install hint' }).click();
  await expect(hint).toBeHidden();
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Your chapters', exact: true })).toBeVisible();
  await expect(hint).toBeHidden();
  await page.goto('/settings');
  await expect(page.getByTestId('install-panel').getByTestId('install-ios')).toContainText('Tap the Share button');
  await context.close();
});

test('home-screen shortcuts open the new meeting / new poll form, asking which chapter when there are several', async ({ browser }) => {
  const { context, page } = await newDevice(browser);
  await page.goto('/new/poll');
  await expect(page.getByTestId('shortcut-empty')).toBeVisible();

  await page.goto('/');
  await createChapter(page, { name: 'Leeds chapter' });
  await page.goto('/new/poll');
  await expect(page.getByTestId('poll-submit')).toBeVisible();
  await expect(page).toHaveURL(/\/chapters\/[a-z0-9]+\/polls\/new$/);
  await page.goto('/new/meeting');
  await expect(page.getByTestId('create-meeting')).toBeVisible();
  await expect(page).toHaveURL(/\/chapters\/[a-z0-9]+\/meetings\/new$/);

  await page.goto('/');
  await createChapter(page, { name: 'York chapter' });
  await page.goto('/new/meeting');
  await expect(page.getByRole('heading', { name: 'New meeting: which chapter?', level: 1 })).toBeVisible();
  const choices = page.getByTestId('shortcut-chapters').getByRole('link');
  await expect(choices).toHaveText(['York chapter', 'Leeds chapter']);
  await choices.filter({ hasText: 'Leeds chapter' }).click();
  await expect(page.getByTestId('create-meeting')).toBeVisible();
  await context.close();
});
