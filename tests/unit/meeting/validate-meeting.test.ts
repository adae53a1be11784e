import { describe, expect, it } from 'vitest';
import { parseIsoDateTime } from '../../../src/domain/meeting/iso-time';
import type { ActionItemDetails, AgendaItemDetails, DecisionDetails, MeetingDetails } from '../../../src/domain/meeting/types';
import { validateDecision } from '../../../src/domain/meeting/validate-decision';
import { CLOCK_SKEW_MS, validateActionItem, validateAgendaItem, validateMeeting } from '../../../src/domain/meeting/validate-meeting';
import { member, pollId } from './fixtures';

const NOW = Date.parse('2026-11-24T12:00:00Z');
const NEW = { now: NOW, isNew: true };
const HUGE = 'x'.repeat(5 * 1024 * 1024);

const meeting: MeetingDetails = {
  title: 'General assembly',
  startsAt: '2026-12-01T18:30:00+01:00',
  place: 'Union hall',
  link: '',
  facilitatorId: member('ana'),
  noteTakerIds: [member('bo'), member('bo'), member('cy')],
};

const codes = (result: { ok: boolean; error?: readonly { field: string; code: string }[] }) =>
  result.ok ? [] : (result.error ?? []).map((e) => `${e.field}:${e.code}`);

describe('validateMeeting', () => {
  it('accepts a good meeting, trims text and drops duplicate note takers', () => {
    const result = validateMeeting({ ...meeting, title: '  General assembly ' }, NEW);
    expect(result).toEqual({ ok: true, value: { ...meeting, noteTakerIds: [member('bo'), member('cy')] } });
  });

  it('requires a title', () => {
    for (const title of ['', '   ', '\n\t']) expect(codes(validateMeeting({ ...meeting, title }, NEW))).toEqual(['title:required']);
  });

  it('accepts 200 characters and rejects 201', () => {
    expect(validateMeeting({ ...meeting, title: 'a'.repeat(200) }, NEW).ok).toBe(true);
    expect(codes(validateMeeting({ ...meeting, title: 'a'.repeat(201) }, NEW))).toEqual(['title:tooLong']);
  });

  it('turns a 5 MB paste into a small typed error in every text field', () => {
    for (const field of ['title', 'place', 'link'] as const) {
      const result = validateMeeting({ ...meeting, [field]: HUGE }, NEW);
      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(result.error).toEqual([expect.objectContaining({ field, code: 'tooLong' })]);
        expect(JSON.stringify(result.error).length).toBeLessThan(200);
      }
    }
    expect(codes(validateMeeting({ ...meeting, startsAt: HUGE }, NEW))).toEqual(['startsAt:invalidDateTime']);
  });

  it('rejects new meetings in the past but allows five minutes of clock skew', () => {
    const at = (ms: number) => new Date(ms).toISOString();
    expect(validateMeeting({ ...meeting, startsAt: at(NOW - CLOCK_SKEW_MS) }, NEW).ok).toBe(true);
    expect(validateMeeting({ ...meeting, startsAt: at(NOW - 60_000) }, NEW).ok).toBe(true);
    const late = validateMeeting({ ...meeting, startsAt: at(NOW - CLOCK_SKEW_MS - 1000) }, NEW);
    expect(late).toEqual({ ok: false, error: [{ field: 'startsAt', code: 'inPast', earliest: '2026-11-24T11:55:00.000Z' }] });
    expect(validateMeeting({ ...meeting, startsAt: '2020-01-01T10:00:00Z' }, { now: NOW, isNew: false }).ok).toBe(true);
  });

  it('compares instants across offsets', () => {
    // 12:30+02:00 is 10:30Z, which is in the past at 12:00Z.
    expect(codes(validateMeeting({ ...meeting, startsAt: '2026-11-24T12:30:00+02:00' }, NEW))).toEqual(['startsAt:inPast']);
    expect(validateMeeting({ ...meeting, startsAt: '2026-11-24T12:30:00-02:00' }, NEW).ok).toBe(true);
  });

  it('rejects malformed and zone-less date-times', () => {
    for (const startsAt of ['2026-12-01', '2026-12-01T18:30', '2026-02-30T10:00Z', '2026-12-01T24:00Z', '2026-12-01 18:30Z', 'tomorrow']) {
      expect(codes(validateMeeting({ ...meeting, startsAt }, NEW)), startsAt).toEqual(['startsAt:invalidDateTime']);
    }
    expect(codes(validateMeeting({ ...meeting, startsAt: ' ' }, NEW))).toEqual(['startsAt:required']);
  });

  it('limits place to 500 characters and accepts only http(s) links', () => {
    expect(validateMeeting({ ...meeting, place: 'p'.repeat(500) }, NEW).ok).toBe(true);
    expect(codes(validateMeeting({ ...meeting, place: 'p'.repeat(501) }, NEW))).toEqual(['place:tooLong']);
    expect(validateMeeting({ ...meeting, link: 'https://meet.example.org/x?y=1' }, NEW).ok).toBe(true);
    for (const link of ['javascript:alert(1)', 'meet.example.org', 'https://a b', 'data:text/html,x']) {
      expect(codes(validateMeeting({ ...meeting, link }, NEW)), link).toEqual(['link:invalidLink']);
    }
  });

  it('reports every bad field at once', () => {
    expect(codes(validateMeeting({ ...meeting, title: '', startsAt: 'x', place: HUGE }, NEW))).toEqual([
      'title:required',
      'startsAt:invalidDateTime',
      'place:tooLong',
    ]);
  });
});

describe('parseIsoDateTime', () => {
  it('agrees with Date.parse on valid inputs', () => {
    for (const value of ['2026-12-01T18:30:00+01:00', '1999-12-31T23:59:59.999Z', '2024-02-29T00:00Z', '0050-06-01T12:00:00-05:30']) {
      expect(parseIsoDateTime(value), value).toBe(Date.parse(value));
    }
  });
});

describe('validateAgendaItem', () => {
  const item: AgendaItemDetails = { title: 'Budget', presenter: null, timeboxMinutes: 15, pollId: null };

  it('checks title and timebox bounds', () => {
    expect(validateAgendaItem(item).ok).toBe(true);
    expect(validateAgendaItem({ ...item, timeboxMinutes: 0 }).ok).toBe(true);
    expect(validateAgendaItem({ ...item, timeboxMinutes: 600 }).ok).toBe(true);
    for (const timeboxMinutes of [-1, 601, 1.5, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(codes(validateAgendaItem({ ...item, timeboxMinutes })), String(timeboxMinutes)).toEqual(['timeboxMinutes:outOfRange']);
    }
    expect(codes(validateAgendaItem({ ...item, title: ' ' }))).toEqual(['title:required']);
    expect(codes(validateAgendaItem({ ...item, title: HUGE }))).toEqual(['title:tooLong']);
  });

  it('requires a name for guest presenters', () => {
    expect(codes(validateAgendaItem({ ...item, presenter: { kind: 'guest', name: '' } }))).toEqual(['presenter:required']);
    expect(validateAgendaItem({ ...item, presenter: { kind: 'member', memberId: member('ana') } }).ok).toBe(true);
  });
});

describe('validateActionItem', () => {
  const item: ActionItemDetails = { what: 'Book the hall', ownerId: member('ana'), due: '2026-12-01', status: 'open' };

  it('checks what and due date', () => {
    expect(validateActionItem(item).ok).toBe(true);
    expect(validateActionItem({ ...item, what: 'w'.repeat(1000) }).ok).toBe(true);
    expect(codes(validateActionItem({ ...item, what: 'w'.repeat(1001) }))).toEqual(['what:tooLong']);
    expect(codes(validateActionItem({ ...item, what: HUGE }))).toEqual(['what:tooLong']);
    expect(codes(validateActionItem({ ...item, what: '' }))).toEqual(['what:required']);
    expect(codes(validateActionItem({ ...item, due: '2026-13-01' }))).toEqual(['due:invalidDate']);
    expect(codes(validateActionItem({ ...item, status: 'lost' as never }))).toEqual(['status:invalidStatus']);
  });

  it('treats an empty due date as no deadline', () => {
    expect(validateActionItem({ ...item, due: ' ' })).toEqual({ ok: true, value: { ...item, due: null } });
    expect(validateActionItem({ ...item, due: null }).ok).toBe(true);
  });
});

describe('validateDecision', () => {
  const decision: DecisionDetails = {
    text: 'Adopt the budget',
    method: 'majority',
    counts: { for: 5, against: 1, abstain: 0, standAside: 0, block: 0 },
    pollId: null,
    dissent: [{ who: { kind: 'member', memberId: member('bo') }, position: '  Too optimistic.  ' }],
  };

  it('accepts counts of zero and keeps dissent verbatim', () => {
    const result = validateDecision(decision);
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.value.dissent[0]?.position).toBe('  Too optimistic.  ');
    expect(validateDecision({ ...decision, counts: null }).ok).toBe(true);
  });

  it('rejects negative, fractional and non-finite counts', () => {
    const bad = { for: -1, against: 1.5, abstain: Number.NaN, standAside: Number.POSITIVE_INFINITY, block: 0 };
    expect(codes(validateDecision({ ...decision, counts: bad }))).toEqual([
      'counts:invalidCount',
      'counts:invalidCount',
      'counts:invalidCount',
      'counts:invalidCount',
    ]);
  });

  it('requires text, a known method, a poll for poll decisions and non-empty dissent', () => {
    expect(codes(validateDecision({ ...decision, text: '' }))).toEqual(['text:required']);
    expect(codes(validateDecision({ ...decision, text: HUGE }))).toEqual(['text:tooLong']);
    expect(codes(validateDecision({ ...decision, method: 'coinflip' as never }))).toEqual(['method:invalidMethod']);
    expect(codes(validateDecision({ ...decision, method: 'poll' }))).toEqual(['pollId:required']);
    expect(validateDecision({ ...decision, method: 'poll', pollId: pollId('p1') }).ok).toBe(true);
    const emptyDissent = validateDecision({ ...decision, dissent: [{ who: { kind: 'guest', name: '' }, position: ' ' }] });
    expect(emptyDissent).toEqual({
      ok: false,
      error: [
        { field: 'dissent', index: 0, code: 'whoRequired' },
        { field: 'dissent', index: 0, code: 'required' },
      ],
    });
  });
});
