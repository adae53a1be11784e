import { expect, type Page, test } from '@playwright/test';
import { createChapter, expectPeers, inviteLink, newDevice, typeNotes } from './devices';

test('a chapter created on A opens on B through its invite and syncs live both ways', async ({ browser }) => {
  const a = await newDevice(browser);
  const b = await newDevice(browser);
  await createChapter(a.page, { name: 'Dublin chapter', city: 'Dublin', country: 'Ireland', description: 'Bookfairs and organizing.' });
  await expect(a.page.getByTestId('save-state')).toHaveText('Saved on this device');
  const link = await inviteLink(a.page);
  const url = new URL(link);
  expect(url.pathname).toBe('/join');
  expect(url.search).toBe('');
  expect(url.hash).toMatch(/^#join\//);

  await b.page.goto(link);
  await expect(b.page.getByTestId('chapter-name')).toHaveText('Dublin chapter');
  await expect(b.page.getByTestId('chapter-location')).toHaveText('Dublin, Ireland');
  // The secret does not stay in B's address bar.
  expect(new URL(b.page.url()).hash).toBe('');
  await expectPeers(a.page);
  await expectPeers(b.page);

  await typeNotes(a.page, 'Agenda: bookfair stall rota.');
  await expect(b.page.getByTestId('chapter-notes')).toHaveValue('Agenda: bookfair stall rota.');
  await typeNotes(b.page, ' Bring banners.');
  await expect(a.page.getByTestId('chapter-notes')).toHaveValue('Agenda: bookfair stall rota. Bring banners.');

  // Details edited on B arrive on A, and the start screen follows the rename.
  await b.page.getByTestId('edit-chapter').click();
  await b.page.getByLabel('Name', { exact: true }).fill('Dublin IOPS');
  await b.page.getByTestId('edit-chapter-submit').click();
  await expect(a.page.getByTestId('chapter-name')).toHaveText('Dublin IOPS');
  await a.page.getByRole('link', { name: 'Chapters', exact: true }).click();
  await expect(a.page.getByTestId('chapter-list')).toContainText('Dublin IOPS');
  await a.context.close();
  await b.context.close();
});

test('edits made on two offline devices converge when they meet again, nothing lost', async ({ browser }) => {
  const a = await newDevice(browser);
  const b = await newDevice(browser);
  await createChapter(a.page, { name: 'Basement meeting' });
  await typeNotes(a.page, 'Minutes:');
  await b.page.goto(await inviteLink(a.page));
  await expect(b.page.getByTestId('chapter-notes')).toHaveValue('Minutes:');

  await a.context.setOffline(true);
  await b.context.setOffline(true);
  await expect(a.page.getByTestId('sync-network')).toHaveText('Offline');
  await expect(b.page.getByTestId('sync-network')).toHaveText('Offline');
  await typeNotes(a.page, ' A heard the treasurer.');
  await typeNotes(b.page, ' B noted the vote.');
  await expect(a.page.getByTestId('save-state')).toHaveText('Saved on this device');
  await expect(b.page.getByTestId('save-state')).toHaveText('Saved on this device');
  await expect(b.page.getByTestId('chapter-notes')).toHaveValue('Minutes: B noted the vote.');

  await a.context.setOffline(false);
  await b.context.setOffline(false);
  await expectPeers(a.page);
  const merged = a.page.getByTestId('chapter-notes');
  await expect(merged).toHaveValue(/A heard the treasurer\./);
  // A channel that opened but carries nothing is found and replaced (webrtc-transport.ts).
  await expect(merged).toHaveValue(/B noted the vote\./, { timeout: 30_000 });
  const final = await merged.inputValue();
  await expect(b.page.getByTestId('chapter-notes')).toHaveValue(final);
  expect(final.startsWith('Minutes: ')).toBe(true);
  await a.context.close();
  await b.context.close();
});

/** Re-signs invite fragment parts with a fresh key in the page, as an attacker could. */
async function resign(page: Page, parts: readonly string[]): Promise<string> {
  return page.evaluate(async (fragmentParts) => {
    const [, docId, secret, genesis, title, expiry] = fragmentParts as [string, string, string, string, string, string];
    const b64 = (bytes: ArrayBuffer) => btoa(String.fromCharCode(...new Uint8Array(bytes))).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
    const keys = (await crypto.subtle.generateKey({ name: 'Ed25519' }, true, ['sign', 'verify'])) as CryptoKeyPair;
    const inviterKey = b64(await crypto.subtle.exportKey('raw', keys.publicKey));
    const expiresAt = expiry === '-' ? null : decodeURIComponent(expiry);
    const text = JSON.stringify(['chapterhouse-invite-v1', docId, secret, genesis === '-' ? null : genesis, decodeURIComponent(title), expiresAt, inviterKey]);
    const signature = b64(await crypto.subtle.sign('Ed25519', keys.privateKey, new TextEncoder().encode(text)));
    return [...fragmentParts.slice(0, 6), inviterKey, signature].join('/');
  }, parts);
}

test('a wrong room secret sees nothing', async ({ browser }) => {
  const a = await newDevice(browser);
  const intruder = await newDevice(browser);
  const b = await newDevice(browser);
  await createChapter(a.page, { name: 'Private chapter' });
  const link = await inviteLink(a.page);
  const [base, hash] = link.split('#') as [string, string];
  const parts = hash.split('/');
  const secret = parts[2] ?? '';
  parts[2] = secret.slice(0, -4) + (secret.endsWith('AAAA') ? 'BBBB' : 'AAAA');
  // Simply editing the link breaks its signature: refused, nothing stored.
  await intruder.page.goto(`${base}#${parts.join('/')}`);
  await expect(intruder.page.getByTestId('join-error')).toContainText('altered');
  // An intruder can re-sign an edited link with a key of their own: then the app opens it,
  // but the wrong secret must still see nothing.
  await intruder.page.goto(`${base}#${await resign(intruder.page, parts)}`);
  await expect(intruder.page.getByTestId('chapter-waiting')).toBeVisible();

  await b.page.goto(link);
  await expect(b.page.getByTestId('chapter-name')).toHaveText('Private chapter');
  await typeNotes(a.page, 'members only');
  await expect(b.page.getByTestId('chapter-notes')).toHaveValue('members only');
  await expect(intruder.page.getByTestId('chapter-waiting')).toBeVisible();
  await expect(intruder.page.getByTestId('chapter-name')).toHaveCount(0);
  await expect(intruder.page.getByTestId('sync-network')).not.toHaveText(/peers? connected/);
  for (const device of [a, b, intruder]) await device.context.close();
});

test('a damaged invite link is refused with a clear message and changes nothing', async ({ browser }) => {
  const a = await newDevice(browser);
  await a.page.goto('/join#join/not-a-document/xyz');
  await expect(a.page.getByTestId('join-error')).toHaveText(/invite link names no valid chapter/);
  await a.page.getByRole('link', { name: 'Back to your chapters' }).click();
  await expect(a.page.getByTestId('home-empty')).toBeVisible();
  await a.context.close();
});

test('after the service worker is ready the app and its data open with no network', async ({ browser }) => {
  const a = await newDevice(browser);
  await createChapter(a.page, { name: 'Offline chapter', city: 'Seattle' });
  await typeNotes(a.page, 'Written before going offline.');
  await expect(a.page.getByTestId('save-state')).toHaveText('Saved on this device');
  await a.page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  const chapterUrl = a.page.url();
  await a.context.setOffline(true);
  const response = await a.page.reload();
  expect(response?.fromServiceWorker()).toBe(true);
  await expect(a.page.getByTestId('chapter-name')).toHaveText('Offline chapter');
  await expect(a.page.getByTestId('chapter-notes')).toHaveValue('Written before going offline.');
  await expect(a.page.getByTestId('sync-network')).toHaveText('Offline');
  await a.page.goto('/');
  await expect(a.page.getByTestId('chapter-list')).toContainText('Offline chapter');
  expect(chapterUrl).toContain('/chapters/');
  await a.context.close();
});

test('storage persistence is requested on the first write and shown in settings', async ({ browser }) => {
  const a = await newDevice(browser);
  await createChapter(a.page, { name: 'Storage chapter' });
  await a.page.getByRole('link', { name: 'Settings' }).click();
  await expect(a.page.getByTestId('persist-state')).not.toHaveAttribute('data-state', 'not-asked');
  await expect(a.page.getByTestId('storage-usage')).toContainText('used of');
  await a.context.close();
});
