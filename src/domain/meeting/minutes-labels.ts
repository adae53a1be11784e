import type { ActionStatus, DecisionCounts, DecisionMethod, MinutesStatus } from './types';

/**
 * Every word the Markdown export prints. Templates use {placeholders}; values are escaped before they
 * are filled in, labels themselves are trusted. The UI passes translated labels.
 */
export interface MinutesLabels {
  readonly heading: string;
  readonly date: string;
  readonly place: string;
  readonly link: string;
  readonly facilitator: string;
  readonly noteTakers: string;
  readonly status: string;
  readonly minutesStatus: Readonly<Record<MinutesStatus, string>>;
  readonly attendance: string;
  readonly members: string;
  readonly guests: string;
  readonly nobody: string;
  readonly quorum: string;
  readonly quorumMet: string;
  readonly quorumNotMet: string;
  readonly agenda: string;
  readonly presentedBy: string;
  readonly timebox: string;
  readonly guestName: string;
  readonly decisions: string;
  readonly decision: string;
  readonly method: string;
  readonly methods: Readonly<Record<DecisionMethod, string>>;
  readonly votes: string;
  readonly counts: Readonly<Record<keyof DecisionCounts, string>>;
  readonly poll: string;
  readonly dissent: string;
  readonly actionItems: string;
  readonly what: string;
  readonly who: string;
  readonly due: string;
  readonly actionStatus: string;
  readonly actionStatuses: Readonly<Record<ActionStatus, string>>;
  readonly unassigned: string;
  readonly noDueDate: string;
  readonly none: string;
}

export const ENGLISH_MINUTES_LABELS: MinutesLabels = {
  heading: 'Minutes: {title}',
  date: 'Date',
  place: 'Place',
  link: 'Link',
  facilitator: 'Facilitator',
  noteTakers: 'Note takers',
  status: 'Status',
  minutesStatus: { draft: 'Draft', final: 'Final' },
  attendance: 'Attendance',
  members: 'Members ({count})',
  guests: 'Guests ({count})',
  nobody: 'none',
  quorum: 'Quorum',
  quorumMet: 'met ({present} present, {required} required)',
  quorumNotMet: 'not met ({present} present, {required} required)',
  agenda: 'Agenda',
  presentedBy: 'Presented by {name}',
  timebox: '{minutes} min',
  guestName: '{name} (guest)',
  decisions: 'Decisions',
  decision: 'Decision {number}',
  method: 'Method',
  methods: { consensus: 'Consensus', consent: 'Consent', majority: 'Majority vote', poll: 'Poll', other: 'Other' },
  votes: 'Votes',
  counts: { for: 'For', against: 'Against', abstain: 'Abstain', standAside: 'Stand aside', block: 'Block' },
  poll: 'Poll',
  dissent: 'Dissent and minority positions',
  actionItems: 'Action items',
  what: 'What',
  who: 'Who',
  due: 'Due',
  actionStatus: 'Status',
  actionStatuses: { open: 'Open', done: 'Done', dropped: 'Dropped' },
  unassigned: 'unassigned',
  noDueDate: '—',
  none: 'None.',
};

/** Fills {name} placeholders in one pass, so braces inside the values are never expanded again. */
export function fillLabel(template: string, values: Readonly<Record<string, string | number>>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}
