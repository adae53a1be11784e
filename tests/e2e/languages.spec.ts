import { expect, test } from '@playwright/test';
import { newDevice } from './devices';

// Member-written content: it must read the same in every interface language.
const CHAPTER = 'Ensalut IOPS Dublin';

test('opens in the browser language, switches to Esperanto in Settings, keeps what members wrote', async ({ browser }) => {
  const context = await browser.newContext({ locale: 'es-ES' });
  const page = await context.newPage();
  page.on('pageerror', (error) => console.error(`[page error] ${error.message}`));
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Tus capítulos', exact: true })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'es');
  await expect(page.locator('html')).toHaveAttribute('dir', 'ltr');

  await page.getByTestId('new-chapter').click();
  await page.getByLabel('Nombre', { exact: true }).fill(CHAPTER);
  await page.getByLabel('Tu nombre, tal como lo verán los miembros').fill('Ana');
  await page.getByTestId('new-chapter-submit').click();
  await expect(page.getByTestId('chapter-name')).toHaveText(CHAPTER);
  await expect(page.getByTestId('section-meetings')).toHaveText('Reuniones');
  await expect(page.getByTestId('save-state')).toHaveText('Guardado en este dispositivo');

  // Typing in progress survives the switch: the page re-renders in place, no reload.
  await page.getByRole('link', { name: 'Ajustes', exact: true }).click();
  await page.getByLabel('Unas palabras sobre ti').fill('Mi skribas ankoraŭ…');
  await page.getByTestId('language-picker').selectOption('eo');
  await expect(page.getByRole('heading', { name: 'Agordoj kaj informoj', exact: true })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'eo');
  await expect(page.getByLabel('Kelkaj vortoj pri vi')).toHaveValue('Mi skribas ankoraŭ…');
  await expect(page.getByTestId('language-picker')).toHaveValue('eo');

  await page.getByRole('link', { name: 'Filioj', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Viaj filioj', exact: true })).toBeVisible();
  await expect(page.getByTestId('chapter-list')).toContainText(CHAPTER);
  await page.getByTestId('chapter-list').getByRole('link', { name: CHAPTER }).click();
  await expect(page.getByTestId('chapter-name')).toHaveText(CHAPTER);
  await expect(page.getByTestId('section-meetings')).toHaveText('Kunvenoj');
  await expect(page.getByTestId('section-polls')).toHaveText('Voĉdonoj');
  await expect(page.getByTestId('save-state')).toHaveText('Konservita en ĉi tiu aparato');
  await expect(page.getByTestId('sync-network')).toHaveText(/^(Konektite|Serĉante aliajn aparatojn…|Senkonekte|\d+ aparatoj? konektitaj?)$/);

  // A feature loaded after the switch comes with its Esperanto strings; plurals follow Esperanto rules.
  await page.getByTestId('section-members').click();
  await expect(page.getByTestId('member-count')).toHaveText('1 membro');
  await page.getByTestId('section-meetings').click();
  await expect(page.getByRole('heading', { name: 'Kunvenoj', exact: true })).toBeVisible();

  // The choice is kept on the device and applied before the first render.
  await page.reload();
  await expect(page.getByTestId('section-meetings')).toHaveText('Kunvenoj');
  await expect(page.getByRole('heading', { name: 'Kunvenoj', exact: true })).toBeVisible();
  await page.getByTestId('section-overview').click();
  await expect(page.getByTestId('section-overview')).toHaveText('Superrigardo');
  await expect(page.getByTestId('chapter-name')).toHaveText(CHAPTER);
  await context.close();
});

test('a right-to-left language mirrors the layout and switching back restores it', async ({ browser }) => {
  const device = await newDevice(browser);
  const { page } = device;
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await page.getByRole('link', { name: 'Settings', exact: true }).click();
  await page.getByTestId('language-picker').selectOption('en-XB');
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en-XB');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('\u202eSettings\u202c \u202eand\u202c \u202eabout\u202c');
  // The header's brand sits on the right in RTL.
  const brand = await page.locator('.shell-brand').boundingBox();
  const viewport = page.viewportSize();
  expect(brand && viewport && brand.x > viewport.width / 2).toBe(true);

  await page.getByTestId('language-picker').selectOption('en');
  await expect(page.locator('html')).toHaveAttribute('dir', 'ltr');
  await expect(page.getByRole('heading', { name: 'Settings and about', exact: true })).toBeVisible();
  await device.context.close();
});
