import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { openMembershipPoll, validateWithPolls } from '../../../src/app/member-polls';
import { appendBallot, appendCloseRecord } from '../../../src/crdt/poll-repository';
import { createEntryVerifier, validateSignedLog } from '../../../src/crypto/entry-signing';
import { signBallot, signCloseRecord } from '../../../src/crypto/ballot-signing';
import type { DeviceKeyPair } from '../../../src/crypto/ed25519';
import type { DocId } from '../../../src/domain/ids';
import type { EntryId, MemberId, MembershipEntry } from '../../../src/domain/membership/types';
import type { ValidateOptions } from '../../../src/domain/membership/validate';
import type { YesNoVote } from '../../../src/domain/tally/yes-no';
import { CHAPTER, foundChapter, invalid, join, memberOf, newDevice, VALID, verdictOf } from './fixtures';

const plain = (entries: readonly unknown[], options: ValidateOptions) => validateSignedLog(entries, options, createEntryVerifier());

const check = (doc: Y.Doc, entries: readonly unknown[]) => validateWithPolls(plain, doc, entries, { chapterId: CHAPTER });

/** A chapter under the poll rule: Ada (founder), Grace (member), and Linus asking to join. */
async function pollChapter(extra: readonly string[] = []) {
  const chapter = await foundChapter();
  const { log, founder } = chapter;
  const grace = await join(log, 'Grace', founder);
  const others = [];
  for (const name of extra) others.push(await join(log, name, founder));
  await log.add({ type: 'set-admission-rule', rule: { kind: 'poll' } }, founder);
  const linus = await newDevice();
  const request = await log.add({ type: 'request', name: 'Linus', deviceKey: linus.publicKey }, linus);
  const doc = new Y.Doc();
  const members = [chapter.found.type === 'found' ? chapter.found.memberId : '', grace.memberId];
  const opened = await openMembershipPoll(doc, CHAPTER as DocId, founder, 'Admit Linus?', members);
  if (!opened.ok) throw new Error(opened.error);
  return { ...chapter, doc, grace, others, linus, request, pollId: opened.value };
}

async function vote(doc: Y.Doc, pollId: string, device: DeviceKeyPair, vote: YesNoVote) {
  const ballot = await signBallot(
    { v: 1, kind: 'ballot', pollId, chapterId: CHAPTER, voter: device.publicKey, seq: 1, choice: { vote }, castAt: new Date().toISOString() },
    device,
  );
  appendBallot(doc, ballot);
  return ballot.id;
}

async function close(doc: Y.Doc, pollId: string, closer: DeviceKeyPair, ballots: string[]) {
  const record = await signCloseRecord(
    { v: 1, kind: 'close', pollId, chapterId: CHAPTER, closer: closer.publicKey, closedAt: new Date().toISOString(), early: true, ballots: [...ballots].sort() },
    closer,
  );
  appendCloseRecord(doc, record);
}

const WAITING = { status: 'pending', reason: 'awaitingVote' } as const;

const shuffled = <T>(items: readonly T[], seed: number): T[] => {
  const out = [...items];
  let state = seed;
  for (let i = out.length - 1; i > 0; i -= 1) {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    const j = state % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
};

describe('admission by a chapter poll', () => {
  it('is not admitted while the linked poll is open, then admitted once its close record passes it', async () => {
    const { log, founder, doc, grace, request, pollId } = await pollChapter();
    const link = await log.add({ type: 'link-poll', requestId: request.id, pollId }, founder);
    const yes1 = await vote(doc, pollId, founder, 'yes');
    const yes2 = await vote(doc, pollId, grace.device, 'yes');
    const admit = await log.add({ type: 'admit', requestId: request.id, pollId }, founder);
    const linusId = request.id as string as MemberId;

    const open = await check(doc, log.entries);
    expect(verdictOf(open.state, link)).toMatchObject(VALID);
    expect(open.state.pollLinks).toEqual([expect.objectContaining({ pollId, requestId: request.id, memberId: null })]);
    // Signed before the close: waiting for the vote, not invalid, and not counted.
    expect(verdictOf(open.state, admit)).toMatchObject(WAITING);
    expect(memberOf(open.state, linusId)).toBeUndefined();
    expect(open.state.pendingRequests.map((r) => r.id)).toEqual([request.id]);

    await close(doc, pollId, founder, [yes1, yes2]);
    const closed = await check(doc, log.entries);
    expect([...closed.passed]).toEqual([pollId]);
    expect(verdictOf(closed.state, admit)).toMatchObject(VALID);
    expect(memberOf(closed.state, linusId)).toMatchObject({ status: 'active', admittedAt: admit.id });
  });

  it('counts nothing the newcomer signs until the close, then all of it, at its place in the log', async () => {
    const { log, founder, doc, grace, linus, request, pollId } = await pollChapter();
    await log.add({ type: 'link-poll', requestId: request.id, pollId }, founder);
    const admit = await log.add({ type: 'admit', requestId: request.id, pollId }, founder);
    const phone = await newDevice();
    const linked = await log.add({ type: 'link-device', deviceKey: phone.publicKey }, linus);
    const linusId = request.id as string as MemberId;
    const yes = [await vote(doc, pollId, founder, 'yes'), await vote(doc, pollId, grace.device, 'yes')];

    const open = await check(doc, log.entries);
    expect(verdictOf(open.state, admit)).toMatchObject(WAITING);
    expect(verdictOf(open.state, linked)).toMatchObject(invalid('notAMember'));
    expect(open.closed.size).toBe(0);

    await close(doc, pollId, founder, yes);
    const closed = await check(doc, log.entries);
    expect(closed.closed).toEqual(new Set([pollId]));
    expect(verdictOf(closed.state, admit)).toMatchObject(VALID);
    expect(verdictOf(closed.state, linked)).toMatchObject(VALID);
    expect(memberOf(closed.state, linusId)?.devices.map((d) => d.key)).toEqual([linus.publicKey, phone.publicKey]);
  });

  it('a waiting admit is judged alike whatever order the entries arrive in', async () => {
    const { log, founder, doc, grace, request, pollId } = await pollChapter();
    await log.add({ type: 'link-poll', requestId: request.id, pollId }, founder);
    await vote(doc, pollId, grace.device, 'yes');
    const admit = await log.add({ type: 'admit', requestId: request.id, pollId }, grace.device);
    const reference = await check(doc, log.entries);
    expect(verdictOf(reference.state, admit)).toMatchObject(WAITING);
    for (const seed of [7, 8, 9]) expect((await check(doc, shuffled(log.entries, seed))).state).toEqual(reference.state);
  });

  it('a poll that fails admits nobody', async () => {
    const { log, founder, doc, grace, request, pollId } = await pollChapter();
    await log.add({ type: 'link-poll', requestId: request.id, pollId }, founder);
    const no1 = await vote(doc, pollId, founder, 'no');
    const no2 = await vote(doc, pollId, grace.device, 'no');
    await close(doc, pollId, founder, [no1, no2]);
    const admit = await log.add({ type: 'admit', requestId: request.id, pollId }, founder);
    const { state, passed } = await check(doc, log.entries);
    expect(passed.size).toBe(0);
    expect(verdictOf(state, admit)).toMatchObject(invalid('pollNotPassed'));
    expect(state.pendingRequests.map((r) => r.id)).toEqual([request.id]);
  });

  it('ignores a forged or altered link even when the poll passed', async () => {
    const { log, founder, doc, grace, linus, request, pollId } = await pollChapter();
    // The newcomer links the poll themselves: not a member, so the link does not count.
    const forged = await log.add({ type: 'link-poll', requestId: request.id, pollId }, linus);
    const genuine = await log.add({ type: 'link-poll', requestId: request.id, pollId: 'another-poll-id' }, founder);
    const altered = { ...genuine, id: genuine.id, pollId } as MembershipEntry;
    const yes1 = await vote(doc, pollId, founder, 'yes');
    const yes2 = await vote(doc, pollId, grace.device, 'yes');
    await close(doc, pollId, founder, [yes1, yes2]);
    const admit = await log.add({ type: 'admit', requestId: request.id, pollId }, grace.device);

    const entries = log.entries.map((entry) => (entry.id === genuine.id ? altered : entry));
    const { state, passed } = await check(doc, entries);
    expect(verdictOf(state, forged)).toMatchObject(invalid('notAMember'));
    expect(verdictOf(state, altered)).toMatchObject(invalid('badSignature'));
    expect(state.pollLinks).toEqual([]);
    expect(passed.size).toBe(0);
    expect(verdictOf(state, admit)).toMatchObject(invalid('pollNotLinked'));
    expect(memberOf(state, request.id as string as MemberId)).toBeUndefined();
  });

  it('a poll linked to one request never admits another', async () => {
    const { log, founder, doc, grace, request, pollId } = await pollChapter();
    const other = await newDevice();
    const otherRequest = await log.add({ type: 'request', name: 'Mallory', deviceKey: other.publicKey }, other);
    await log.add({ type: 'link-poll', requestId: request.id, pollId }, founder);
    const relink = await log.add({ type: 'link-poll', requestId: otherRequest.id, pollId }, grace.device);
    await close(doc, pollId, founder, [await vote(doc, pollId, founder, 'yes'), await vote(doc, pollId, grace.device, 'yes')]);
    const admit = await log.add({ type: 'admit', requestId: otherRequest.id as EntryId, pollId }, founder);
    const { state } = await check(doc, log.entries);
    expect(verdictOf(state, relink)).toMatchObject(invalid('pollAlreadyLinked'));
    expect(verdictOf(state, admit)).toMatchObject(invalid('pollNotLinked'));
  });

  it('decides the same whatever order the entries arrive in', async () => {
    const { log, founder, doc, grace, request, pollId } = await pollChapter();
    await log.add({ type: 'link-poll', requestId: request.id, pollId }, founder);
    // One yes, one abstention: a simple majority of those who said yes or no.
    await close(doc, pollId, founder, [await vote(doc, pollId, founder, 'yes'), await vote(doc, pollId, grace.device, 'abstain')]);
    await log.add({ type: 'admit', requestId: request.id, pollId }, grace.device);
    const reference = await check(doc, log.entries);
    expect(memberOf(reference.state, request.id as string as MemberId)?.status).toBe('active');
    for (const seed of [1, 2, 3, 4, 5]) {
      const again = await check(doc, shuffled(log.entries, seed));
      expect(again.state).toEqual(reference.state);
    }
  });

  it('removes a member once a linked removal poll passed, whoever signs the removal', async () => {
    const { log, founder, doc, grace, others } = await pollChapter(['Ines']);
    const third = others[0]!;
    // Grace, no convener, may not remove at once under the poll rule.
    const direct = await log.add({ type: 'remove', memberId: third.memberId, reason: 'no reason' }, grace.device);
    const opened = await openMembershipPoll(doc, CHAPTER as DocId, grace.device, 'Remove Ines?', []);
    if (!opened.ok) throw new Error(opened.error);
    const pollId = opened.value;
    await log.add({ type: 'link-poll', memberId: third.memberId, pollId }, grace.device);
    const early = await log.add({ type: 'remove', memberId: third.memberId, reason: 'Remove Ines?', decisionId: pollId }, grace.device);
    const before = await check(doc, log.entries);
    expect(verdictOf(before.state, direct)).toMatchObject(invalid('notAllowed'));
    expect(verdictOf(before.state, early)).toMatchObject(WAITING);
    expect(memberOf(before.state, third.memberId)?.status).toBe('active');
    await close(doc, pollId, grace.device, [await vote(doc, pollId, founder, 'yes'), await vote(doc, pollId, grace.device, 'yes')]);
    // Evidence is not positional: the removal that names the poll counts once the poll passed.
    const after = await check(doc, log.entries);
    expect(verdictOf(after.state, early)).toMatchObject(VALID);
    expect(memberOf(after.state, third.memberId)).toMatchObject({ status: 'removed', removal: { decisionId: pollId } });
  });
});
