import { afterEach, describe, expect, it, vi } from 'vitest';
import { inviterStatus } from '../../../src/app/invite-memory';
import { createTrustedValidation } from '../../../src/app/trusted-verifier';
import { clearImportedKeys } from '../../../src/crypto/ed25519';
import type { Catalog } from '../../../src/persistence/catalog';
import { CHAPTER, foundChapter, join, newDevice, validate } from './fixtures';

const memoryCatalog = () => {
  const settings = new Map<string, unknown>();
  return { settings, catalog: { readSetting: async (key: string) => settings.get(key), writeSetting: async (key: string, value: unknown) => void settings.set(key, value) } as unknown as Catalog };
};

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('signature checks remembered across reloads', () => {
  it('after a reload, entries verified before are accepted without WebCrypto; altered ones still fail', async () => {
    const { log, founder } = await foundChapter();
    for (const name of ['Grace', 'Linus', 'Omar']) await join(log, name, founder);
    const { settings, catalog } = memoryCatalog();
    vi.useFakeTimers({ toFake: ['setTimeout'] });
    const first = await createTrustedValidation(catalog)(log.entries, { chapterId: CHAPTER });
    expect(first.members).toHaveLength(4);
    await vi.runAllTimersAsync();
    expect(settings.get('membership-verified')).toHaveLength(log.entries.length);

    clearImportedKeys();
    const verify = vi.spyOn(crypto.subtle, 'verify');
    const copies = JSON.parse(JSON.stringify(log.entries)) as unknown[];
    const altered = { ...(copies[2] as { id: string }), createdAt: '2031-01-01T00:00:00Z' };
    const reloaded = createTrustedValidation(catalog);
    const again = await reloaded(copies, { chapterId: CHAPTER });
    expect(again).toEqual(first);
    expect(verify).not.toHaveBeenCalled();
    const tampered = await reloaded([...copies.slice(0, 2), altered, ...copies.slice(3)], { chapterId: CHAPTER });
    // Same id and signature as a remembered entry, other bytes: the hash check alone refuses it.
    expect(tampered.members).toHaveLength(3);
    expect(tampered.verdicts.find((verdict) => verdict.id === altered.id)).toMatchObject({ status: 'invalid', reason: 'badSignature' });
  });
});

describe('inviter check', () => {
  it('is unknown before sync, member for any device ever bound to a member, else not a member', async () => {
    const { log, founder } = await foundChapter();
    const grace = await join(log, 'Grace', founder);
    await log.add({ type: 'revoke-device', deviceKey: grace.device.publicKey }, grace.device);
    const state = await validate(log.entries);
    const outsider = await newDevice();
    expect(inviterStatus(null, founder.publicKey)).toBe('unknown');
    expect(inviterStatus(state, founder.publicKey)).toBe('member');
    expect(inviterStatus(state, grace.device.publicKey)).toBe('member');
    expect(inviterStatus(state, outsider.publicKey)).toBe('notMember');
  });
});
