import { readFile, writeFile } from 'node:fs/promises';
import { expect, type Page, test } from '@playwright/test';
import * as Y from 'yjs';
import { decodeBundle, encodeBundle } from '../../src/sync/bundle/format';
import { createChapter, expectPeers, inviteLink, newDevice, openSection, requestToJoin } from './devices';

const localInput = (offsetMs: number) => {
  const d = new Date(Date.now() + offsetMs);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
};
const DAY = 24 * 60 * 60 * 1000;

async function newMeeting(page: Page, title: string) {
  await openSection(page, 'meetings', 'Meetings');
  await page.getByTestId('new-meeting').click();
  await page.getByLabel('Title').fill(title);
  await page.getByLabel('Date and time').fill(localInput(DAY));
  await page.getByTestId('create-meeting').click();
  await expect(page.getByTestId('meeting-title')).toHaveText(title);
}

async function addItem(page: Page, title: string) {
  await page.getByLabel('Item title').fill(title);
  await page.getByTestId('add-agenda-item').click();
  await expect(page.getByTestId('agenda-item').filter({ hasText: title })).toHaveCount(1);
}

const agendaTitles = (page: Page) => page.getByTestId('agenda-item').locator('h3');

test('live minutes: presence, edits, reordering, action items, poll link, co-signing, signed amendments, tampering', async ({ browser }, testInfo) => {
  test.setTimeout(240_000);
  const a = await newDevice(browser);
  const b = await newDevice(browser);
  for (const device of [a, b]) device.page.on('dialog', (dialog) => void dialog.accept());
  await createChapter(a.page, { name: 'Porto chapter', founder: 'Ana' });
  const link = await inviteLink(a.page);
  await requestToJoin(b, link, 'Ben');
  await openSection(a.page, 'members', 'Members');
  await a.page.getByRole('button', { name: 'Admit Ben' }).click();
  await expect(b.page.getByTestId('member-count')).toHaveText('2 members');

  // A poll of the chapter, to link a decision to.
  await openSection(a.page, 'polls', 'Polls');
  await a.page.getByTestId('new-poll').click();
  await a.page.getByTestId('poll-question').fill('Buy a risograph?');
  await a.page.getByTestId('poll-submit').click();
  await expect(a.page.getByTestId('poll-status')).toHaveText('open');

  // An earlier meeting left an open action item.
  await newMeeting(a.page, 'Planning');
  await a.page.getByLabel('What').last().fill('Print the flyers');
  await a.page.getByTestId('add-action').last().click();
  await expect(a.page.getByTestId('action-items')).toContainText('Print the flyers');

  // Edit details: an empty title is refused and nothing is stored; a past time is fine when editing.
  await newMeeting(a.page, 'Assembly');
  await a.page.getByTestId('edit-meeting').click();
  const edit = a.page.getByRole('form', { name: 'Edit details' });
  await edit.getByLabel('Title').fill('   ');
  await edit.getByTestId('save-meeting').click();
  await expect(edit.getByRole('alert')).toHaveText('This field is required.');
  await expect(a.page.getByTestId('meeting-title')).toHaveText('Assembly');
  await edit.getByLabel('Title').fill('Spring assembly');
  await edit.getByLabel('Date and time').fill(localInput(-3 * DAY));
  await edit.getByLabel('Place').fill('Cooperative bar');
  await edit.getByTestId('save-meeting').click();
  await expect(a.page.getByTestId('meeting-title')).toHaveText('Spring assembly');
  await expect(a.page.getByText('Cooperative bar')).toBeVisible();

  // Agenda: two items, then the open action item from the earlier meeting via the picker.
  await addItem(a.page, 'Budget');
  await addItem(a.page, 'Outreach');
  await a.page.getByTestId('action-picker').locator('summary').click();
  await a.page.getByTestId('action-picker').getByLabel(/Print the flyers/).check();
  await a.page.getByTestId('add-from-actions').click();
  await expect(agendaTitles(a.page)).toHaveText(['Budget', 'Outreach', 'Print the flyers']);
  await expect(a.page.getByTestId('agenda-item').filter({ hasText: 'Print the flyers' })).toContainText('Report-back on an action item');
  await expect(a.page.getByTestId('action-picker')).toContainText('No open action items from earlier meetings.');

  // Reorder by keyboard (Alt+Arrow on the handle keeps focus) and by drag and drop.
  const handle = (title: string) => a.page.getByRole('button', { name: `Drag to reorder "${title}"` });
  await handle('Print the flyers').focus();
  await a.page.keyboard.press('Alt+ArrowUp');
  await expect(agendaTitles(a.page)).toHaveText(['Budget', 'Print the flyers', 'Outreach']);
  await expect(handle('Print the flyers')).toBeFocused();
  await a.page.keyboard.press('Alt+ArrowUp');
  await expect(agendaTitles(a.page)).toHaveText(['Print the flyers', 'Budget', 'Outreach']);
  // Tall enough that both cards are on screen (a person would let the browser scroll while dragging).
  await a.page.setViewportSize({ width: 1280, height: 4000 });
  await handle('Outreach').dragTo(a.page.getByTestId('agenda-item').filter({ hasText: 'Print the flyers' }), { targetPosition: { x: 20, y: 10 } });
  await expect(agendaTitles(a.page)).toHaveText(['Outreach', 'Print the flyers', 'Budget']);

  // Both note-takers in the same item see each other's name.
  await openSection(b.page, 'meetings', 'Meetings');
  await b.page.getByTestId('meeting-link').filter({ hasText: 'Spring assembly' }).click();
  await expect(agendaTitles(b.page)).toHaveText(['Outreach', 'Print the flyers', 'Budget']);
  await expectPeers(a.page);
  const notesA = a.page.getByLabel('Minutes for "Budget"');
  const notesB = b.page.getByLabel('Minutes for "Budget"');
  await notesA.click();
  await notesA.pressSequentially('Ana: costs up. ');
  await notesB.click();
  await b.page.keyboard.press('Control+End');
  await notesB.pressSequentially('Ben: agreed.');
  const budgetA = a.page.getByTestId('agenda-item').filter({ hasText: 'Budget' });
  const budgetB = b.page.getByTestId('agenda-item').filter({ hasText: 'Budget' });
  await expect(budgetA.locator('.collab-present')).toHaveText('Also writing here: Ben');
  await expect(budgetB.locator('.collab-present')).toHaveText('Also writing here: Ana');
  await expect(budgetA.locator('.collab-caret-name')).toHaveText('Ben');
  await expect(a.page.getByTestId('agenda-item').filter({ hasText: 'Outreach' }).locator('.collab-present')).toHaveCount(0);

  // A 5 MB paste is refused with a message; the text already there stays.
  const before = await notesB.inputValue();
  await notesB.evaluate((area) => {
    const data = new DataTransfer();
    data.setData('text/plain', 'x'.repeat(5 * 1024 * 1024));
    area.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  });
  await expect(budgetB.getByTestId('paste-too-large')).toContainText('That paste is too large (5,242,880 characters)');
  await expect(notesB).toHaveValue(before);
  await expect(notesA).toHaveValue(before);

  // A decision linked to the poll shows the poll's state next to it.
  await budgetA.getByTestId('open-decision').click();
  await budgetA.getByLabel('Decision', { exact: true }).fill('Decide the risograph by poll.');
  await budgetA.getByLabel('Method').selectOption('poll');
  await budgetA.getByLabel('Linked poll').selectOption({ label: 'Buy a risograph?' });
  await budgetA.getByTestId('save-decision').click();
  for (const page of [a.page, b.page]) {
    await expect(page.getByTestId('decision-poll')).toHaveText('Poll "Buy a risograph?": still open, 0 ballots so far');
  }

  // Both attend; Ana finalizes, Ben co-signs as approved.
  await a.page.getByTestId('check-in').click();
  await b.page.getByTestId('check-in').click();
  await expect(a.page.getByTestId('quorum')).toContainText('2 present');
  await a.page.getByTestId('finalize').click();
  await expect(b.page.getByTestId('signature')).toHaveAttribute('data-valid', 'true');
  await expect(a.page.getByTestId('approve')).toHaveCount(0);
  await b.page.getByTestId('approve').click();
  for (const page of [a.page, b.page]) await expect(page.getByTestId('approvals')).toHaveText('Approved by Ben');
  await expect(b.page.getByTestId('approve')).toHaveCount(0);

  // A later change is visible at once, then signed by its author as an amendment.
  await notesB.click();
  await b.page.keyboard.press('Control+End');
  await notesB.pressSequentially(' Late note.');
  await expect(a.page.getByTestId('amendments')).toContainText('Changes not signed yet (1)');
  await expect(a.page.getByTestId('amendments')).toContainText('"Budget" notes: changed');
  await b.page.getByTestId('sign-amendment').click();
  for (const page of [a.page, b.page]) {
    await expect(page.getByTestId('signed-amendments')).toContainText('Amendment signed by Ben');
    await expect(page.getByTestId('amendments')).toHaveCount(0);
    await expect(page.getByTestId('signature')).toHaveAttribute('data-valid', 'true');
  }

  // The export names the co-signers and the signed amendment.
  const [md] = await Promise.all([a.page.waitForEvent('download'), a.page.getByTestId('export-markdown').click()]);
  const markdown = await readFile(await md.path(), 'utf8');
  expect(markdown).toContain('Approved by Ben');
  expect(markdown).toContain('Amendment signed by Ben');
  expect(markdown).toContain('Late note.');

  // A final record altered inside the document (here through a crafted bundle file) is caught.
  await a.page.getByRole('link', { name: 'Sync', exact: true }).click();
  const [download] = await Promise.all([a.page.waitForEvent('download'), a.page.getByTestId('bundle-export').click()]);
  const decoded = await decodeBundle(new Uint8Array(await readFile(await download.path())));
  if (!decoded.ok) throw new Error('could not read the exported bundle');
  const entry = decoded.value.documents[0];
  if (!entry) throw new Error('empty bundle');
  const doc = new Y.Doc();
  Y.applyUpdate(doc, entry.update);
  for (const [, meeting] of doc.getMap<Y.Map<unknown>>('meetings')) {
    const final = meeting.get('final') as { snapshot: string } | undefined;
    if (final) meeting.set('final', { ...final, snapshot: final.snapshot.replace('Spring assembly', 'Spring assemb1y') });
  }
  const crafted = await encodeBundle([{ docId: entry.docId, kind: entry.kind, title: entry.title, update: Y.encodeStateAsUpdate(doc) }], {
    appVersion: decoded.value.appVersion,
    includeSecrets: false,
  });
  const path = testInfo.outputPath('tampered.chbundle');
  await writeFile(path, crafted);
  await a.page.getByTestId('bundle-file').setInputFiles(path);
  await expect(a.page.getByTestId('bundle-plan')).toContainText('updates 1');
  await a.page.getByTestId('bundle-confirm').click();
  await expect(a.page.getByTestId('bundle-imported')).toContainText('1 updated');
  await a.page.goBack();
  for (const page of [a.page, b.page]) {
    await expect(page.getByTestId('signature')).toHaveAttribute('data-valid', 'false');
    await expect(page.getByTestId('signature')).toHaveText(/Signature does not match/);
  }

  for (const device of [a, b]) await device.context.close();
});
