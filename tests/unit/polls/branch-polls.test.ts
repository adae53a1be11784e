import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { memberChapters } from '../../../src/app/branch-electorate';
import { createChapterDocument } from '../../../src/crdt/chapter-repository';
import { appendFederationEntry } from '../../../src/crdt/federation-repository';
import { mirrorMembershipEntries, readMemberMirrors } from '../../../src/crdt/member-mirror-repository';
import { verifyAudit } from '../../../src/cli/verify-audit';
import { signBallot, signCloseRecord, signPoll, verifyAllSigned } from '../../../src/crypto/ballot-signing';
import { validateSignedLog } from '../../../src/crypto/entry-signing';
import type { DocId } from '../../../src/domain/ids';
import type { ChapterId, MemberId } from '../../../src/domain/membership/types';
import { buildAudit, countPoll, type PollInput, tallyPoll, validatePollInput, votersOf } from '../../../src/domain/polls';
import { perChapterWeights, splitOne } from '../../../src/domain/polls/chapter-weights';
import type { SignedBallot, SignedPoll, Voter } from '../../../src/domain/polls/types';
import { exactSum } from '../../../src/domain/tally/exact-sum';
import { signAs } from '../federation/fixtures';
import { plainPollInput } from './fixtures';
import { foundChapter, join, newDevice } from '../membership/fixtures';

const REGION = 'regionbranch00southeast' as DocId;
const NOW = '2030-01-01T10:00:00.000Z';

const base = plainPollInput('Where does the regional gathering go?', ['Canterbury', 'Brighton']);

describe('equal per affected chapter, split among its voters', () => {
  it('splits 1 into k shares that add up to exactly 1, each within one unit of the last digit of 1/k', () => {
    for (const k of [1, 2, 3, 7, 49, 98, 103, 1000]) {
      const shares = splitOne(k);
      expect(shares).toHaveLength(k);
      expect(exactSum(shares)).toBe(1);
      for (const share of shares) expect(Math.abs(share - 1 / k)).toBeLessThanOrEqual(Number.EPSILON / k);
    }
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100_000 }), (k) => {
        expect(exactSum(splitOne(k))).toBe(1);
      }),
    );
  });

  it('weights per chapter sum exactly to the number of chapters with voters, whatever the sizes and the ballot order', () => {
    const voterArb = fc.array(fc.record({ chapter: fc.integer({ min: 0, max: 5 }), member: fc.integer({ min: 0, max: 80 }) }), { maxLength: 200 });
    fc.assert(
      fc.property(voterArb, (raw) => {
        const voters = [...new Map(raw.map((v) => [`c${v.chapter}/m${v.member}`, { key: `c${v.chapter}/m${v.member}`, chapterId: `c${v.chapter}` }])).values()];
        const weights = perChapterWeights(voters);
        const chapters = new Set(voters.map((v) => v.chapterId));
        expect(exactSum([...weights.values()])).toBe(chapters.size);
        for (const chapter of chapters) expect(exactSum(voters.filter((v) => v.chapterId === chapter).map((v) => weights.get(v.key)!))).toBe(1);
        // Same weights for the same voters in any order.
        expect(perChapterWeights([...voters].reverse())).toEqual(weights);
      }),
    );
  });
});

describe('a member chapter that left', () => {
  it('is no longer affected by the branch: not listed as a member chapter, its members not voters', async () => {
    const region = await foundChapter(REGION as ChapterId);
    const regionState = await validateSignedLog(region.log.entries, { chapterId: REGION as ChapterId, genesisId: region.found.id });
    const kent = await chapterOf('kentchapter0000000000', 2);
    const { doc, accept } = await regionWithKent(region, kent);
    mirrorMembershipEntries(doc, kent.found.chapterId, kent.log.entries);
    expect((await memberChapters(doc, REGION, regionState)).map((c) => c.id)).toEqual([kent.found.chapterId]);

    appendFederationEntry(doc, await signAs(kent.founder, REGION, { type: 'leave-parent', childId: kent.found.chapterId, parentId: REGION, acceptId: accept.id }, '2030-01-01T11:00:00Z'));
    expect(await memberChapters(doc, REGION, regionState)).toEqual([]);
  });
});

/** The region's document in which Kent asked to join (signed by Kent's founder) and the region's founder accepted. */
async function regionWithKent(region: Awaited<ReturnType<typeof foundChapter>>, kent: Awaited<ReturnType<typeof chapterOf>>) {
  const doc = new Y.Doc();
  createChapterDocument(doc, { name: 'South East', location: { city: '', region: '', country: '' }, foundedOn: '2026-01-01', description: '', level: 'regional' } as never, NOW);
  const request = await signAs(kent.founder, REGION, { type: 'join-request', childId: kent.found.chapterId, childGenesis: kent.found.id, childName: 'Kent', childLevel: 'local' });
  const accept = await signAs(region.founder, REGION, { type: 'accept', requestId: request.id, childId: kent.found.chapterId });
  appendFederationEntry(doc, request);
  appendFederationEntry(doc, accept);
  return { doc, accept };
}

/** A chapter with `size` members (the founder included), as the branch sees it: voters tagged with the chapter. */
async function chapterOf(id: string, size: number) {
  const chapter = await foundChapter(id as ChapterId);
  const devices = [chapter.founder];
  for (let i = 1; i < size; i++) devices.push((await join(chapter.log, `${id} member ${i}`, chapter.founder)).device);
  const state = await validateSignedLog(chapter.log.entries, { chapterId: id as ChapterId, genesisId: chapter.found.id });
  return { ...chapter, devices, state, voters: votersOf(state, id as ChapterId) };
}

async function regionalPoll(input: Partial<PollInput>, chapters: readonly { id: string; name: string }[]): Promise<{ poll: SignedPoll; creator: Awaited<ReturnType<typeof newDevice>> }> {
  const creator = await newDevice();
  const checked = validatePollInput({ ...base, ...input }, { chapterId: REGION, createdBy: creator.publicKey, now: NOW, members: [], chapters });
  if (!checked.ok) throw new Error(JSON.stringify(checked.error));
  return { poll: await signPoll(checked.value, creator), creator };
}

const cast = (poll: SignedPoll, device: Awaited<ReturnType<typeof newDevice>>, choice: string): Promise<SignedBallot> =>
  signBallot({ v: 1, kind: 'ballot', pollId: poll.id, chapterId: REGION, voter: device.publicKey, seq: 1, choice: { choice }, castAt: NOW }, device);

describe('a regional poll put to member chapters', () => {
  it('counts each affected chapter as 1 split among its voters, shows where each weight comes from, and rejects outsiders', async () => {
    const [kent, sussex, surrey] = await Promise.all([chapterOf('kentchapter0000000000', 5), chapterOf('sussexchapter00000000', 3), chapterOf('surreychapter00000000', 2)]);
    const { poll, creator } = await regionalPoll({ scope: { kind: 'chapters', chapters: [kent.found.chapterId, sussex.found.chapterId] }, weights: { kind: 'perChapter' } }, [
      { id: kent.found.chapterId, name: 'Kent' },
      { id: sussex.found.chapterId, name: 'Sussex' },
      { id: surrey.found.chapterId, name: 'Surrey' },
    ]);
    expect(poll.scope).toEqual({ kind: 'chapters', chapters: [{ id: kent.found.chapterId, name: 'Kent' }, { id: sussex.found.chapterId, name: 'Sussex' }] });
    // All five Kent members vote Canterbury; two of three Sussex members vote Brighton; a Surrey member tries too.
    const ballots = [
      ...(await Promise.all(kent.devices.map((d) => cast(poll, d, 'Canterbury')))),
      ...(await Promise.all(sussex.devices.slice(0, 2).map((d) => cast(poll, d, 'Brighton')))),
      await cast(poll, surrey.devices[0]!, 'Brighton'),
    ];
    // The region's own members (its teller created the poll) are passed too: they close polls, but vote only through a chapter.
    const regionTeller: Voter = { memberId: 'regionteller' as MemberId, name: 'Rosa', active: true, isTeller: true, devices: [{ key: creator.publicKey, revoked: false }] };
    const voters: Voter[] = [regionTeller, ...kent.voters, ...sussex.voters, ...surrey.voters];
    const authentic = await verifyAllSigned(ballots);
    const count = countPoll({ poll, ballots, closes: [], voters, isAuthentic: (r) => authentic.has(r), now: NOW });

    expect(count.counted).toHaveLength(7);
    expect(exactSum(count.counted.map((c) => c.weight))).toBe(2);
    expect(exactSum(count.counted.filter((c) => c.chapterId === kent.found.chapterId).map((c) => c.weight))).toBe(1);
    expect(exactSum(count.counted.filter((c) => c.chapterId === sussex.found.chapterId).map((c) => c.weight))).toBe(1);
    for (const c of count.counted) expect(c.weight).toBeCloseTo(c.chapterId === kent.found.chapterId ? 1 / 5 : 1 / 2, 15);
    // Every eligible voter is listed with the chapter the weight comes from; the Sussex member who did not vote weighs 0.
    expect(count.voters).toHaveLength(8);
    expect(count.voters.filter((v) => !v.voted).map((v) => [v.chapterId, v.weight])).toEqual([[sussex.found.chapterId, 0]]);
    expect(count.voters.every((v) => v.chapterId === kent.found.chapterId || v.chapterId === sussex.found.chapterId)).toBe(true);
    // The outsider (member of a chapter the poll does not affect) is rejected, never counted.
    expect(count.rejected).toEqual([expect.objectContaining({ id: ballots[7]!.id, reason: 'outsideScope' })]);
    // The tally uses the weights: 1 each, a tie broken by the seeded rule, not 5 to 2.
    const result = tallyPoll(poll, count.counted);
    expect(result.method === 'plurality' && result.tally).toEqual({ Canterbury: 1, Brighton: 1 });

    // The exported audit re-judges the same electorate (members with their chapter) and recounts to the same weights.
    const close = await signCloseRecord(
      { v: 1, kind: 'close', pollId: poll.id, chapterId: REGION, closer: creator.publicKey, closedAt: NOW, early: true, ballots: count.counted.map((c) => c.ballot.id).sort() },
      creator,
    );
    const closedAuthentic = await verifyAllSigned([...ballots, close]);
    const closed = countPoll({ poll, ballots, closes: [close], voters, isAuthentic: (r) => closedAuthentic.has(r), now: NOW });
    const audit = JSON.parse(JSON.stringify(buildAudit(poll, closed, { voters, ballots, closes: [close] })));
    const report = await verifyAudit(audit);
    expect(report.ok && report.value.verified).toBe(true);
    expect(report.ok && exactSum(report.value.counted.map((c) => c.weight))).toBe(2);
    expect(report.ok && report.value.rejected.map((r) => r.reason)).toEqual(['outsideScope']);

    // Equal per member: the same ballots count 5 to 2.
    const { poll: equal } = await regionalPoll({ scope: { kind: 'chapters', chapters: [kent.found.chapterId, sussex.found.chapterId] } }, [
      { id: kent.found.chapterId, name: 'Kent' },
      { id: sussex.found.chapterId, name: 'Sussex' },
    ]);
    const again = await Promise.all([...kent.devices.map((d) => cast(equal, d, 'Canterbury')), ...sussex.devices.slice(0, 2).map((d) => cast(equal, d, 'Brighton'))]);
    const equalAuthentic = await verifyAllSigned(again);
    const equalCount = countPoll({ poll: equal, ballots: again, closes: [], voters, isAuthentic: (r) => equalAuthentic.has(r), now: NOW });
    const equalResult = tallyPoll(equal, equalCount.counted);
    expect(equalResult.method === 'plurality' && equalResult.tally).toEqual({ Canterbury: 5, Brighton: 2 });
  });

  it('refuses per-chapter splitting without chapters, unknown chapters, and custom weights per chapter name chapters', async () => {
    const ctx = { chapterId: REGION, createdBy: (await newDevice()).publicKey, now: NOW, members: ['m1'], chapters: [{ id: 'kent', name: 'Kent' }] };
    const bad = validatePollInput({ ...base, weights: { kind: 'perChapter' } }, ctx);
    expect(!bad.ok && bad.error).toEqual([{ field: 'weights', code: 'perChapterNeedsChapters' }]);
    const unknown = validatePollInput({ ...base, scope: { kind: 'chapters', chapters: ['dublin'] } }, ctx);
    expect(!unknown.ok && unknown.error).toEqual([{ field: 'scope', code: 'unknownChapter', chapter: 'dublin' }]);
    const custom = validatePollInput({ ...base, scope: { kind: 'chapters', chapters: ['kent'] }, weights: { kind: 'custom', reason: 'Kent hosts it', weights: { kent: 2 } } }, ctx);
    expect(custom.ok && custom.value.weightRule).toEqual({ kind: 'custom', reason: 'Kent hosts it', weights: { kent: 2 } });
  });
});

describe('member chapters by mirrored membership logs', () => {
  it('counts only members the chapter itself admitted: forged, altered and rival entries in the mirror never count', async () => {
    const region = await foundChapter(REGION as ChapterId);
    const regionState = await validateSignedLog(region.log.entries, { chapterId: REGION as ChapterId, genesisId: region.found.id });
    const kent = await chapterOf('kentchapter0000000000', 3);
    const { doc } = await regionWithKent(region, kent);
    // A chapter that asked but was never accepted: its mirror is ignored.
    const dover = await chapterOf('doverchapter000000000', 2);
    appendFederationEntry(doc, await signAs(dover.founder, REGION, { type: 'join-request', childId: dover.found.chapterId, childGenesis: dover.found.id, childName: 'Dover', childLevel: 'local' }));
    mirrorMembershipEntries(doc, dover.found.chapterId, dover.log.entries);

    // The genuine log, plus: an admission signed by someone who is no member, an altered copy of a
    // genuine entry (renamed), and a rival founding by an attacker.
    const intruder = await newDevice();
    const forger = await newDevice();
    const forged = await kent.log.add({ type: 'request', name: 'Intruder', deviceKey: intruder.publicKey }, intruder);
    const forgedAdmit = await kent.log.add({ type: 'admit', requestId: forged.id }, forger);
    const altered = { ...kent.log.entries[1]!, name: 'Renamed' };
    const rival = await foundChapter(kent.found.chapterId);
    expect(mirrorMembershipEntries(doc, kent.found.chapterId, [...kent.log.entries.slice(0, -2), forged, forgedAdmit, rival.found])).toBe(kent.log.entries.length + 1);
    // Mirroring again adds nothing (same signed entries); the altered copy can only be written around it, as an attacker would.
    expect(mirrorMembershipEntries(doc, kent.found.chapterId, [...kent.log.entries, altered])).toBe(0);
    (doc.getMap('memberMirrors').get(kent.found.chapterId) as Y.Array<unknown>).push([altered]);
    expect(readMemberMirrors(doc).get(kent.found.chapterId)).toHaveLength(kent.log.entries.length + 2);

    const chapters = await memberChapters(doc, REGION, regionState);
    expect(chapters.map((c) => [c.id, c.name])).toEqual([[kent.found.chapterId, 'Kent']]);
    const voters = votersOf(chapters[0]!.membership, kent.found.chapterId);
    expect(voters.filter((v) => v.active).map((v) => v.memberId).sort()).toEqual(kent.voters.map((v) => v.memberId).sort());
    expect(voters.some((v) => v.devices.some((d) => d.key === intruder.publicKey) || v.devices.some((d) => d.key === rival.founder.publicKey))).toBe(false);

    // A ballot from the intruder's device is rejected; the genuine members' count.
    const { poll } = await regionalPoll({ scope: { kind: 'chapters', chapters: [kent.found.chapterId] }, weights: { kind: 'perChapter' } }, [{ id: kent.found.chapterId, name: 'Kent' }]);
    const ballots = [await cast(poll, intruder, 'Brighton'), await cast(poll, rival.founder, 'Brighton'), await cast(poll, kent.devices[1]!, 'Canterbury')];
    const authentic = await verifyAllSigned(ballots);
    const count = countPoll({ poll, ballots, closes: [], voters, isAuthentic: (r) => authentic.has(r), now: NOW });
    expect(count.counted.map((c) => [c.memberId, c.weight])).toEqual([[kent.voters[1]!.memberId, 1]]);
    expect(count.rejected.map((r) => r.reason)).toEqual(['notAMember', 'notAMember']);
  });
});
