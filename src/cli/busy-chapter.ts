import * as Y from 'yjs';
import type { ChapterDetails } from '../domain/chapter';
import { OFFER_CATEGORIES } from '../domain/organizing/types';
import type { MemberId as MeetingMemberId, PollId } from '../domain/meeting/ids';
import type { ActionStatus, DecisionMethod } from '../domain/meeting/types';
import type { ChapterId, DeviceKey, EntryId, MemberId, MembershipEntry, Role } from '../domain/membership/types';
import type { BallotChoice, PollMethod, SignedBallot, SignedPoll } from '../domain/polls/types';
import { createChapterDocument } from '../crdt/chapter-repository';
import { appendQueueEntry, createActionItem, createDecision, setActionStatus, writeFinal } from '../crdt/meeting-records';
import { agendaNotes, createAgendaItem, createMeeting, setAgendaRemoved, setAttendance, addGuest, setQuorumRule } from '../crdt/meeting-repository';
import { appendMembershipEntry } from '../crdt/membership-repository';
import { appendBallot, appendCloseRecord, createPoll } from '../crdt/poll-repository';
import { addOffer, createProject, setOfferStatus, setParticipation } from '../crdt/project-repository';
import { sharedText } from '../crdt/shared-text';
import { mulberry32 } from './seeded-random';

/**
 * A deterministic "busy chapter" for `npm run bench`: five years of a 200-member chapter written
 * through the real repositories, so the Y.Doc has exactly the app's layout: 260 weekly meetings
 * (attendance, agenda, minutes typed as 50,000 small edits, speaker queue, decisions, action
 * items, a final record), 500 polls with ballots and close records, the membership log, projects.
 *
 * Every id, timestamp and Yjs client id comes from one seeded PRNG, so the same seed gives a
 * byte-identical Y.encodeStateAsUpdate. Edits are made by ~240 simulated devices (one Yjs client
 * id each), like a real chapter's document.
 *
 * SIGNATURES ARE DUMMIES: membership entries, polls, ballots, close records and final records are
 * structurally valid (right fields, right shapes and lengths: 43-char base64url ids/keys, 86-char
 * base64url signatures) but the ids are not real hashes and the signatures do not verify. This
 * dataset measures document size and load cost; signing and verification cost is measured
 * separately.
 */

export const BUSY_CHAPTER = {
  years: 5,
  meetingsPerYear: 52,
  members: 200,
  polls: 500,
  textEdits: 50_000,
} as const;

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const LOWER = 'abcdefghijklmnopqrstuvwxyz0123456789';
const DAY = 86_400_000;
/** Monday 4 January 2021, 18:30 UTC: the first meeting. */
const START = Date.UTC(2021, 0, 4, 18, 30);

const WORDS = (
  'the we agreed to ask about rent tenants landlord repairs meeting next week follow up flyers ' +
  'canvass door knocking budget treasurer report members new welcome food bank pantry volunteers ' +
  'schedule saturday sunday evening hall booking city council hearing petition signatures proposal ' +
  'amend motion second discussion concerns timeline outreach newsletter social media training ' +
  'childcare accessibility translation spanish arabic legal clinic eviction defense campaign ' +
  'solidarity fund dues reimbursement receipts minutes action item owner deadline consensus'
).split(' ');

const FIRST = 'Ada Ali Amara Ana Ben Bilal Carla Chen Dana Dev Elif Emma Fatima Femi Grace Hana Ivan Jia Jonas Kemal Lea Leila Luca Maya Mei Nadia Noor Omar Priya Rosa Sam Sara Tariq Uma Vera Wei Yusuf Zara'.split(' ');
const LAST = 'Abara Becker Costa Diallo Evans Fischer Garcia Haddad Ito Jensen Khan Kowalski Lopez Moreau Nguyen Okafor Park Quinn Rossi Silva Tanaka Usman Varga Weber Yilmaz Zhou'.split(' ');

interface Member {
  readonly id: MemberId;
  readonly name: string;
  readonly devices: DeviceKey[];
  /** Yjs client id of each device, parallel to `devices`. */
  readonly clients: number[];
  readonly joinedWeek: number;
}

export interface BusyChapterOptions {
  /** Called after each simulated year (0-based) with the document as it stands. */
  readonly onYear?: (year: number, doc: Y.Doc) => void;
}

export function buildBusyChapter(seed: number, options: BusyChapterOptions = {}): Y.Doc {
  const random = mulberry32(seed);
  const int = (lo: number, hi: number): number => lo + Math.floor(random() * (hi - lo + 1));
  const pick = <T>(values: readonly T[]): T => values[Math.floor(random() * values.length)]!;
  const chars = (alphabet: string, length: number): string => {
    let out = '';
    for (let i = 0; i < length; i++) out += alphabet[Math.floor(random() * alphabet.length)]!;
    return out;
  };
  /** Stand-in for base64url(SHA-256(...)). */
  const hashId = (): string => chars(B64, 43);
  /** Stand-in for a base64url Ed25519 signature (64 bytes). */
  const signature = (): string => chars(B64, 86);
  const randomId = (): string => chars(LOWER, 21);
  const sentence = (min: number, max: number): string => {
    const n = int(min, max);
    const words: string[] = [];
    for (let i = 0; i < n; i++) words.push(pick(WORDS));
    const text = words.join(' ');
    return text.charAt(0).toUpperCase() + text.slice(1);
  };
  const iso = (ms: number): string => new Date(ms).toISOString();
  const usedClients = new Set<number>();
  const newClient = (): number => {
    for (;;) {
      const id = Math.floor(random() * 0xffffffff) >>> 0;
      if (id !== 0 && !usedClients.has(id)) {
        usedClients.add(id);
        return id;
      }
    }
  };

  const doc = new Y.Doc();
  const asDevice = (member: Member, device = 0): void => {
    doc.clientID = member.clients[Math.min(device, member.clients.length - 1)]!;
  };

  const chapterId = chars(LOWER, 26) as ChapterId;
  const details: ChapterDetails = {
    name: 'Riverside Tenants Union',
    location: { city: 'Riverside', region: 'North', country: 'Freedonia' },
    foundedOn: '2021-01-04',
    description: 'Tenants organising for repairs, fair rents and each other.',
    level: 'local',
  };

  // --- membership log ---------------------------------------------------------------------------
  const members: Member[] = [];
  let heads: EntryId[] = [];
  let counter = 0;
  const log = (member: Member, at: number, body: Record<string, unknown>): EntryId => {
    asDevice(member);
    const id = hashId() as EntryId;
    counter += 1;
    const entry = {
      id,
      chapterId,
      author: member.devices[0]!,
      parents: [...heads].sort(),
      counter,
      createdAt: iso(at),
      signature: signature(),
      ...body,
    } as unknown as MembershipEntry;
    appendMembershipEntry(doc, entry);
    heads = [id];
    return id;
  };

  const totalWeeks = BUSY_CHAPTER.years * BUSY_CHAPTER.meetingsPerYear;
  // Members join over the five years, a founding group first, then steadily.
  const joinWeeks: number[] = [];
  for (let i = 0; i < BUSY_CHAPTER.members; i++) joinWeeks.push(i < 40 ? 0 : Math.floor(((i - 40) / (BUSY_CHAPTER.members - 40)) * (totalWeeks - 10)));
  const memberName = (): string => `${pick(FIRST)} ${pick(LAST)}`;
  const joinMember = (week: number): Member => {
    const clients = [newClient()];
    const devices = [hashId() as DeviceKey];
    if (random() < 0.2) {
      clients.push(newClient());
      devices.push(hashId() as DeviceKey);
    }
    const name = memberName();
    const at = START + week * 7 * DAY - int(1, 6) * DAY;
    let id: MemberId;
    const provisional: Member = { id: '' as MemberId, name, devices, clients, joinedWeek: week };
    if (members.length === 0) {
      id = hashId() as MemberId;
      doc.clientID = clients[0]!;
      createChapterDocument(doc, details, iso(at));
      log(provisional, at, { type: 'found', memberId: id, name, deviceKey: devices[0] });
      log(provisional, at + 60_000, { type: 'set-admission-rule', rule: { kind: 'any-member' } });
    } else {
      const requestId = log(provisional, at, { type: 'request', name, deviceKey: devices[0] });
      id = requestId as unknown as MemberId;
      log(pick(members), at + int(1, 48) * 3_600_000, { type: 'admit', requestId });
    }
    const member: Member = { ...provisional, id };
    if (devices.length > 1) log(member, at + 2 * DAY, { type: 'link-device', deviceKey: devices[1] });
    members.push(member);
    return member;
  };
  const grantRoles = (week: number): void => {
    const at = START + week * 7 * DAY;
    const granter = members[0]!;
    for (const role of ['convener', 'secretary', 'teller', 'teller'] as Role[]) log(granter, at, { type: 'grant-role', memberId: pick(members).id, role });
  };

  // --- meetings ---------------------------------------------------------------------------------
  const editsBefore = (meeting: number): number => Math.round((BUSY_CHAPTER.textEdits * meeting) / totalWeeks);
  const pollsBefore = (meeting: number): number => Math.round((BUSY_CHAPTER.polls * meeting) / totalWeeks);
  const openActions: string[] = [];

  /** Types `edits` small edits into the item's minutes the way a note taker does. */
  const typeMinutes = (itemId: string, edits: number): string => {
    const text = sharedText(agendaNotes(doc, itemId)!);
    let cursor = 0;
    let length = 0;
    for (let e = 0; e < edits; e++) {
      const roll = random();
      if (roll < 0.8 || length < 8) {
        // A word or a short burst, mostly at the cursor.
        const burst = random() < 0.15 ? `. ${sentence(1, 3)}` : `${length > 0 ? ' ' : ''}${pick(WORDS)}`;
        text.apply({ index: cursor, deleteCount: 0, insert: burst });
        cursor += burst.length;
        length += burst.length;
      } else if (roll < 0.93) {
        // Backspace over a typo.
        const count = Math.min(int(1, 6), cursor);
        text.apply({ index: cursor - count, deleteCount: count, insert: '' });
        cursor -= count;
        length -= count;
      } else if (roll < 0.97) {
        // Click somewhere else and carry on.
        cursor = int(0, length);
      } else {
        // Replace a word: select and retype.
        const at = int(0, Math.max(0, length - 6));
        const count = Math.min(int(2, 6), length - at);
        const word = pick(WORDS);
        text.apply({ index: at, deleteCount: count, insert: word });
        length += word.length - count;
        cursor = at + word.length;
      }
    }
    return text.read();
  };

  const runPoll = (index: number, week: number, creator: Member): PollId => {
    const opened = START + week * 7 * DAY + int(0, 3) * 3_600_000;
    const closesAt = opened + int(2, 10) * DAY;
    const method = pick<PollMethod>(['yesno', 'yesno', 'yesno', 'consent', 'plurality', 'approval', 'score', 'irv', 'stv', 'schulze']);
    const candidate = method !== 'yesno' && method !== 'consent';
    const options = candidate ? Array.from({ length: int(2, 7) }, () => sentence(1, 4)) : [];
    asDevice(creator);
    const poll: SignedPoll = {
      v: 1,
      kind: 'poll',
      chapterId,
      question: `${sentence(4, 12)}? (#${index + 1})`,
      description: sentence(10, 60),
      options,
      method,
      seats: method === 'stv' ? int(2, 3) : 1,
      threshold: random() < 0.8 ? 'simple' : 'twoThirds',
      quorum: method === 'yesno' || method === 'consent' ? int(0, 20) : 0,
      closesAt: iso(closesAt),
      showResultsBeforeClose: random() < 0.5,
      allowBallotChange: random() < 0.7,
      anyMemberMayClose: random() < 0.3,
      scope: 'chapter',
      weightRule: 'equal',
      createdBy: creator.devices[0]!,
      createdAt: iso(opened),
      id: hashId(),
      signature: signature(),
    };
    createPoll(doc, poll);
    const eligible = members.filter((m) => m.joinedWeek <= week);
    const turnout = 0.2 + random() * 0.35;
    const ballotIds: string[] = [];
    const choose = (): BallotChoice => {
      switch (method) {
        case 'yesno':
          return { vote: pick(['yes', 'yes', 'no', 'abstain'] as const) };
        case 'consent':
          return random() < 0.1 ? { response: 'block', reason: sentence(5, 20) } : { response: pick(['agree', 'agree', 'standAside'] as const) };
        case 'plurality':
          return { choice: random() < 0.03 ? null : pick(options) };
        case 'approval':
          return { approved: options.filter(() => random() < 0.5) };
        case 'score':
          return { scores: Object.fromEntries(options.map((o) => [o, int(0, 5)])) };
        default: {
          const order = [...options];
          for (let j = order.length - 1; j > 0; j--) {
            const k = Math.floor(random() * (j + 1));
            [order[j], order[k]] = [order[k]!, order[j]!];
          }
          return { ranking: order.slice(0, int(1, order.length)) };
        }
      }
    };
    for (const voter of eligible) {
      if (random() >= turnout) continue;
      const device = int(0, voter.devices.length - 1);
      const changes = poll.allowBallotChange && random() < 0.06 ? 2 : 1;
      for (let seq = 1; seq <= changes; seq++) {
        asDevice(voter, device);
        const ballot: SignedBallot = {
          v: 1,
          kind: 'ballot',
          pollId: poll.id,
          chapterId,
          voter: voter.devices[device]!,
          seq,
          choice: choose(),
          castAt: iso(opened + Math.floor(random() * (closesAt - opened))),
          id: hashId(),
          signature: signature(),
        };
        appendBallot(doc, ballot);
        if (seq === changes) ballotIds.push(ballot.id);
      }
    }
    const closer = pick(members.slice(0, Math.min(members.length, 20)));
    asDevice(closer);
    appendCloseRecord(doc, {
      v: 1,
      kind: 'close',
      pollId: poll.id,
      chapterId,
      closer: closer.devices[0]!,
      closedAt: iso(closesAt),
      early: false,
      ballots: ballotIds.sort(),
      id: hashId(),
      signature: signature(),
    });
    return poll.id as PollId;
  };

  const runMeeting = (index: number): void => {
    const week = index;
    const startsAt = START + week * 7 * DAY;
    const present = members.filter(() => random() < 0.3);
    if (present.length === 0) present.push(members[0]!);
    const facilitator = pick(present);
    const noteTaker = pick(present);
    const secretary = pick(present);
    const meetingId = randomId();
    asDevice(secretary);
    createMeeting(
      doc,
      meetingId,
      {
        title: `General meeting ${index + 1}: ${sentence(2, 5)}`,
        startsAt: iso(startsAt),
        place: random() < 0.7 ? 'Community hall, 12 River Street' : '',
        link: random() < 0.5 ? `https://meet.example.org/${chars(LOWER, 10)}` : '',
        facilitatorId: facilitator.id as unknown as MeetingMemberId,
        noteTakerIds: [noteTaker.id as unknown as MeetingMemberId],
      },
      secretary.id,
      iso(startsAt - int(2, 10) * DAY),
    );

    // Polls of the week, some linked from agenda items.
    const pollIds: PollId[] = [];
    for (let p = pollsBefore(index); p < pollsBefore(index + 1); p++) pollIds.push(runPoll(p, week, pick(members)));

    // Agenda, prepared by the facilitator.
    asDevice(facilitator);
    const items: string[] = [];
    const itemCount = int(4, 8);
    for (let i = 0; i < itemCount; i++) {
      const itemId = randomId();
      const guestPresenter = random() < 0.05;
      createAgendaItem(
        doc,
        itemId,
        meetingId,
        {
          title: sentence(2, 6),
          presenter: guestPresenter ? { kind: 'guest', name: memberName() } : { kind: 'member', memberId: pick(present).id as unknown as MeetingMemberId },
          timeboxMinutes: pick([5, 10, 10, 15, 20, 30]),
          pollId: i < pollIds.length ? pollIds[i]! : null,
        },
        `a${String.fromCharCode(48 + i)}`,
      );
      items.push(itemId);
    }
    if (random() < 0.15) setAgendaRemoved(doc, items[items.length - 1]!, true);

    // Check-in at the door.
    asDevice(secretary);
    const at = iso(startsAt);
    for (const member of present) setAttendance(doc, meetingId, member.id, true, secretary.id, at);
    for (let g = int(0, 3); g > 0; g--) addGuest(doc, meetingId, randomId(), memberName());

    // Speaker queue.
    let stamp = 0;
    for (let turn = int(3, 12); turn > 0; turn--) {
      const speaker = pick(present);
      asDevice(speaker);
      stamp += 1;
      appendQueueEntry(doc, meetingId, { kind: 'raise', memberId: speaker.id, stamp, at: startsAt + stamp * 60_000 });
      asDevice(facilitator);
      appendQueueEntry(doc, meetingId, { kind: 'call', memberId: speaker.id, stamp, at: startsAt + stamp * 60_000 + 5_000 });
      appendQueueEntry(doc, meetingId, { kind: 'end', memberId: speaker.id, stamp, at: startsAt + stamp * 60_000 + 90_000 });
    }

    // Minutes: this meeting's share of the 50,000 edits, spread over its items.
    asDevice(noteTaker);
    const budget = editsBefore(index + 1) - editsBefore(index);
    const weights = items.map(() => 0.3 + random());
    const sum = weights.reduce((a, b) => a + b, 0);
    let done = 0;
    const minutes: { title: string; notes: string }[] = [];
    items.forEach((itemId, i) => {
      const share = i === items.length - 1 ? budget - done : Math.round((budget * weights[i]!) / sum);
      done += share;
      minutes.push({ title: itemId, notes: typeMinutes(itemId, share) });
    });

    // Decisions and action items.
    for (let d = int(1, 3); d > 0; d--) {
      const method = pick<DecisionMethod>(['consensus', 'consent', 'majority', 'majority', 'poll']);
      const counted = method === 'majority' || method === 'consent';
      createDecision(
        doc,
        randomId(),
        meetingId,
        pick(items),
        {
          text: sentence(8, 30),
          method,
          counts: counted ? { for: int(5, 40), against: int(0, 10), abstain: int(0, 5), standAside: int(0, 3), block: 0 } : null,
          pollId: method === 'poll' && pollIds.length > 0 ? pollIds[0]! : null,
          dissent: random() < 0.2 ? [{ who: { kind: 'member', memberId: pick(present).id as unknown as MeetingMemberId }, position: sentence(6, 25) }] : [],
        },
        iso(startsAt + int(10, 100) * 60_000),
      );
    }
    for (let a = int(2, 5); a > 0; a--) {
      const actionId = randomId();
      createActionItem(
        doc,
        actionId,
        meetingId,
        random() < 0.8 ? pick(items) : null,
        {
          what: sentence(4, 14),
          ownerId: random() < 0.9 ? (pick(present).id as unknown as MeetingMemberId) : null,
          due: random() < 0.7 ? iso(startsAt + int(3, 30) * DAY).slice(0, 10) : null,
          status: 'open',
        },
        iso(startsAt + int(10, 100) * 60_000),
      );
      openActions.push(actionId);
    }
    // Earlier action items get closed over the following weeks.
    for (let c = int(1, 4); c > 0 && openActions.length > 0; c--) {
      const id = openActions.splice(Math.floor(random() * openActions.length), 1)[0]!;
      setActionStatus(doc, id, pick<ActionStatus>(['done', 'done', 'done', 'dropped']));
    }

    // The signed final record. Its snapshot stands in for minutesJson's canonical text (same content:
    // the meeting, the items and their full minutes), hash and signature are dummies.
    asDevice(secretary);
    writeFinal(doc, meetingId, {
      snapshot: JSON.stringify({ v: 1, meetingId, startsAt: at, present: present.map((m) => m.id).sort(), items: minutes }),
      hash: chars('0123456789abcdef', 64),
      signature: signature(),
      signer: secretary.devices[0]!,
      signerMemberId: secretary.id,
      at: iso(startsAt + 3 * 3_600_000),
    });
  };

  const runProject = (week: number): void => {
    const creator = pick(members);
    const at = START + week * 7 * DAY + int(1, 5) * DAY;
    const projectId = randomId();
    asDevice(creator);
    createProject(
      doc,
      projectId,
      { title: sentence(2, 6), description: sentence(20, 80), kind: pick(['mutual-aid', 'tool-share', 'skill-share', 'campaign', 'other'] as const) },
      { id: creator.id, name: creator.name },
      iso(at),
    );
    for (let p = int(2, 15); p > 0; p--) {
      const who = pick(members);
      asDevice(who);
      setParticipation(doc, projectId, { id: who.id, name: who.name }, true);
    }
    for (let o = int(2, 8); o > 0; o--) {
      const author = pick(members);
      const offerId = randomId();
      asDevice(author);
      addOffer(
        doc,
        offerId,
        projectId,
        {
          direction: random() < 0.5 ? 'offer' : 'request',
          category: pick(OFFER_CATEGORIES),
          title: sentence(2, 6),
          details: sentence(5, 30),
          availability: pick(['weekends', 'evenings', 'any time', '']),
        },
        { id: author.id, name: author.name },
        iso(at + o * 3_600_000),
      );
      if (random() < 0.6) {
        const claimer = pick(members);
        asDevice(claimer);
        setOfferStatus(doc, offerId, 'claimed', { id: claimer.id, name: claimer.name });
      }
    }
  };

  let nextMember = 0;
  for (let year = 0; year < BUSY_CHAPTER.years; year++) {
    for (let w = 0; w < BUSY_CHAPTER.meetingsPerYear; w++) {
      const week = year * BUSY_CHAPTER.meetingsPerYear + w;
      while (nextMember < BUSY_CHAPTER.members && joinWeeks[nextMember]! <= week) joinMember(joinWeeks[nextMember++]!);
      if (week === 0) {
        asDevice(members[0]!);
        setQuorumRule(doc, { kind: 'percent', percent: 25 });
      }
      if (w === 0) grantRoles(week);
      runMeeting(week);
      if (w % 8 === 4) runProject(week);
    }
    options.onYear?.(year, doc);
  }
  return doc;
}
