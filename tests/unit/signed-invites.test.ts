import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Identity } from '../../src/app/identity';
import { createInvites } from '../../src/app/invites';
import { generateDeviceKeyPair } from '../../src/crypto/ed25519';
import { docIdFromBytes, secretFromBytes } from '../../src/domain/ids';
import type { Result } from '../../src/domain/result';
import { err, ok } from '../../src/domain/result';

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
const fragmentOf = (made: Result<string, unknown>) => {
  if (!made.ok) throw new Error(`no link: ${String(made.error)}`);
  return made.value.slice(made.value.indexOf('#'));
};

describe('signed invites', () => {
  it('opens a fresh link and refuses it once expired', async () => {
    const invites = createInvites(await identity());
    const link = fragmentOf(await invites.createLink('https://x.example', invite, 7, { now: NOW }));
    const opened = await invites.openLink(link, '2026-11-25T10:00:00.000Z');
    expect(opened.ok && opened.value.docId).toBe(invite.docId);
    expect(await invites.openLink(link, '2026-12-01T10:00:01.000Z')).toEqual({ ok: false, error: 'expired' });
    const forever = fragmentOf(await invites.createLink('https://x.example', invite, null, { now: NOW }));
    expect((await invites.openLink(forever, '2099-01-01T00:00:00.000Z')).ok).toBe(true);
  });

  it('refuses unsigned links and any altered character', async () => {
    const invites = createInvites(await identity());
    const link = fragmentOf(await invites.createLink('https://x.example', invite, 30, { now: NOW }));
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

  it('carries a signed use limit that cannot be stripped or raised, and refuses limits from non-members', async () => {
    const inviteId = 'A'.repeat(43);
    const recorded: unknown[] = [];
    const invites = createInvites(await identity(), async (...args) => {
      recorded.push(args);
      return ok(inviteId);
    });
    const link = fragmentOf(await invites.createLink('https://x.example', invite, 7, { now: NOW, maxUses: 5 }));
    expect(recorded).toEqual([[invite.docId, null, 5, '2026-12-01T10:00:00.000Z']]);
    expect(link.endsWith(`/${inviteId}.5`)).toBe(true);
    const opened = await invites.openLink(link, '2026-11-25T10:00:00.000Z');
    expect(opened.ok && opened.value.seal?.limit).toEqual({ inviteId, maxUses: 5 });
    const at = '2026-11-25T10:00:00.000Z';
    expect(await invites.openLink(link.slice(0, link.lastIndexOf('/')), at)).toEqual({ ok: false, error: 'tampered' });
    expect(await invites.openLink(link.replace(/\.5$/, '.50'), at)).toEqual({ ok: false, error: 'tampered' });
    expect(await invites.openLink(`${link}/extra`, at)).toEqual({ ok: false, error: 'tampered' });
    expect(await invites.openLink(link.replace(/\.5$/, '.0'), at)).toEqual({ ok: false, error: 'tampered' });

    const outsider = createInvites(await identity(), async () => err('notAMember'));
    expect(await outsider.createLink('https://x.example', invite, 7, { maxUses: 1 })).toEqual({ ok: false, error: 'notAMember' });
    // Without a limit nothing is recorded and anyone holding the chapter can invite.
    expect((await outsider.createLink('https://x.example', invite, 7)).ok).toBe(true);
  });
});
