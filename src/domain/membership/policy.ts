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
  /** The admit is counted, but the rule is not satisfied yet. */
  | { readonly kind: 'endorsed' }
  | { readonly kind: 'rejected'; readonly reason: AdmissionRejection };

/** Pluggable so polls (or other rules) can be wired in without touching the validator. */
export interface AdmissionPolicy {
  readonly decide: (context: AdmissionContext) => AdmissionOutcome;
  /** Whether a poll passed (a final close record whose result passes): decides admissions and removals put to a vote. */
  readonly pollPassed: (pollId: string) => boolean;
}

export interface AdmissionPolicyOptions {
  /**
   * Evidence from outside the log: the ids of polls that have a final close record whose result
   * passes. Must be a pure function of the synced chapter data (the app computes it from the
   * polls in the document), so every device decides alike. Default: no poll passed.
   */
  readonly passedPolls?: ReadonlySet<string>;
}

const ADMITTED: AdmissionOutcome = { kind: 'admitted' };
const ENDORSED: AdmissionOutcome = { kind: 'endorsed' };
const NONE: ReadonlySet<string> = new Set();

export function createAdmissionPolicy(options: AdmissionPolicyOptions = {}): AdmissionPolicy {
  const passed = options.passedPolls ?? NONE;
  const pollPassed = (pollId: string): boolean => passed.has(pollId);
  return {
    pollPassed,
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
          return pollPassed(admit.pollId) ? ADMITTED : { kind: 'rejected', reason: 'pollNotPassed' };
      }
    },
  };
}

export const defaultAdmissionPolicy: AdmissionPolicy = createAdmissionPolicy();
