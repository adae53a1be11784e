import { describe, expect, it } from 'vitest';
import { generateDeviceKeyPair } from '../../../src/crypto/ed25519';
import { signMinutes, verifyMinutes } from '../../../src/crypto/minutes-signing';
import type { MeetingId, MemberId } from '../../../src/domain/meeting/ids';
import { finalizeMinutes } from '../../../src/domain/meeting/snapshot';
import type { MinutesSnapshot } from '../../../src/domain/meeting/types';

const snapshot: MinutesSnapshot = finalizeMinutes({
  meeting: { id: 'm1' as MeetingId, title: 'GA', startsAt: '2030-05-01T18:00:00Z', place: '', link: '', facilitatorId: null, noteTakerIds: [] },
  status: 'draft',
  attendance: { memberIds: ['ana' as MemberId], guests: ['Zoe'] },
  quorum: { met: true, present: 1, required: 1 },
  items: [],
  actionItems: [],
});

describe('minutes signing', () => {
  it('signs the canonical snapshot and verifies it', async () => {
    const keys = await generateDeviceKeyPair();
    const signed = await signMinutes(snapshot, keys);
    expect(signed.hash).toMatch(/^[0-9a-f]{64}$/);
    const verdict = await verifyMinutes(signed);
    expect(verdict.valid).toBe(true);
  });

  it('reports a tampered snapshot, hash or signer as invalid', async () => {
    const keys = await generateDeviceKeyPair();
    const other = await generateDeviceKeyPair();
    const signed = await signMinutes(snapshot, keys);
    const tampered = signed.snapshot.replace('"GA"', '"GX"');
    expect(await verifyMinutes({ ...signed, snapshot: tampered })).toEqual({ valid: false, reason: 'hashMismatch' });
    // Even with a recomputed hash the signature no longer matches.
    const { sha256Hex, utf8 } = await import('../../../src/crypto/hash');
    expect(await verifyMinutes({ ...signed, snapshot: tampered, hash: sha256Hex(utf8(tampered)) })).toEqual({ valid: false, reason: 'badSignature' });
    expect(await verifyMinutes({ ...signed, signer: other.publicKey })).toEqual({ valid: false, reason: 'badSignature' });
    expect(await verifyMinutes({ ...signed, snapshot: `${signed.snapshot} ` })).toEqual({ valid: false, reason: 'notCanonical' });
    expect((await verifyMinutes({ ...signed, snapshot: 'not json' })).valid).toBe(false);
  });
});
