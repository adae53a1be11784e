import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { memberChapters } from '../../../src/app/branch-electorate';
import { mirrorUp } from '../../../src/app/member-mirror';
import { createChapterDocument } from '../../../src/crdt/chapter-repository';
import { appendFederationEntry } from '../../../src/crdt/federation-repository';
import { mirrorFederationEntries } from '../../../src/crdt/member-mirror-repository';
import { appendMembershipEntry } from '../../../src/crdt/membership-repository';
import { signBallot, signPoll, verifyAllSigned } from '../../../src/crypto/ballot-signing';
import type { DeviceKeyPair } from '../../../src/crypto/ed25519';
import { validateSignedLog } from '../../../src/crypto/entry-signing';
import type { BranchLevel } from '../../../src/domain/chapter';
import type { DocId, RoomSecret } from '../../../src/domain/ids';
import type { ChapterId } from '../../../src/domain/membership/types';
import { countPoll, tallyPoll, validatePollInput, votersOf } from '../../../src/domain/polls';
import type { SignedBallot, SignedPoll } from '../../../src/domain/polls/types';
import { exactSum } from '../../../src/domain/tally/exact-sum';
import { signAs } from '../federation/fixtures';
import { plainPollInput } from './fixtures';
import { foundChapter, join, newDevice } from '../membership/fixtures';

/**
 * A national poll put to local chapters two levels down (nation → region → local chapters), with
 * real Y.Docs on separate devices: a Kent member's device holds Kent and the region, a regional
 * officer's device holds the region and the nation; each mirrors one step up, the region's
 * document syncs between them, and the nation's document alone then names the local chapters and
 * their members.
 */
const NOW = '2030-01-01T10:00:00.000Z';
const NATION = 'nationbranch0000000uk' as ChapterId;
const REGION = 'regionbranch00southeast' as ChapterId;
const KENT = 'kentchapter0000000000' as ChapterId;
const SUSSEX = 'sussexchapter00000000' as ChapterId;
const REGION_SECRET = 'regionsecret_southeast_0123456789' as RoomSecret;

async function branch(id: ChapterId, size: number) {
  const chapter = await foundChapter(id);
  const devices = [chapter.founder];
  for (let i = 1; i < size; i++) devices.push((await join(chapter.log, `${id} member ${i}`, chapter.founder)).device);
  const state = await validateSignedLog(chapter.log.entries, { chapterId: id, genesisId: chapter.found.id });
  const doc = new Y.Doc();
  for (const entry of chapter.log.entries) appendMembershipEntry(doc, entry);
  return { ...chapter, id, devices, state, doc };
}

type Branch = Awaited<ReturnType<typeof branch>>;

/** `child` asks to join `parent` (signed by its founder) and the parent's founder accepts, in `parentDoc`. */
async function link(parentDoc: Y.Doc, parent: Branch, child: Branch, name: string, level: BranchLevel, signer: DeviceKeyPair = parent.founder) {
  const request = await signAs(child.founder, parent.id as DocId, { type: 'join-request', childId: child.id as DocId, childGenesis: child.found.id, childName: name, childLevel: level });
  appendFederationEntry(parentDoc, request);
  const accept = await signAs(signer, parent.id as DocId, { type: 'accept', requestId: request.id, childId: child.id as DocId });
  appendFederationEntry(parentDoc, accept);
  return accept;
}

const sync = (from: Y.Doc, to: Y.Doc): void => Y.applyUpdate(to, Y.encodeStateAsUpdate(from));

const base = plainPollInput('Which national campaign first?', ['Housing', 'Transport']);

const cast = (poll: SignedPoll, device: DeviceKeyPair, choice: string): Promise<SignedBallot> =>
  signBallot({ v: 1, kind: 'ballot', pollId: poll.id, chapterId: NATION, voter: device.publicKey, seq: 1, choice: { choice }, castAt: NOW }, device);

describe('polls across levels: chapters below member branches', () => {
  it('reaches local chapters through their region by mirrored signed entries, and weighs each affected chapter 1 split among its voters', async () => {
    const [nation, region, kent, sussex] = await Promise.all([branch(NATION, 1), branch(REGION, 2), branch(KENT, 3), branch(SUSSEX, 2)]);
    // The region's document as each device holds it, and the nation's on the officer's device.
    const regionOnKentDevice = new Y.Doc();
    const regionOnOfficerDevice = new Y.Doc();
    const nationDoc = new Y.Doc();
    for (const entry of region.log.entries) appendMembershipEntry(regionOnKentDevice, entry);
    sync(regionOnKentDevice, regionOnOfficerDevice);
    createChapterDocument(nationDoc, { name: 'UK', location: { city: '', region: '', country: '' }, foundedOn: '2026-01-01', description: '', level: 'national' } as never, NOW);
    for (const entry of nation.log.entries) appendMembershipEntry(nationDoc, entry);
    await link(regionOnKentDevice, region, kent, 'Kent', 'local');
    await link(regionOnKentDevice, region, sussex, 'Sussex', 'local');
    await link(nationDoc, nation, region, 'South East', 'regional');
    // Kent's own document records its parent link with the region's room secret: it must never climb.
    appendFederationEntry(
      kent.doc,
      await signAs(kent.founder, KENT as DocId, {
        type: 'parent-link',
        parentId: REGION as DocId,
        parentGenesis: region.found.id,
        parentSecret: REGION_SECRET,
        parentName: 'South East',
        parentLevel: 'regional',
        acceptId: 'x'.repeat(43) as never,
      }),
    );

    // Before anything is mirrored the nation sees its region only, without members.
    expect((await memberChapters(nationDoc, NATION as DocId, nation.state)).map((c) => [c.id, c.membership])).toEqual([[REGION, null]]);

    // Kent's device: Kent and Sussex (a Sussex member's device did the same for Sussex) one step up.
    expect(mirrorUp(kent.doc, KENT, regionOnKentDevice, () => true)).toBeGreaterThan(0);
    mirrorUp(sussex.doc, SUSSEX, regionOnKentDevice, () => true);
    sync(regionOnKentDevice, regionOnOfficerDevice);
    // The officer's device: the region one step up, with what it mirrors of its chapters.
    expect(mirrorUp(regionOnOfficerDevice, REGION, nationDoc, () => true)).toBeGreaterThan(0);
    // Idempotent: nothing new the second time.
    expect(mirrorUp(regionOnOfficerDevice, REGION, nationDoc, () => true)).toBe(0);
    expect(JSON.stringify(nationDoc.toJSON())).not.toContain(REGION_SECRET);
    expect(JSON.stringify(regionOnOfficerDevice.toJSON())).not.toContain(REGION_SECRET);

    const chapters = await memberChapters(nationDoc, NATION as DocId, nation.state);
    expect(chapters.map((c) => [c.id, c.name, c.via])).toEqual([
      [REGION, 'South East', []],
      [KENT, 'Kent', [REGION]],
      [SUSSEX, 'Sussex', [REGION]],
    ]);
    const kentVoters = votersOf(chapters[1]!.membership, KENT);
    const sussexVoters = votersOf(chapters[2]!.membership, SUSSEX);
    expect(kentVoters).toHaveLength(3);
    expect(sussexVoters).toHaveLength(2);

    // A national poll put to the two local chapters, equal per chapter split among its voters.
    const creator = nation.founder;
    const checked = validatePollInput(
      { ...base, scope: { kind: 'chapters', chapters: [KENT, SUSSEX] }, weights: { kind: 'perChapter' } },
      { chapterId: NATION, createdBy: creator.publicKey, now: NOW, members: [], chapters: chapters.map(({ id, name }) => ({ id, name })) },
    );
    if (!checked.ok) throw new Error(JSON.stringify(checked.error));
    const poll = await signPoll(checked.value, creator);
    const ballots = [
      ...(await Promise.all(kent.devices.map((d) => cast(poll, d, 'Housing')))),
      await cast(poll, sussex.devices[0]!, 'Transport'),
      // A member of the region itself: not in a chapter the poll was put to.
      await cast(poll, region.devices[1]!, 'Transport'),
    ];
    const voters = [...votersOf(nation.state), ...chapters.flatMap((c) => votersOf(c.membership, c.id))];
    const authentic = await verifyAllSigned(ballots);
    const count = countPoll({ poll, ballots, closes: [], voters, isAuthentic: (r) => authentic.has(r), now: NOW });
    expect(count.counted).toHaveLength(4);
    expect(exactSum(count.counted.filter((c) => c.chapterId === KENT).map((c) => c.weight))).toBe(1);
    expect(count.counted.filter((c) => c.chapterId === SUSSEX).map((c) => c.weight)).toEqual([1]);
    expect(exactSum(count.counted.map((c) => c.weight))).toBe(2);
    expect(count.rejected.map((r) => r.reason)).toEqual(['outsideScope']);
    const result = tallyPoll(poll, count.counted);
    expect(result.method === 'plurality' && result.tally).toEqual({ Housing: 1, Transport: 1 });
  });

  it('never lists a chapter below a member branch that the branch did not accept itself', async () => {
    const [nation, region, kent] = await Promise.all([branch(NATION, 1), branch(REGION, 2), branch(KENT, 2)]);
    const nationDoc = new Y.Doc();
    createChapterDocument(nationDoc, { name: 'UK', location: { city: '', region: '', country: '' }, foundedOn: '2026-01-01', description: '', level: 'national' } as never, NOW);
    for (const entry of nation.log.entries) appendMembershipEntry(nationDoc, entry);
    await link(nationDoc, nation, region, 'South East', 'regional');
    const regionDoc = new Y.Doc();
    for (const entry of region.log.entries) appendMembershipEntry(regionDoc, entry);
    // Kent's acceptance is signed by an outsider, not by anyone who speaks for the region.
    const outsider = await newDevice();
    await link(regionDoc, region, kent, 'Kent', 'local', outsider);
    mirrorUp(kent.doc, KENT, regionDoc, () => true);
    mirrorUp(regionDoc, REGION, nationDoc, () => true);
    // And someone writes a rival record straight into the nation's mirror of the region.
    const rival = await branch('rivalchapter000000000' as ChapterId, 1);
    const request = await signAs(rival.founder, REGION as DocId, { type: 'join-request', childId: rival.id as DocId, childGenesis: rival.found.id, childName: 'Rival', childLevel: 'local' });
    mirrorFederationEntries(nationDoc, REGION, [request, await signAs(rival.founder, REGION as DocId, { type: 'accept', requestId: request.id, childId: rival.id as DocId })]);
    mirrorUp(rival.doc, rival.id, nationDoc, () => true);

    const chapters = await memberChapters(nationDoc, NATION as DocId, nation.state);
    expect(chapters.map((c) => c.id)).toEqual([REGION]);
  });
});
