import type { AdmissionRule, AdmitEntry, MemberId, RequestEntry } from './types';

/** Everything a policy may look at when one valid member signs an 'admit'. */
export interface AdmissionContext {
  readonly rule: AdmissionRule;
  readonly request: RequestEntry;
  readonly admit: AdmitEntry;
  /** Distinct members whose admits for this request were counted, including this one. */
  readonly endorsers: ReadonlySet<MemberId>;
  /** Members active at this point of the log. */
  readonly activeMembers: number;
  /** True when `admit.pollId` was put to a vote for this very request by a valid earlier 'link-poll' entry. */
  readonly pollLinked: boolean;
}

export type AdmissionRejection = 'pollRequired' | 'pollNotLinked' | 'pollNotPassed';

export type AdmissionOutcome =
  /** The request is admitted by this entry. */
  | { readonly kind: 'admitted' }
  /** Put to a poll that has no final close record yet: counts for nothing until the close. */
  | { readonly kind: 'awaitingVote' }
  /** The admit is counted, but the rule is not satisfied yet. */
  | { readonly kind: 'endorsed' }
  | { readonly kind: 'rejected'; readonly reason: AdmissionRejection };

/** 'passed' / 'failed': the poll has a final close record with that result; 'open': it has none (yet). */
export type PollStatus = 'passed' | 'failed' | 'open';

/** Pluggable so polls (or other rules) can be wired in without touching the validator. */
export interface AdmissionPolicy {
  readonly decide: (context: AdmissionContext) => AdmissionOutcome;
  /** Decides admissions and removals put to a vote: only 'passed' lets them count (see `createAdmissionPolicy`). */
  readonly pollStatus: (pollId: string) => PollStatus;
}

export interface AdmissionPolicyOptions {
  /**
   * Evidence from outside the log: the ids of polls that have a final close record whose result
   * passes. Must be a pure function of the synced chapter data (the app computes it from the
   * polls in the document), so every device decides alike. Default: no poll passed.
   */
  readonly passedPolls?: ReadonlySet<string>;
  /**
   * The ids of polls that have a final close record, whatever its result (a superset of
   * `passedPolls`, same purity rule). A linked poll in neither set is still open. Default: none
   * known closed, so every poll that did not pass counts as open.
   */
  readonly closedPolls?: ReadonlySet<string>;
}

const ADMITTED: AdmissionOutcome = { kind: 'admitted' };
const AWAITING: AdmissionOutcome = { kind: 'awaitingVote' };
const ENDORSED: AdmissionOutcome = { kind: 'endorsed' };
const NONE: ReadonlySet<string> = new Set();

/**
 * The rule for votes: an admission or removal put to a chapter poll counts only once the poll's
 * final close record exists and its result passes. The evidence is not positional: the admit
 * takes effect at its own place in the log, whenever the close record arrives (it lives beside
 * the log, not in it). Until the close the entry is "waiting for the vote" (pending, not
 * invalid) and changes nothing; a poll closed without passing makes it invalid for good.
 */
export function createAdmissionPolicy(options: AdmissionPolicyOptions = {}): AdmissionPolicy {
  const passed = options.passedPolls ?? NONE;
  const closed = options.closedPolls ?? NONE;
  const pollStatus = (pollId: string): PollStatus => (passed.has(pollId) ? 'passed' : closed.has(pollId) ? 'failed' : 'open');
  const byStatus = { passed: ADMITTED, open: AWAITING, failed: { kind: 'rejected', reason: 'pollNotPassed' } } as const;
  return {
    pollStatus,
    decide({ rule, admit, endorsers, activeMembers, pollLinked }) {
      switch (rule.kind) {
        case 'any-member':
          return ADMITTED;
        case 'n-members':
          // Capped at the active membership, so a small chapter cannot lock itself out.
          return endorsers.size >= Math.min(rule.n, activeMembers) ? ADMITTED : ENDORSED;
        case 'poll':
          if (admit.pollId === undefined) return { kind: 'rejected', reason: 'pollRequired' };
          // A poll about something else (or linked by a forged entry) never admits anyone.
          if (!pollLinked) return { kind: 'rejected', reason: 'pollNotLinked' };
          return byStatus[pollStatus(admit.pollId)];
      }
    },
  };
}

export const defaultAdmissionPolicy: AdmissionPolicy = createAdmissionPolicy();
