import { expect, test } from '@playwright/test';

// The start path: index.html paints a styled frame with no script and no stylesheet request (its
// CSS is inline, allowed by hash in a CSP without 'unsafe-inline'), then src/boot.ts starts the app.
// How fast that is belongs to npm run bench and npm run lighthouse; this checks that it holds.

test('the frame paints styled with no script at all, under a CSP that allows only its own inline style', async ({ browser, baseURL }) => {
  // No service worker and no scripts: what a phone shows while the app's code is still on its way.
  const context = await browser.newContext({ serviceWorkers: 'block', javaScriptEnabled: false });
  const page = await context.newPage();
  const response = await page.goto(baseURL ?? '/');
  const csp = (await response?.headerValue('content-security-policy')) ?? '';
  expect(csp).toMatch(/style-src 'self' 'sha256-[A-Za-z0-9+/]+=*'(;|$)/);
  expect(csp).not.toContain('unsafe-inline');
  // Styled by the inline CSS: the splash mark at its CSS size (not its 192 px attribute), the header a bar.
  const splash = page.locator('.shell-splash');
  await expect(splash).toBeVisible();
  expect(await splash.evaluate((img) => img.getBoundingClientRect().width)).toBe(160);
  expect(await page.locator('.shell-header').evaluate((header) => getComputedStyle(header).position)).toBe('sticky');
  // Nothing render-blocking: no stylesheet link at all in the page as served.
  expect(await page.locator('link[rel="stylesheet"]').count()).toBe(0);
  await context.close();
});

test('the app replaces the frame, and no screen breaks the Content-Security-Policy', async ({ page }) => {
  const violations: string[] = [];
  await page.exposeFunction('reportViolation', (text: string) => violations.push(text));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      (window as unknown as { reportViolation: (text: string) => void }).reportViolation(`${event.violatedDirective} ${event.blockedURI}`);
    });
  });
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.locator('.shell-splash')).toHaveCount(0);
  for (const path of ['/chapters/new', '/sync', '/settings', '/']) {
    await page.getByRole('navigation', { name: 'Main' }).locator(`a[href="${path}"]`).click();
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  }
  // The dashboard's lazily loaded cards and their stylesheets have arrived by now.
  await expect(page.getByTestId('dashboard')).toBeVisible();
  expect(violations).toEqual([]);
});
