import type { ActionItemId, AgendaItemId, DecisionId, MeetingId, MemberId, PollId } from '../../../src/domain/meeting/ids';
import type { ActionItem, Decision, MinutesSnapshot } from '../../../src/domain/meeting/types';

export const member = (id: string) => id as MemberId;
export const meetingId = (id: string) => id as MeetingId;
export const agendaId = (id: string) => id as AgendaItemId;
export const decisionId = (id: string) => id as DecisionId;
export const actionId = (id: string) => id as ActionItemId;
export const pollId = (id: string) => id as PollId;

export const NAMES: Readonly<Record<string, string>> = { ana: 'Ana Ruiz', bo: 'Bo Chen', cy: 'Cy Okafor', dee: 'Dee' };

export function action(overrides: Omit<Partial<ActionItem>, 'id'> & { readonly id: string }): ActionItem {
  return {
    what: 'Book the hall',
    ownerId: member('ana'),
    due: null,
    status: 'open',
    meetingId: meetingId('m1'),
    agendaItemId: null,
    ...overrides,
    id: actionId(overrides.id),
  };
}

const budgetDecision: Decision = {
  id: decisionId('d1'),
  text: 'Adopt the 2027 budget as amended.',
  method: 'majority',
  counts: { for: 7, against: 2, abstain: 1, standAside: 0, block: 0 },
  pollId: null,
  dissent: [
    { who: { kind: 'member', memberId: member('bo') }, position: 'The rent line is too optimistic.\nWe will regret it.' },
    { who: { kind: 'member', memberId: member('cy') }, position: 'Spend more on outreach.' },
  ],
};

const strikeDecision: Decision = {
  id: decisionId('d2'),
  text: 'Join the rent strike coalition.',
  method: 'consensus',
  counts: null,
  pollId: pollId('poll-7'),
  dissent: [{ who: { kind: 'guest', name: 'Eve (coalition)' }, position: 'Ask the tenants first.' }],
};

export function sampleSnapshot(): MinutesSnapshot {
  return {
    meeting: {
      id: meetingId('m1'),
      title: 'General assembly',
      startsAt: '2026-12-01T18:30:00+01:00',
      place: 'Union hall, room 2',
      link: 'https://meet.example.org/ga',
      facilitatorId: member('ana'),
      noteTakerIds: [member('bo')],
    },
    status: 'draft',
    attendance: { memberIds: [member('ana'), member('bo'), member('cy')], guests: ['Eve (coalition)'] },
    quorum: { met: true, present: 3, required: 3 },
    items: [
      {
        item: {
          id: agendaId('a2'),
          title: 'Rent strike',
          presenter: { kind: 'guest', name: 'Eve (coalition)' },
          timeboxMinutes: 20,
          pollId: pollId('poll-7'),
          orderKey: 'b',
        },
        notes: 'Eve reported on **three** buildings.',
        decisions: [strikeDecision],
      },
      {
        item: {
          id: agendaId('a1'),
          title: 'Budget',
          presenter: { kind: 'member', memberId: member('cy') },
          timeboxMinutes: 15,
          pollId: null,
          orderKey: 'a',
        },
        notes: '- rent\n- printing',
        decisions: [budgetDecision],
      },
    ],
    actionItems: [
      action({ id: 'x1', what: 'Send the budget to members', ownerId: member('cy'), due: '2026-12-08', agendaItemId: agendaId('a1') }),
      action({ id: 'x2', what: 'Call the tenants', ownerId: member('bo'), due: null }),
      action({ id: 'x3', what: 'Print flyers', ownerId: null, due: '2026-12-03', status: 'done' }),
    ],
  };
}
