import { describe, expect, it } from 'vitest';
import { agendaTitleFrom, isOverdue, offerAsAgendaItems, openActionItems } from '../../../src/domain/meeting/action-items';
import { action, actionId, meetingId, member } from './fixtures';

const items = [
  action({ id: 'a', due: null, meetingId: meetingId('m1') }),
  action({ id: 'b', due: '2026-12-10', meetingId: meetingId('m2') }),
  action({ id: 'c', due: '2026-11-01', meetingId: meetingId('m1'), status: 'done' }),
  action({ id: 'd', due: '2026-11-20', meetingId: meetingId('m2'), ownerId: null }),
  action({ id: 'e', due: 'someday', meetingId: meetingId('m3') }),
  action({ id: 'f', due: '2026-12-10', meetingId: meetingId('m1'), status: 'dropped' }),
  action({ id: 'g', due: '2026-12-10', meetingId: meetingId('m1') }),
];

describe('openActionItems', () => {
  it('keeps open items from all meetings, soonest first, undated last', () => {
    expect(openActionItems(items).map((i) => i.id)).toEqual(['d', 'g', 'b', 'a', 'e']);
  });

  it('knows what is overdue', () => {
    expect(items.filter((i) => isOverdue(i, '2026-12-10')).map((i) => i.id)).toEqual(['d']);
  });
});

describe('offerAsAgendaItems', () => {
  it('offers open items as report-back agenda items, skipping ones already on the agenda', () => {
    const offers = offerAsAgendaItems(items, { today: '2026-11-24', alreadyOnAgenda: [actionId('b')], timeboxMinutes: 3 });
    expect(offers.map((o) => o.actionItemId)).toEqual(['d', 'g', 'a', 'e']);
    expect(offers[0]).toEqual({ actionItemId: 'd', title: 'Book the hall', presenter: null, timeboxMinutes: 3, overdue: true });
    expect(offers[1]).toMatchObject({ presenter: { kind: 'member', memberId: member('ana') }, overdue: false, timeboxMinutes: 3 });
  });

  it('shortens long descriptions to a valid agenda title without splitting emoji', () => {
    expect(agendaTitleFrom('  Call\n the   tenants ')).toBe('Call the tenants');
    const long = agendaTitleFrom(`${'a'.repeat(198)}😀😀`);
    expect(long).toHaveLength(199);
    expect(long.endsWith('a…')).toBe(true);
    expect(agendaTitleFrom('w'.repeat(1000))).toHaveLength(200);
  });
});
