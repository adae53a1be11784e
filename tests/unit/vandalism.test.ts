import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { kindOfKey, missingKeys, NO_VANDALISM, watchSignedRecords } from '../../src/app/vandalism-watch';
import { createMeeting, meetingsMap, readMeeting } from '../../src/crdt/meeting-repository';
import { readFinal, writeFinal } from '../../src/crdt/meeting-records';
import { appendMembershipEntry, readMembershipLog } from '../../src/crdt/membership-repository';
import { appendBallot, createPoll, readPolls } from '../../src/crdt/poll-repository';
import { collectSignedRecords } from '../../src/crdt/signed-records';
import type { DocId } from '../../src/domain/ids';
import type { MembershipEntry } from '../../src/domain/membership/types';
import type { SignedBallot, SignedPoll } from '../../src/domain/polls/types';
import { openSignedHistory } from '../../src/persistence/signed-history';

// Shapes as stored; the signatures are opaque to the watch (the stores verify them elsewhere).
const entry = (n: number) => ({ id: `entry-${n}`, kind: 'admit', parents: [], counter: n, createdAt: '2026-01-01T00:00:00Z', signature: `sig-entry-${n}` }) as unknown as MembershipEntry;
const poll = { id: 'poll-1', title: 'Rent strike?', signature: 'sig-poll-1' } as unknown as SignedPoll;
const ballot = (n: number, choice = 'yes') => ({ id: `ballot-${n}`, pollId: 'poll-1', choice: { vote: choice }, signature: `sig-ballot-${n}` }) as unknown as SignedBallot;
const final = { snapshot: '{"minutes":"Agreed."}', hash: 'h', signature: 'sig-final', signer: 'key', signerMemberId: 'm1', at: '2026-01-02T00:00:00Z' };

/** The honest device's chapter: three members, a poll with two ballots, a meeting with final minutes. */
function honestChapter(): Y.Doc {
  const doc = new Y.Doc();
  for (const n of [1, 2, 3]) appendMembershipEntry(doc, entry(n));
  createPoll(doc, poll);
  appendBallot(doc, ballot(1));
  appendBallot(doc, ballot(2));
  createMeeting(doc, 'meeting-1', { title: 'AGM', startsAt: '2026-01-02T18:00:00Z', place: 'Hall', link: '', facilitatorId: null, noteTakerIds: [] }, 'm1', '2026-01-01T00:00:00Z');
  writeFinal(doc, 'meeting-1', final);
  return doc;
}

const sync = (from: Y.Doc, to: Y.Doc) => Y.applyUpdate(to, Y.encodeStateAsUpdate(from, Y.encodeStateVector(to)));
let databases = 0;
const history = () => openSignedHistory(`signed-history-test-${++databases}-${Date.now()}`);
const docId = 'vandalismtest0001' as DocId;

/** The malicious peer holds the room secret: every operation below is a valid CRDT edit. */
function vandalize(peer: Y.Doc) {
  peer.transact(() => {
    const log = peer.getArray('membershipLog');
    log.delete(0, log.length);
    meetingsMap(peer).delete('meeting-1');
    const ballots = (peer.getMap('polls').get('poll-1') as Y.Map<unknown>).get('ballots') as Y.Array<unknown>;
    // One ballot deleted, the other overwritten with a changed vote under the same signature.
    ballots.delete(0, 2);
    ballots.push([ballot(2, 'no')]);
  });
}

describe('signed records vandalized by a peer', () => {
  it('are detected, counted by kind, and restored from the device history', async () => {
    const mine = honestChapter();
    const peer = new Y.Doc();
    sync(mine, peer);
    const watch = await watchSignedRecords({ docId, doc: mine, loaded: Promise.resolve(), history: history() });
    expect(watch.report()).toBe(NO_VANDALISM);

    const reports: number[] = [];
    watch.onReport((report) => reports.push(report.removed.length + report.altered.length));
    const detected = new Promise<void>((resolve) => {
      const off = watch.onReport(() => {
        off();
        resolve();
      });
    });
    vandalize(peer);
    sync(peer, mine);
    await detected;
    expect(watch.report().removed.map(kindOfKey).sort()).toEqual(['ballot', 'member', 'member', 'member', 'minutes']);
    // The overwrite under the same signature is confirmed against the kept copy a moment later.
    await expect.poll(() => watch.report().altered).toEqual(['ballot:poll-1:sig-ballot-2']);
    expect(readMembershipLog(mine)).toEqual([]);
    expect(reports.at(-1)).toBe(6);

    expect(await watch.restore()).toBe(6);
    expect(watch.report()).toBe(NO_VANDALISM);
    expect(readMembershipLog(mine)).toEqual([entry(1), entry(2), entry(3)]);
    expect(readPolls(mine).get('poll-1')?.ballots).toEqual(expect.arrayContaining([ballot(1), ballot(2)]));
    expect(readPolls(mine).get('poll-1')?.ballots).toHaveLength(2);
    expect(readFinal(mine, 'meeting-1')).toEqual(final);
    expect(readMeeting(mine, 'meeting-1')).toMatchObject({ title: 'AGM', place: 'Hall' });

    // The restore is an ordinary edit: it reaches the vandal's copy too.
    sync(mine, peer);
    const honest = collectSignedRecords(honestChapter()).map((r) => JSON.stringify([r.key, r.value]));
    expect(collectSignedRecords(peer).map((r) => JSON.stringify([r.key, r.value])).sort()).toEqual(honest.sort());
    // Settled: the restore's own replacement of the altered copy is not reported as vandalism.
    await Promise.resolve();
    await expect.poll(() => watch.report()).toBe(NO_VANDALISM);
    watch.destroy();
  });

  it('still knows what was there after the app restarts on a vandalized copy', async () => {
    const store = history();
    const mine = honestChapter();
    const first = await watchSignedRecords({ docId, doc: mine, loaded: Promise.resolve(), history: store });
    await expect.poll(async () => (await store.keys(docId)).length).toBe(7);
    first.destroy();

    // Vandalized while the app was closed: the next start only ever sees the damaged document.
    const peer = new Y.Doc();
    sync(mine, peer);
    vandalize(peer);
    const reopened = new Y.Doc();
    sync(peer, reopened);
    const second = await watchSignedRecords({ docId, doc: reopened, loaded: Promise.resolve(), history: store });
    // Removals are found from the kept keys alone; the overwrite, which no change event announced,
    // by comparing every remembered record with the copy first seen.
    expect(second.report().removed).toHaveLength(5);
    await expect.poll(() => second.report().altered).toEqual(['ballot:poll-1:sig-ballot-2']);
    expect(await second.restore()).toBe(6);
    expect(readMembershipLog(reopened)).toHaveLength(3);
    expect(readFinal(reopened, 'meeting-1')).toEqual(final);
    expect(readPolls(reopened).get('poll-1')?.ballots).toEqual(expect.arrayContaining([ballot(1), ballot(2)]));
    second.destroy();
  });

  it('ignores new records and honest edits', async () => {
    const mine = honestChapter();
    const watch = await watchSignedRecords({ docId, doc: mine, loaded: Promise.resolve(), history: history() });
    appendMembershipEntry(mine, entry(4));
    appendBallot(mine, ballot(3));
    createMeeting(mine, 'meeting-2', { title: 'Social', startsAt: '2026-02-01T18:00:00Z', place: '', link: '', facilitatorId: null, noteTakerIds: [] }, 'm1', '2026-01-03T00:00:00Z');
    await Promise.resolve();
    expect(watch.report()).toBe(NO_VANDALISM);
    expect(missingKeys(['member::a', 'ballot:p:b'], new Set(['ballot:p:b']))).toEqual(['member::a']);
    watch.destroy();
  });
});
