import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { docIdFromBytes, secretFromBytes } from '../../src/domain/ids';
import { inviteFragment, inviteUrl, parseInviteFragment } from '../../src/domain/invite';

const docId = docIdFromBytes(new Uint8Array(24).map((_, i) => i * 7));
const secret = secretFromBytes(new Uint8Array(32).map((_, i) => 255 - i));

describe('invite links', () => {
  it('keeps id and secret in the fragment only', () => {
    const url = new URL(inviteUrl('https://chapters.example', { docId, secret, title: 'Kent bookfair', genesisId: null, seal: null }));
    expect(url.pathname).toBe('/join');
    expect(url.search).toBe('');
    expect(url.hash).toContain(docId);
    expect(url.hash).toContain(secret);
  });

  it('round-trips any title', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (title) => {
        const parsed = parseInviteFragment(inviteFragment({ docId, secret, title, genesisId: null, seal: null }));
        expect(parsed).toEqual({ ok: true, value: { docId, secret, title: title.slice(0, 120), genesisId: null, seal: null } });
      }),
    );
  });

  it('returns typed errors for bad links and never throws', () => {
    expect(parseInviteFragment('')).toEqual({ ok: false, error: 'missing' });
    expect(parseInviteFragment('#other')).toEqual({ ok: false, error: 'malformed' });
    expect(parseInviteFragment('#join/SHORT/x')).toEqual({ ok: false, error: 'badDocId' });
    expect(parseInviteFragment(`#join/${docId}/short`)).toEqual({ ok: false, error: 'badSecret' });
    expect(parseInviteFragment(`#join/${docId}/${secret}/-/%E0%A4%A`)).toEqual({ ok: false, error: 'malformed' });
    expect(parseInviteFragment(`#join/${docId}/${secret}/short/title`)).toEqual({ ok: false, error: 'badGenesis' });
    fc.assert(
      fc.property(fc.string({ maxLength: 3000 }), (junk) => {
        const parsed = parseInviteFragment(`#join/${junk}`);
        expect(typeof parsed.ok).toBe('boolean');
      }),
      { numRuns: 1000 },
    );
  });

  it('generates ids and secrets that pass their own checks', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 24, maxLength: 24 }), fc.uint8Array({ minLength: 32, maxLength: 32 }), (a, b) => {
        const parsed = parseInviteFragment(
          inviteFragment({ docId: docIdFromBytes(a), secret: secretFromBytes(b), title: '', genesisId: secretFromBytes(b), seal: null }),
        );
        expect(parsed.ok).toBe(true);
      }),
    );
  });
});
