import type { AdmissionRule, AdmitEntry, EntryId, MemberId, RequestEntry } from './types';

/** Everything a policy may look at when one valid member signs an 'admit'. */
export interface AdmissionContext {
  readonly rule: AdmissionRule;
  readonly request: RequestEntry;
  readonly admit: AdmitEntry;
  /** Distinct members whose admits for this request were counted, including this one. */
  readonly endorsers: ReadonlySet<MemberId>;
  /** Members active at this point of the log. */
  readonly activeMembers: number;
}

export type AdmissionRejection = 'pollRequired' | 'pollNotPassed';

export type AdmissionOutcome =
  /** The request is admitted by this entry. */
  | { readonly kind: 'admitted' }
  /** The admit is counted, but the rule is not satisfied yet. */
  | { readonly kind: 'endorsed' }
  | { readonly kind: 'rejected'; readonly reason: AdmissionRejection };

/** Pluggable so polls (or other rules) can be wired in without touching the validator. */
export interface AdmissionPolicy {
  readonly decide: (context: AdmissionContext) => AdmissionOutcome;
}

export interface AdmissionPolicyOptions {
  /**
   * Whether the referenced poll admitted this request. Must be deterministic (a pure function of
   * the synced chapter data). Until polls exist, the default trusts any referenced poll id.
   */
  readonly pollAdmits?: (pollId: string, requestId: EntryId) => boolean;
}

const ADMITTED: AdmissionOutcome = { kind: 'admitted' };
const ENDORSED: AdmissionOutcome = { kind: 'endorsed' };

export function createAdmissionPolicy(options: AdmissionPolicyOptions = {}): AdmissionPolicy {
  const pollAdmits = options.pollAdmits ?? (() => true);
  return {
    decide({ rule, admit, endorsers, activeMembers }) {
      switch (rule.kind) {
        case 'any-member':
          return ADMITTED;
        case 'n-members':
          // Capped at the active membership, so a small chapter cannot lock itself out.
          return endorsers.size >= Math.min(rule.n, activeMembers) ? ADMITTED : ENDORSED;
        case 'poll':
          if (admit.pollId === undefined) return { kind: 'rejected', reason: 'pollRequired' };
          return pollAdmits(admit.pollId, admit.requestId)
            ? ADMITTED
            : { kind: 'rejected', reason: 'pollNotPassed' };
      }
    },
  };
}

export const defaultAdmissionPolicy: AdmissionPolicy = createAdmissionPolicy();
