import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createMeeting } from '../../../src/crdt/meeting-repository';
import { readAmendments, readApprovals, writeAmendment, writeApproval } from '../../../src/crdt/meeting-signatures';
import { generateDeviceKeyPair } from '../../../src/crypto/ed25519';
import { signApproval, signMinutes, verifyApproval, verifyMinutes } from '../../../src/crypto/minutes-signing';
import type { MeetingId, MemberId } from '../../../src/domain/meeting/ids';
import { finalizeMinutes } from '../../../src/domain/meeting/snapshot';
import { amendmentsBetween } from '../../../src/domain/meeting/snapshot-diff';
import type { MinutesSnapshot } from '../../../src/domain/meeting/types';

const snapshot: MinutesSnapshot = finalizeMinutes({
  meeting: { id: 'm1' as MeetingId, title: 'GA', startsAt: '2030-05-01T18:00:00Z', place: '', link: '', facilitatorId: null, noteTakerIds: [] },
  status: 'draft',
  attendance: { memberIds: ['ana' as MemberId, 'ben' as MemberId], guests: [] },
  quorum: { met: true, present: 2, required: 1 },
  items: [],
  actionItems: [],
});

describe('co-signing final minutes', () => {
  it('an approval covers the same bytes the secretary signed', async () => {
    const secretary = await generateDeviceKeyPair();
    const attendee = await generateDeviceKeyPair();
    const final = await signMinutes(snapshot, secretary);
    const approval = await signApproval(final, attendee);
    expect(approval.hash).toBe(final.hash);
    expect(await verifyApproval(final, approval)).toBe(true);
  });

  it('an approval does not carry over to other minutes, another hash or another signer', async () => {
    const secretary = await generateDeviceKeyPair();
    const attendee = await generateDeviceKeyPair();
    const final = await signMinutes(snapshot, secretary);
    const approval = await signApproval(final, attendee);
    const other = await signMinutes({ ...snapshot, meeting: { ...snapshot.meeting, title: 'GX' } }, secretary);
    expect(await verifyApproval(other, { ...approval, hash: other.hash })).toBe(false);
    expect(await verifyApproval(final, { ...approval, hash: other.hash })).toBe(false);
    expect(await verifyApproval(final, { ...approval, signer: secretary.publicKey })).toBe(false);
  });

  it('approvals and amendments written on two devices at once both survive the merge', async () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    createMeeting(a, 'm1', snapshot.meeting, 'dev-a', '2030-05-01T17:00:00Z');
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    const [k1, k2] = await Promise.all([generateDeviceKeyPair(), generateDeviceKeyPair()]);
    const final = await signMinutes(snapshot, k1);
    writeApproval(a, 'm1', { ...(await signApproval(final, k1)), signerMemberId: 'ana', at: '2030-05-02T10:00:00Z' });
    writeApproval(b, 'm1', { ...(await signApproval(final, k2)), signerMemberId: 'ben', at: '2030-05-02T10:00:01Z' });
    const amended = { ...snapshot, meeting: { ...snapshot.meeting, place: 'Union hall' } };
    const signedA = await signMinutes(amended, k1);
    writeAmendment(a, 'm1', { id: 'x1', ...signedA, signerMemberId: 'ana', baseHash: final.hash, at: '2030-05-03T10:00:00Z' });
    writeAmendment(b, 'm1', { id: 'x2', ...(await signMinutes(amended, k2)), signerMemberId: 'ben', baseHash: final.hash, at: '2030-05-03T09:00:00Z' });
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    for (const doc of [a, b]) {
      expect(readApprovals(doc, 'm1').map((r) => r.signerMemberId)).toEqual(['ana', 'ben']);
      expect(readAmendments(doc, 'm1').map((r) => r.id)).toEqual(['x2', 'x1']);
    }
    const stored = readAmendments(a, 'm1').find((r) => r.id === 'x1');
    const verdict = await verifyMinutes(stored as NonNullable<typeof stored>);
    expect(verdict.valid).toBe(true);
    if (verdict.valid) {
      const changes = amendmentsBetween(snapshot, verdict.snapshot, '2030-05-03T10:00:00Z', 'ana' as MemberId);
      expect(changes).toEqual([expect.objectContaining({ entity: 'meeting', field: 'place', before: '', after: 'Union hall' })]);
    }
  });

  it('ignores malformed records in the document', () => {
    const doc = new Y.Doc();
    createMeeting(doc, 'm1', snapshot.meeting, 'dev-a', '2030-05-01T17:00:00Z');
    const map = doc.getMap<Y.Map<unknown>>('meetings').get('m1') as Y.Map<unknown>;
    map.set('approve:x', { hash: 1 });
    map.set('amend:y', 'nope');
    expect(readApprovals(doc, 'm1')).toEqual([]);
    expect(readAmendments(doc, 'm1')).toEqual([]);
    expect(readApprovals(doc, 'missing')).toEqual([]);
  });
});
