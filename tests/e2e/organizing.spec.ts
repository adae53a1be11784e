import { readFile } from 'node:fs/promises';
import { expect, type Page, test } from '@playwright/test';
import { createChapter, inviteLink, newDevice } from './devices';

/** Every vector sets window.__pwned or opens a dialog if it ever runs. */
const XSS_VECTORS = [
  '<script>window.__pwned = 1</script>',
  '<ScRiPt>window.__pwned = 2</sCrIpT>',
  '<img src=x onerror="window.__pwned = 3">',
  '<IMG SRC=x OnErRoR=alert(4)>',
  '<svg onload="window.__pwned = 5"></svg>',
  '<iframe src="javascript:window.top.__pwned = 6"></iframe>',
  '<object data="data:text/html,<script>alert(7)</script>"></object>',
  '<form action="javascript:alert(8)"><button>go</button></form>',
  '<div style="background:url(javascript:alert(9));width:expression(alert(9))">styled</div>',
  '<a href="javascript:alert(10)">raw link</a>',
  '<math><mtext><table><mglyph><style><img src=x onerror="window.__pwned = 11">',
  '[md link](javascript:window.__pwned=12)',
  '[md mixed](JaVaScRiPt:window.__pwned=13)',
  '[md data](data:text/html;base64,PHNjcmlwdD5hbGVydCgxNCk8L3NjcmlwdD4=)',
  '<javascript:window.__pwned=15>',
  '![pic](x" onerror="window.__pwned=16)',
  '[entity](&#106;avascript:window.__pwned=17)',
];

async function watchForScripts(page: Page): Promise<string[]> {
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  return dialogs;
}

/** Nothing that can run script survived in the rendered post. */
async function expectInert(page: Page, selector: string): Promise<void> {
  const report = await page.locator(selector).evaluate((root) => {
    const problems: string[] = [];
    for (const el of root.querySelectorAll('*')) {
      const tag = el.tagName.toLowerCase();
      if (['script', 'iframe', 'object', 'embed', 'form', 'input', 'button', 'img', 'svg', 'math', 'style', 'link', 'meta'].includes(tag)) problems.push(`element ${tag}`);
      for (const attr of el.attributes) {
        if (attr.name.startsWith('on') || attr.name === 'style' || attr.name === 'src' || attr.name === 'action') problems.push(`${tag}[${attr.name}]`);
      }
      const href = el.getAttribute('href');
      if (href !== null && !/^(https?:|mailto:|\/|#)/i.test(href)) problems.push(`href ${href}`);
    }
    return problems;
  });
  expect(report).toEqual([]);
}

test('projects, events and news sync between two devices; posts never run script; the dashboard shows it all', async ({ browser }) => {
  const a = await newDevice(browser);
  const b = await newDevice(browser);
  const dialogsA = await watchForScripts(a.page);
  const dialogsB = await watchForScripts(b.page);
  await createChapter(a.page, { name: 'Dublin chapter', city: 'Dublin', country: 'Ireland' });
  await b.page.goto(await inviteLink(a.page));
  await expect(b.page.getByTestId('chapter-name')).toHaveText('Dublin chapter');

  // A project with an offer on A; B claims it; A sees the claim.
  await a.page.getByTestId('section-projects').click();
  await expect(a.page.getByTestId('projects-empty')).toBeVisible();
  await a.page.getByTestId('new-project').click();
  await a.page.getByTestId('project-submit').click();
  await expect(a.page.getByTestId('project-title-error')).toHaveText('This field is required.');
  await a.page.getByTestId('project-title').fill('Tool library');
  await a.page.getByTestId('project-kind').selectOption('tool-share');
  await a.page.getByTestId('project-submit').click();
  await expect(a.page.getByTestId('project-title-heading')).toHaveText('Tool library');
  await a.page.getByTestId('offer-title').fill('Cordless drill');
  await a.page.getByTestId('offer-availability').fill('Weekends');
  await a.page.getByTestId('offer-submit').click();
  await expect(a.page.getByTestId('offer-status')).toHaveText('Open');

  await b.page.getByTestId('section-projects').click();
  await b.page.getByRole('link', { name: /Tool library/ }).click();
  await expect(b.page.getByTestId('offer')).toContainText('Cordless drill');
  await b.page.getByTestId('project-join').click();
  await b.page.getByTestId('offer-claim').click();
  await expect(b.page.getByTestId('offer-status')).toHaveText('Claimed');
  await expect(a.page.getByTestId('offer-status')).toHaveText('Claimed');
  await expect(a.page.getByTestId('offer-claimed-by')).toContainText('Claimed by Member');
  await expect(a.page.getByTestId('project-participants').getByRole('listitem')).toHaveCount(2);

  // A fair rotation over both participants, its seed published on both devices.
  await a.page.getByTestId('rotation-new').click();
  await a.page.getByTestId('rotation-title').fill('Drill keeper');
  await a.page.getByTestId('rotation-agreed').fill('bookfair 2026');
  await a.page.getByTestId('rotation-submit').click();
  await expect(a.page.getByTestId('rotation-seed')).toHaveText(/:bookfair 2026$/);
  await expect(b.page.getByTestId('rotation-seed')).toHaveText((await a.page.getByTestId('rotation-seed').textContent()) ?? 'missing seed');
  await expect(b.page.getByTestId('rotation-slots').getByRole('listitem')).toHaveCount(8);
  await b.page.getByTestId('rotation-calendar').click();
  await expect(b.page.getByTestId('rotation-month')).toBeVisible();

  // An event on A: a bad end is refused with a clear message; B answers; A sees it.
  await a.page.getByTestId('section-events').click();
  await expect(a.page.getByTestId('events-empty')).toBeVisible();
  await a.page.getByTestId('new-event').click();
  await a.page.getByTestId('event-title').fill('Bookfair, stall; talks');
  await a.page.getByTestId('event-start').fill('2031-05-01T10:00');
  await a.page.getByTestId('event-end').fill('2031-05-01T09:00');
  await a.page.getByTestId('event-submit').click();
  await expect(a.page.getByTestId('event-end-error')).toHaveText('The end must be after the start.');
  await a.page.getByTestId('event-end').fill('2031-05-01T16:00');
  await a.page.getByTestId('event-place').fill('Liberty Hall');
  await a.page.getByTestId('event-submit').click();
  await expect(a.page.getByTestId('event-title-heading')).toHaveText('Bookfair, stall; talks');

  await b.page.getByTestId('section-events').click();
  await b.page.getByTestId('events-upcoming-list').getByRole('link', { name: /Bookfair/ }).click();
  await b.page.getByTestId('rsvp-going').click();
  await expect(b.page.getByTestId('rsvp-going')).toHaveAttribute('aria-pressed', 'true');
  await expect(a.page.getByTestId('rsvp-counts')).toHaveText('1 going · 0 maybe · 0 not going');

  // The .ics download: a text/calendar Blob with the title escaped.
  const [download] = await Promise.all([a.page.waitForEvent('download'), a.page.getByTestId('event-export').click()]);
  expect(download.suggestedFilename()).toBe('bookfair-stall-talks.ics');
  const ics = await readFile((await download.path())!, 'utf8');
  expect(ics).toContain('BEGIN:VEVENT');
  expect(ics).toContain('SUMMARY:Bookfair\\, stall\\; talks');
  expect(ics).toContain('LOCATION:Liberty Hall');
  expect(ics).toContain('DTSTART:');

  // A post full of script vectors: shown as text, nothing runs, on either device.
  await a.page.getByTestId('section-news').click();
  await expect(a.page.getByTestId('news-empty')).toBeVisible();
  await a.page.getByTestId('new-post').click();
  await a.page.getByTestId('post-title').fill('Dublin news');
  await a.page.getByTestId('post-body').fill(['Hello **federation**, see [our site](https://example.org).', ...XSS_VECTORS].join('\n\n'));
  await a.page.getByTestId('post-publish').click();
  await expect(a.page.getByTestId('post-title-heading')).toHaveText('Dublin news');
  await expect(a.page.getByTestId('post-body-rendered')).toContainText('Hello federation');
  await expect(a.page.getByTestId('post-body-rendered').locator('strong')).toHaveText('federation');
  await expect(a.page.getByTestId('post-body-rendered').getByRole('link', { name: 'our site' })).toHaveAttribute('href', 'https://example.org');

  await b.page.getByTestId('section-news').click();
  await b.page.getByTestId('post-list').getByRole('link', { name: /Dublin news/ }).click();
  const rendered = b.page.getByTestId('post-body-rendered');
  await expect(rendered).toContainText('<script>window.__pwned = 1</script>');
  await expect(rendered).toContainText('<img src=x onerror="window.__pwned = 3">');
  await expectInert(a.page, '[data-testid="post-body-rendered"]');
  await expectInert(b.page, '[data-testid="post-body-rendered"]');
  // Clicking the neutralised links runs nothing either.
  for (const name of ['md link', 'md mixed', 'raw link']) {
    const link = b.page.getByTestId('post-body-rendered').getByText(name, { exact: true });
    if ((await link.count()) > 0) await link.first().click();
  }
  await b.page.getByTestId('reply-body').fill('See you there');
  await b.page.getByTestId('reply-submit').click();
  await expect(a.page.getByTestId('reply-list')).toContainText('See you there');
  expect(await a.page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
  expect(await b.page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
  expect(dialogsA).toEqual([]);
  expect(dialogsB).toEqual([]);

  // B's home dashboard shows the project, the event, the post and the chapter.
  await b.page.getByRole('link', { name: 'Chapters', exact: true }).click();
  await expect(b.page.getByTestId('dashboard-projects')).toContainText('Tool library');
  await expect(b.page.getByTestId('dashboard-events')).toContainText('Bookfair, stall; talks');
  await expect(b.page.getByTestId('dashboard-news')).toContainText('Dublin news');
  await expect(b.page.getByTestId('dashboard-chapters')).toContainText('Dublin chapter');
  await expect(b.page.getByTestId('dashboard-chapters')).toContainText('Dublin, Ireland');
  // The founder (createChapter's default name) is the chapter's newest member.
  await expect(b.page.getByTestId('dashboard-members')).toContainText('Founder');
  await expect(b.page.getByTestId('dashboard-members')).toContainText('Dublin chapter');
  await expect(b.page.getByTestId('dashboard-blog-empty')).toBeVisible();
  await b.page.getByTestId('dashboard-events').getByRole('link', { name: /Bookfair/ }).click();
  await expect(b.page.getByTestId('event-title-heading')).toHaveText('Bookfair, stall; talks');
  await a.context.close();
  await b.context.close();
});

test('a new device shows every dashboard section empty, and oversized posts are refused', async ({ browser }) => {
  const a = await newDevice(browser);
  for (const section of ['news', 'projects', 'events', 'blog', 'chapters', 'members']) {
    await expect(a.page.getByTestId(`dashboard-${section}-empty`)).toBeVisible();
  }
  await createChapter(a.page, { name: 'Vienna' });
  await a.page.getByTestId('section-news').click();
  await a.page.getByTestId('new-post').click();
  await a.page.getByTestId('post-title').fill('Too long');
  await a.page.getByTestId('post-body').fill('x'.repeat(100 * 1024 + 1));
  await a.page.getByTestId('post-publish').click();
  await expect(a.page.getByTestId('post-body-error')).toContainText('Too large');
  await expect(a.page.getByTestId('post-body')).toHaveValue(/^x+$/);
  await a.context.close();
});
