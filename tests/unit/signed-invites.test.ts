import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Identity } from '../../src/app/identity';
import { createInvites } from '../../src/app/invites';
import { generateDeviceKeyPair } from '../../src/crypto/ed25519';
import { docIdFromBytes, secretFromBytes } from '../../src/domain/ids';

const identity = async (): Promise<Identity> => {
  const device = await generateDeviceKeyPair();
  return { device, deviceKey: device.publicKey } as unknown as Identity;
};

const invite = {
  docId: docIdFromBytes(new Uint8Array(24).fill(7)),
  secret: secretFromBytes(new Uint8Array(32).fill(9)),
  title: 'Vienna chapter',
  genesisId: null,
};
const NOW = Date.parse('2026-11-24T10:00:00Z');
const fragmentOf = (url: string) => url.slice(url.indexOf('#'));

describe('signed invites', () => {
  it('opens a fresh link and refuses it once expired', async () => {
    const invites = createInvites(await identity());
    const link = fragmentOf(await invites.createLink('https://x.example', invite, 7, NOW));
    const opened = await invites.openLink(link, '2026-11-25T10:00:00.000Z');
    expect(opened.ok && opened.value.docId).toBe(invite.docId);
    expect(await invites.openLink(link, '2026-12-01T10:00:01.000Z')).toEqual({ ok: false, error: 'expired' });
    const forever = fragmentOf(await invites.createLink('https://x.example', invite, null, NOW));
    expect((await invites.openLink(forever, '2099-01-01T00:00:00.000Z')).ok).toBe(true);
  });

  it('refuses unsigned links and any altered character', async () => {
    const invites = createInvites(await identity());
    const link = fragmentOf(await invites.createLink('https://x.example', invite, 30, NOW));
    const unsigned = link.split('/').slice(0, 5).join('/');
    expect(await invites.openLink(unsigned, '2026-11-24T11:00:00.000Z')).toEqual({ ok: false, error: 'tampered' });
    await fc.assert(
      fc.asyncProperty(fc.nat(), fc.constantFrom('A', 'b', '7', '-', '_'), async (at, replacement) => {
        const index = '#join/'.length + (at % (link.length - '#join/'.length));
        if (link[index] === replacement || link[index] === '/') return;
        const altered = link.slice(0, index) + replacement + link.slice(index + 1);
        const opened = await invites.openLink(altered, '2026-11-24T11:00:00.000Z');
        expect(opened.ok).toBe(false);
      }),
      { numRuns: 150 },
    );
  });
});
