import { readFile } from 'node:fs/promises';
import { expect, type Page, test } from '@playwright/test';
import * as Y from 'yjs';
import { generateDeviceKeyPair, signBytes } from '../../src/crypto/ed25519';
import { signEntry } from '../../src/crypto/entry-signing';
import { sha256Base64url, utf8 } from '../../src/crypto/hash';
import { canonicalEntry } from '../../src/domain/membership/canonical';
import { draftEntry, headsOf } from '../../src/domain/membership/draft';
import type { ChapterId, EntryId, MembershipEntry } from '../../src/domain/membership/types';
import { decodeBundle, encodeBundle } from '../../src/sync/bundle/format';
import { createChapter, inviteLink, joinRequest, memberCard, newDevice } from './devices';

const openMembers = async (page: Page) => {
  // Retried: a banner appearing (e.g. "works offline") can shift the tabs under the click.
  await expect(async () => {
    await page.getByTestId('section-members').click();
    await expect(page.getByRole('heading', { name: 'Members', level: 1 })).toBeVisible({ timeout: 3_000 });
  }).toPass({ timeout: 20_000 });
};

const askToJoin = async (page: Page, link: string, name: string) => {
  await page.goto(link);
  await openMembers(page);
  await page.getByLabel('Your name, as members will see it').fill(name);
  await page.getByTestId('request-join').click();
  await expect(page.getByTestId('join-waiting')).toHaveText(/waiting for a member/);
};

test('a one-use invite admits one person; a link from a non-member is flagged; a convener removes a member', async ({ browser }) => {
  // Four devices syncing over the relay on a shared machine.
  test.setTimeout(150_000);
  const a = await newDevice(browser);
  await createChapter(a.page, { name: 'Leeds chapter', founder: 'Ana' });
  await a.page.getByTestId('invite').click();
  await a.page.getByTestId('invite-uses').selectOption('1');
  await expect(a.page.getByTestId('invite-url')).toHaveValue(/#join\/.*\.1$/);
  const oneUse = await a.page.getByTestId('invite-url').inputValue();
  await a.page.getByRole('button', { name: 'Close' }).click();

  const b = await newDevice(browser);
  await askToJoin(b.page, oneUse, 'Ben');
  // Ben is not admitted yet: a limited link needs a member, an unlimited one is still his to share.
  await b.page.getByTestId('section-overview').click();
  await b.page.getByTestId('invite').click();
  await b.page.getByTestId('invite-uses').selectOption('5');
  await expect(b.page.getByTestId('invite-error')).toContainText('Only admitted members');
  await b.page.getByTestId('invite-uses').selectOption('none');
  await expect(b.page.getByTestId('invite-url')).toHaveValue(/#join\//);
  const fromBen = await b.page.getByTestId('invite-url').inputValue();
  await b.page.getByRole('button', { name: 'Close' }).click();

  const c = await newDevice(browser);
  await c.page.goto(fromBen);
  await expect(c.page.getByTestId('inviter-warning')).toHaveText(/not signed by a member of this chapter/);

  const d = await newDevice(browser);
  await askToJoin(d.page, oneUse, 'Dee');

  await openMembers(a.page);
  await expect(a.page.getByTestId('join-requests')).toContainText('Dee');
  await a.page.getByRole('button', { name: 'Admit Ben' }).click();
  await expect(a.page.getByTestId('member-count')).toHaveText('2 members');
  await expect(memberCard(a.page, 'Ben')).toContainText('invite used 1 of 1');
  await expect(a.page.getByTestId('invite-list')).toContainText('Ana’s invite: used 1 of 1');
  // Dee asked through the same link in time, but it is used up: no admit button, a clear reason.
  const dee = joinRequest(a.page, 'Dee');
  await expect(dee.getByTestId('request-blocked')).toContainText('used up');
  await expect(a.page.getByRole('button', { name: 'Admit Dee' })).toHaveCount(0);
  await expect(d.page.getByTestId('member-count')).toHaveText('2 members');
  // Ben is a member now, so the link he signed is no longer flagged.
  await expect(c.page.getByTestId('inviter-warning')).toBeHidden();

  // Removal is a signed decision with a reason; the member stays listed as removed.
  await a.page.getByRole('button', { name: 'Remove Ben' }).click();
  await a.page.getByTestId('confirm-submit').click();
  await expect(a.page.getByRole('alert')).toContainText('Give a reason');
  await a.page.getByTestId('confirm-reason').fill('Moved away');
  await a.page.getByTestId('confirm-submit').click();
  await expect(a.page.getByTestId('member-count')).toHaveText('1 member');
  await expect(memberCard(a.page, 'Ben')).toContainText('removed');
  await expect(a.page.getByTestId('member-history')).toContainText('Ana removed Ben: “Moved away”');
  for (const device of [a, b, c, d]) await device.context.close();
});

test('a member revokes their lost device from another; the revoked device no longer counts', async ({ browser }) => {
  test.setTimeout(120_000);
  const a = await newDevice(browser);
  await createChapter(a.page, { name: 'York chapter', founder: 'Ana' });
  const link = await inviteLink(a.page);
  const phone = await newDevice(browser);
  await phone.page.goto(link);
  await openMembers(phone.page);
  await expect(phone.page.getByTestId('member-list')).toContainText('Ana');
  const key = await phone.page.getByTestId('device-key').inputValue();
  const code = (await phone.page.getByTestId('key-safety-code').textContent())?.trim() ?? '';
  expect(code).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
  await expect(phone.page.getByTestId('key-qr')).toBeVisible();

  await openMembers(a.page);
  await a.page.getByTestId('link-key').fill(key);
  await a.page.getByTestId('link-device').click();
  await expect(memberCard(phone.page, 'Ana')).toContainText('you');

  const ana = memberCard(a.page, 'Ana');
  await ana.getByText('Devices and safety codes').click();
  await expect(ana.getByTestId('device-list')).toContainText(`Safety code ${code}`);
  await ana.getByRole('button', { name: `Revoke device ${code}` }).click();
  await expect(a.page.getByRole('dialog')).toContainText(`Revoke device ${code}?`);
  await a.page.getByTestId('confirm-submit').click();
  await expect(ana.getByTestId('device-list').locator('li', { hasText: code })).toContainText('revoked');
  await expect(a.page.getByTestId('member-history')).toContainText(`Ana revoked a device (${code})`);
  // On the phone: no longer this member's device, so it is offered to ask to join again.
  await expect(memberCard(phone.page, 'Ana')).not.toContainText('you');
  await expect(phone.page.getByTestId('device-revoked')).toBeVisible();
  await expect(phone.page.getByTestId('request-join')).toHaveCount(0);

  // The profile's home chapter is one of the chapters on this device, kept across reloads.
  await a.page.getByRole('link', { name: 'Settings' }).click();
  await a.page.getByTestId('profile-home').selectOption({ label: 'York chapter' });
  await a.page.getByTestId('profile-save').click();
  await expect(a.page.getByText('Profile saved on this device.')).toBeVisible();
  await a.page.reload();
  await expect(a.page.getByTestId('profile-home').locator('option:checked')).toHaveText('York chapter');
  for (const device of [a, phone]) await device.context.close();
});

test('a forged admission imported from a bundle file is listed as invalid and never counted', async ({ browser }, testInfo) => {
  const a = await newDevice(browser);
  await createChapter(a.page, { name: 'Hull chapter', founder: 'Ana' });
  const chapterUrl = a.page.url();
  await a.page.getByRole('link', { name: 'Sync', exact: true }).click();
  const downloading = a.page.waitForEvent('download');
  await a.page.getByTestId('bundle-export').click();
  const exported = testInfo.outputPath('hull.chbundle');
  await (await downloading).saveAs(exported);

  // Outside the app: a stranger's join request, an admission claiming the founder's key but
  // signed by the stranger, and a role grant signed by the stranger's own (non-member) key.
  const decoded = await decodeBundle(new Uint8Array(await readFile(exported)));
  if (!decoded.ok) throw new Error('export did not decode');
  const [chapter] = decoded.value.documents;
  if (!chapter) throw new Error('no chapter in the bundle');
  const doc = new Y.Doc();
  Y.applyUpdate(doc, chapter.update);
  const log = doc.getArray<MembershipEntry>('membershipLog');
  const found = log.toArray()[0]!;
  const stranger = await generateDeviceKeyPair();
  const context = (parents: readonly MembershipEntry[]) => ({
    chapterId: chapter.docId as ChapterId,
    author: stranger.publicKey,
    parents: headsOf(parents),
    createdAt: new Date().toISOString(),
  });
  const request = await signEntry(draftEntry({ type: 'request', name: 'Mallory', deviceKey: stranger.publicKey }, context([found])), stranger);
  const unsigned = draftEntry({ type: 'admit', requestId: request.id }, { ...context([found, request]), author: found.author });
  const bytes = utf8(canonicalEntry(unsigned));
  const forgedAdmit = { ...unsigned, id: sha256Base64url(bytes) as EntryId, signature: await signBytes(stranger, bytes) } as MembershipEntry;
  const grant = await signEntry(draftEntry({ type: 'grant-role', memberId: request.id as never, role: 'convener' }, context([found, request])), stranger);
  log.push([request, forgedAdmit, grant]);
  const forged = await encodeBundle(
    [{ docId: chapter.docId, kind: chapter.kind, title: chapter.title, ...(chapter.secret ? { secret: chapter.secret } : {}), update: Y.encodeStateAsUpdate(doc) }],
    { appVersion: decoded.value.appVersion },
  );

  await a.page.getByTestId('bundle-file').setInputFiles({ name: 'forged.chbundle', mimeType: 'application/octet-stream', buffer: Buffer.from(forged) });
  await expect(a.page.getByTestId('bundle-plan')).toContainText('updates 1');
  await a.page.getByTestId('bundle-confirm').click();
  await expect(a.page.getByTestId('bundle-imported')).toContainText('1 updated');

  await a.page.goto(chapterUrl);
  await openMembers(a.page);
  const invalid = a.page.getByTestId('invalid-entries');
  await expect(invalid).toContainText('admit: signature does not match (forged or altered)');
  await expect(invalid).toContainText('grant-role: signed by someone who is not a member');
  await expect(a.page.getByTestId('member-count')).toHaveText('1 member');
  // The stranger's request itself is well formed: it waits, and only a real member's admit counts.
  await expect(a.page.getByTestId('join-requests')).toContainText('Mallory');
  await expect(a.page.getByTestId('member-history')).not.toContainText('Mallory');
  await a.context.close();
});
