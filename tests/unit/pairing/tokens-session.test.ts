import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { DocId, RoomSecret } from '../../../src/domain/ids';
import { createChannelPair } from '../../../src/sync/pairing/channel';
import { createPairingSession } from '../../../src/sync/pairing/session';
import { documentToken, matchTokens, sessionSalt, tokenKey } from '../../../src/sync/pairing/tokens';

const id = (s: string) => s.padEnd(24, '0') as DocId;
const secret = (s: string) => s.padEnd(32, 'x') as RoomSecret;
const salt = new Uint8Array(32).fill(7);

describe('document tokens', () => {
  it('match only for the same document and secret, and differ per session', async () => {
    const base = tokenKey(await documentToken(id('a'), secret('s'), salt));
    expect(tokenKey(await documentToken(id('a'), secret('s'), salt))).toBe(base);
    expect(tokenKey(await documentToken(id('a'), secret('t'), salt))).not.toBe(base);
    expect(tokenKey(await documentToken(id('b'), secret('s'), salt))).not.toBe(base);
    expect(tokenKey(await documentToken(id('a'), secret('s'), new Uint8Array(32)))).not.toBe(base);
  });

  it('salt is the same whichever side computes it', () => {
    const a = new Uint8Array([1, 2, 3]);
    const b = new Uint8Array([1, 2, 4]);
    expect(sessionSalt(a, b)).toEqual(sessionSalt(b, a));
  });

  it('matchTokens keeps the intersection', () => {
    const local = new Map([
      ['k1', id('one')],
      ['k2', id('two')],
    ]);
    expect(matchTokens(local, new Set(['k2', 'k3']))).toEqual([id('two')]);
  });
});

describe('pairing session', () => {
  it('syncs shared documents only, never naming the others', async () => {
    const [left, right] = createChannelPair();
    const sentByA: Uint8Array[] = [];
    const origSend = left.send.bind(left);
    left.send = (m) => {
      sentByA.push(m);
      origSend(m);
    };
    const shared = { a: new Y.Doc(), b: new Y.Doc() };
    const onlyA = new Y.Doc();
    shared.a.getText('t').insert(0, 'from A');
    shared.b.getText('t').insert(0, 'from B ');
    onlyA.getText('t').insert(0, 'private');
    const docsA = new Map([
      [id('shared'), shared.a],
      [id('secretdoc'), onlyA],
    ]);
    const docsB = new Map([
      [id('shared'), shared.b],
      [id('other'), new Y.Doc()],
    ]);
    const have: string[] = [];
    const a = createPairingSession(left, { open: async (d) => docsA.get(d)!, onPeerHas: (d) => have.push(d) });
    const b = createPairingSession(right, { open: async (d) => docsB.get(d)! });
    a.announce([
      { docId: id('shared'), secret: secret('s') },
      { docId: id('secretdoc'), secret: secret('p') },
    ]);
    b.announce([
      { docId: id('shared'), secret: secret('s') },
      { docId: id('other'), secret: secret('s') },
    ]);
    for (let i = 0; i < 5; i++) await Promise.all([a.idle(), b.idle()]);
    expect(a.matches()).toEqual([id('shared')]);
    expect(b.matches()).toEqual([id('shared')]);
    expect(shared.a.getText('t').toString()).toBe(shared.b.getText('t').toString());
    expect(shared.a.getText('t').toString()).toContain('from A');
    expect(have).toContain(id('shared'));
    // Nothing A sent names its documents or contains the private text.
    const wire = Buffer.concat(sentByA).toString('latin1');
    expect(wire).not.toContain('secretdoc');
    expect(wire).not.toContain('private');
    expect(wire).not.toContain('shared');

    // Live updates keep flowing after the initial sync.
    shared.b.getText('t').insert(0, '!');
    for (let i = 0; i < 3; i++) await Promise.all([a.idle(), b.idle()]);
    expect(shared.a.getText('t').toString().startsWith('!')).toBe(true);
    a.close();
    expect(b.matches()).toEqual([]);
  });
});
