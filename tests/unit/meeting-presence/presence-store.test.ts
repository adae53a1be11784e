import { describe, expect, it } from 'vitest';
import { applyAwarenessUpdate, Awareness, encodeAwarenessUpdate, removeAwarenessStates } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { createPresence } from '../../../src/app/presence';

/** Two devices: their documents and awarenesses exchange everything at once, as over a room. */
function devices() {
  const docA = new Y.Doc();
  const docB = new Y.Doc();
  docA.on('update', (u: Uint8Array, origin: unknown) => origin !== 'peer' && Y.applyUpdate(docB, u, 'peer'));
  docB.on('update', (u: Uint8Array, origin: unknown) => origin !== 'peer' && Y.applyUpdate(docA, u, 'peer'));
  const a = new Awareness(docA);
  const b = new Awareness(docB);
  const link = (from: Awareness, to: Awareness) =>
    from.on('update', ({ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] }, origin: unknown) => {
      if (origin === 'peer') return;
      applyAwarenessUpdate(to, encodeAwarenessUpdate(from, [...added, ...updated, ...removed]), 'peer');
    });
  link(a, b);
  link(b, a);
  return { docA, docB, a, b };
}

describe('presence in minutes', () => {
  it("shows each note-taker the other's name and caret, moved along by edits before it", async () => {
    const { docA, docB, a, b } = devices();
    docA.getText('notes').insert(0, 'Budget: surplus');
    const ana = createPresence(a, () => 'Ana');
    const ben = createPresence(b, () => 'Ben');
    const anaField = ana.field('item-1', docA.getText('notes'));
    const benField = ben.field('item-1', docB.getText('notes'));

    benField.update(8, 8);
    await expect.poll(() => anaField.carets()).toEqual([expect.objectContaining({ name: 'Ben', anchor: 8, head: 8 })]);
    expect(anaField.carets()[0]?.clientId).toBe(docB.clientID);

    // Ana types before Ben's caret: it stays before "surplus".
    docA.getText('notes').insert(0, '## ');
    await expect.poll(() => anaField.carets()[0]?.head).toBe(11);
    expect(benField.carets()).toEqual([]);

    anaField.update(0, 3);
    await expect.poll(() => benField.carets()).toEqual([expect.objectContaining({ name: 'Ana', anchor: 0, head: 3 })]);

    // Leaving the field hides the caret; another field never shows it.
    const other = ana.field('item-2', docA.getText('other'));
    benField.leave();
    await expect.poll(() => anaField.carets()).toEqual([]);
    expect(other.carets()).toEqual([]);
    ana.dispose();
    ben.dispose();
  });

  it('puts this device back after the transport drops its state (y-webrtc does on every rejoin)', async () => {
    const { docA, docB, a, b } = devices();
    const ben = createPresence(b, () => 'Ben');
    const ana = createPresence(a, () => 'Ana');
    const field = ben.field('item-1', docB.getText('notes'));
    const seen = ana.field('item-1', docA.getText('notes'));
    field.update(0, 0);
    await expect.poll(() => seen.carets().length).toBe(1);
    removeAwarenessStates(b, [b.clientID], 'disconnect');
    await expect.poll(() => b.getLocalState()).toEqual(expect.objectContaining({ name: 'Ben', field: 'item-1' }));
    await expect.poll(() => seen.carets().length).toBe(1);
    ben.dispose();
    await expect.poll(() => seen.carets().length).toBe(0);
    expect(b.getLocalState()).toBeNull();
    ana.dispose();
  });

  it('sends at most a few caret updates while typing fast', async () => {
    const { docB, b } = devices();
    const ben = createPresence(b, () => 'Ben');
    const field = ben.field('item-1', docB.getText('notes'));
    let sent = 0;
    b.on('update', () => sent++);
    for (let i = 0; i < 200; i++) {
      docB.getText('notes').insert(i, 'x');
      field.update(i + 1, i + 1);
    }
    await expect.poll(() => (b.getLocalState() as { head?: unknown } | null)?.head).toBeTruthy();
    expect(sent).toBeLessThanOrEqual(2);
    ben.dispose();
  });
});
