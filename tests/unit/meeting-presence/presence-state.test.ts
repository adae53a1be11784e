import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { caretFromJson, caretToJson } from '../../../src/crdt/meeting-presence';
import { othersIn, PRESENCE_COLORS, presenceColor, readPresence } from '../../../src/domain/meeting/presence';

/** Two replicas that exchange every update at once, like two connected devices. */
function pair() {
  const a = new Y.Doc();
  const b = new Y.Doc();
  a.on('update', (u: Uint8Array, origin: unknown) => origin !== 'b' && Y.applyUpdate(b, u, 'a'));
  b.on('update', (u: Uint8Array, origin: unknown) => origin !== 'a' && Y.applyUpdate(a, u, 'b'));
  return { a, b };
}

describe('presence state', () => {
  it('reads a well-formed peer state and keeps the relative positions as they came', () => {
    const state = readPresence({ name: '  Sam ', color: PRESENCE_COLORS[2], field: 'item-1', anchor: { item: { client: 1, clock: 2 }, assoc: 0 }, head: null });
    expect(state).toEqual({ name: 'Sam', color: PRESENCE_COLORS[2], field: 'item-1', anchor: { item: { client: 1, clock: 2 }, assoc: 0 }, head: null });
  });

  it('ignores states without a field and replaces unknown colours and overlong names', () => {
    expect(readPresence(null)).toBeNull();
    expect(readPresence({})).toBeNull();
    expect(readPresence({ name: 'Sam', field: null })).toBeNull();
    expect(readPresence({ name: 'Sam', field: '' })).toBeNull();
    const odd = readPresence({ name: 'x'.repeat(500), color: 'url(javascript:alert(1))', field: 'f' });
    expect(odd?.color).toBe(PRESENCE_COLORS[0]);
    expect(odd?.name).toHaveLength(60);
  });

  it('lists everyone else in a field, never this device, in a stable order', () => {
    const states = new Map<number, unknown>([
      [1, { name: 'Zoe', field: 'f' }],
      [2, { name: 'Ana', field: 'f' }],
      [3, { name: 'Ben', field: 'g' }],
      [4, { name: 'Me', field: 'f' }],
      [5, { name: 'Ana', field: 'f' }],
    ]);
    expect(othersIn(states, 4, 'f').map((e) => [e.clientId, e.state.name])).toEqual([
      [2, 'Ana'],
      [5, 'Ana'],
      [1, 'Zoe'],
    ]);
  });

  it('gives each session a palette colour', () => {
    for (const id of [0, 1, 7, 8, 123456789, -5]) expect(PRESENCE_COLORS).toContain(presenceColor(id));
    expect(presenceColor(3)).toBe(presenceColor(3 + PRESENCE_COLORS.length));
  });
});

describe('caret positions', () => {
  it('round-trips through JSON (what awareness carries)', () => {
    const doc = new Y.Doc();
    const text = doc.getText('t');
    text.insert(0, 'hello world');
    const json = JSON.parse(JSON.stringify(caretToJson(text, 6)));
    expect(caretFromJson(text, json)).toBe(6);
    expect(caretFromJson(text, caretToJson(text, 999))).toBe(11);
  });

  it('stays on the same character while another device edits before it', () => {
    const { a, b } = pair();
    a.getText('t').insert(0, 'Budget: surplus');
    // Ben's caret is before "surplus" (index 8) on his device.
    const caret = JSON.parse(JSON.stringify(caretToJson(b.getText('t'), 8)));
    a.getText('t').insert(0, 'Item 2. ');
    a.getText('t').delete(8, 8); // "Budget: " removed
    expect(a.getText('t').toString()).toBe('Item 2. surplus');
    expect(caretFromJson(a.getText('t'), caret)).toBe(8);
    expect(caretFromJson(b.getText('t'), caret)).toBe(8);
  });

  it('survives concurrent offline edits once they merge', () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    a.getText('t').insert(0, 'abcdef');
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    const caret = caretToJson(b.getText('t'), 4); // before "e"
    a.getText('t').insert(0, 'XX');
    b.getText('t').insert(2, 'YYY');
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    const merged = a.getText('t').toString();
    expect(merged).toBe(b.getText('t').toString());
    expect(caretFromJson(a.getText('t'), caret)).toBe(merged.indexOf('e'));
  });

  it('refuses malformed JSON and positions in another text', () => {
    const doc = new Y.Doc();
    const one = doc.getText('one');
    const two = doc.getText('two');
    one.insert(0, 'abc');
    two.insert(0, 'xyz');
    expect(caretFromJson(two, caretToJson(one, 1))).toBeNull();
    expect(caretFromJson(one, null)).toBeNull();
    expect(caretFromJson(one, 'nope')).toBeNull();
    expect(caretFromJson(one, { item: { client: 'x' } })).toBeNull();
  });
});
