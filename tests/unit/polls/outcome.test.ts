import { beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { outcomeDecision, recordOutcome } from '../../../src/app/poll-outcome';
import { readDecisions } from '../../../src/crdt/meeting-records';
import { createAgendaItem, createMeeting } from '../../../src/crdt/meeting-repository';
import { castAndClose, membersWith, signedPoll } from '../../../src/cli/closed-poll';
import { type DeviceKeyPair, generateDeviceKeyPair } from '../../../src/crypto/ed25519';
import type { ChapterId } from '../../../src/domain/membership/types';
import { pollOutcome, tallyPoll } from '../../../src/domain/polls';
import type { BallotChoice, SignedPoll, Voter } from '../../../src/domain/polls/types';
import { loadCatalog } from '../../../src/i18n';

const CHAPTER = 'chapter-1' as ChapterId;
const NOW = '2030-01-01T10:00:00.000Z';

let keys: DeviceKeyPair[] = [];
let voters: Voter[] = [];

beforeAll(async () => {
  await loadCatalog('polls');
  keys = await Promise.all([0, 1, 2].map(() => generateDeviceKeyPair()));
  voters = membersWith(keys, ['Ana', 'Ben', 'Cy']);
});

const consentPoll = (minutes: { meetingId: string; agendaItemId: string } | null): Promise<SignedPoll> =>
  signedPoll({ question: 'Share the van with the tenants’ union?', method: 'consent', minutes }, keys[0]!, CHAPTER, voters);

async function closedCount(poll: SignedPoll, choices: BallotChoice[]) {
  const { count } = await castAndClose(poll, keys, voters, choices);
  return { count, result: tallyPoll(poll, count.counted) };
}

function meetingDoc(): Y.Doc {
  const doc = new Y.Doc();
  createMeeting(
    doc,
    'meet-1',
    { title: 'General meeting', startsAt: '2030-01-01T18:00:00Z', place: 'Hall', link: '', facilitatorId: null, noteTakerIds: [] },
    'm0',
    NOW,
  );
  createAgendaItem(doc, 'item-1', 'meet-1', { title: 'The van', presenter: null, timeboxMinutes: 10, pollId: null }, 'a0');
  return doc;
}

const CHOICES: BallotChoice[] = [{ response: 'agree' }, { response: 'block', reason: 'Our insurance does not cover it' }, { response: 'standAside' }];

describe('a poll’s outcome in the minutes', () => {
  it('keeps every minority position, with the reason when one was given', async () => {
    const poll = await consentPoll(null);
    const { count } = await closedCount(poll, CHOICES);
    expect(pollOutcome(poll, count.counted)).toEqual({
      counts: { for: 1, against: 0, abstain: 0, standAside: 1, block: 1 },
      dissent: [
        { memberId: 'm1', position: 'block', reason: 'Our insurance does not cover it' },
        { memberId: 'm2', position: 'standAside', reason: '' },
      ],
    });
  });

  it('writes the result once into the linked agenda item, with the same record on every device', async () => {
    const poll = await consentPoll({ meetingId: 'meet-1', agendaItemId: 'item-1' });
    const { count, result } = await closedCount(poll, CHOICES);
    const a = meetingDoc();
    const b = new Y.Doc();
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    // Both devices see the final result while apart, and both write it.
    expect(recordOutcome(a, poll, count, result)).toBe(1);
    expect(recordOutcome(b, poll, count, result)).toBe(1);
    expect(recordOutcome(a, poll, count, result)).toBe(0);
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    const decisions = readDecisions(a, 'meet-1');
    expect(decisions).toHaveLength(1);
    expect(readDecisions(b, 'meet-1')).toEqual(decisions);
    const decision = decisions[0]!;
    expect(decision).toMatchObject({ agendaItemId: 'item-1', method: 'poll', pollId: poll.id, createdAt: NOW });
    expect(decision.text).toContain('Share the van with the tenants’ union?');
    expect(decision.text).toContain('Result: Blocked.');
    expect(decision.counts).toEqual({ for: 1, against: 0, abstain: 0, standAside: 1, block: 1 });
    expect(decision.dissent).toEqual([
      { who: { kind: 'member', memberId: 'm1' }, position: 'Blocked: Our insurance does not cover it' },
      { who: { kind: 'member', memberId: 'm2' }, position: 'Stood aside (no reason given)' },
    ]);
  });

  it('writes nothing before the close, and waits for the meeting to arrive', async () => {
    const poll = await consentPoll({ meetingId: 'meet-1', agendaItemId: 'item-1' });
    const { count, result } = await closedCount(poll, CHOICES);
    const open = { ...count, status: 'provisional' as const, chosenClose: null };
    const doc = meetingDoc();
    expect(recordOutcome(doc, poll, open, result)).toBe(0);
    const empty = new Y.Doc();
    expect(recordOutcome(empty, poll, count, result)).toBe(0);
    Y.applyUpdate(empty, Y.encodeStateAsUpdate(doc));
    expect(recordOutcome(empty, poll, count, result)).toBe(1);
  });

  it('also records into an agenda item that points at the poll from the meeting’s side', async () => {
    const poll = await consentPoll(null);
    const { count, result } = await closedCount(poll, CHOICES);
    const doc = meetingDoc();
    createAgendaItem(doc, 'item-2', 'meet-1', { title: 'Vote on the van', presenter: null, timeboxMinutes: 5, pollId: poll.id as never }, 'a1');
    expect(recordOutcome(doc, poll, count, result)).toBe(1);
    expect(readDecisions(doc, 'meet-1').map((d) => d.agendaItemId)).toEqual(['item-2']);
    expect(outcomeDecision(poll, count, result).text).toContain('Weights: equal.');
  });
});
