import type { Brand } from '../ids';

/** Branded ids for the meeting domain: a MemberId can never be passed where a PollId is expected. */
export type MeetingId = Brand<string, 'MeetingId'>;
export type AgendaItemId = Brand<string, 'AgendaItemId'>;
export type DecisionId = Brand<string, 'DecisionId'>;
export type ActionItemId = Brand<string, 'ActionItemId'>;
export type MemberId = Brand<string, 'MemberId'>;
export type PollId = Brand<string, 'PollId'>;
