import type { BranchLevel } from '../chapter';
import { BRANCH_LEVELS } from '../chapter';
import type { DocId } from '../ids';
import type { DeviceKey } from '../membership/types';
import { canonicalJson } from '../membership/canonical';
import { canonicalFederationEntry } from './canonical';
import { parseFederationEntry } from './shape';
import type {
  AcceptEntry,
  FederationEntry,
  FederationEntryId,
  FederationInvalidReason,
  FederationState,
  FederationVerdict,
  JoinRequestEntry,
  JoinRequestView,
  LeaveParentEntry,
  ParentLinkEntry,
} from './types';

export interface FederationOptions {
  /** The document the log was read from. */
  readonly branchId: DocId;
  readonly branchLevel: BranchLevel;
  /**
   * Whether the device may speak for this branch at the point of its membership log the record
   * names (`heads`; absent on old records: now). See `authorityTimeline`.
   */
  readonly isAuthorized: (author: DeviceKey, heads?: readonly string[]) => boolean;
  /**
   * Whether the device may speak for a joining chapter (at the point of the chapter's membership
   * log the request names), when this device holds that chapter's document; undefined when it
   * does not (the request is then judged on its signature alone).
   */
  readonly childAuthority?: (childId: DocId, author: DeviceKey, heads?: readonly string[]) => boolean | undefined;
}

/** Id hashes the canonical form and the signature verifies; injected so the domain does no crypto. */
export type FederationVerifiedCheck = (entry: FederationEntry) => boolean;

const rank = (level: BranchLevel): number => BRANCH_LEVELS.indexOf(level);
export const isBelow = (lower: BranchLevel, higher: BranchLevel): boolean => rank(lower) < rank(higher);

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * A pure function of the *set* of entries: requests are judged on their own, acceptances on
 * their request, so no verdict depends on arrival order.
 */
export function validateFederationLog(
  entries: ReadonlyArray<unknown>,
  verified: FederationVerifiedCheck,
  options: FederationOptions,
): FederationState {
  const byId = new Map<FederationEntryId, FederationEntry>();
  const rejected = new Map<string, FederationVerdict>();
  for (const raw of entries) {
    const parsed = parseFederationEntry(raw);
    if (!parsed.ok) {
      const id = idOf(raw);
      // Keyed by content: distinct junk gets one verdict each, identical copies share one.
      rejected.set(`${id}\u0000${contentKey(raw)}`, { id, status: 'invalid', reason: parsed.error });
      continue;
    }
    const entry = parsed.value;
    const first = byId.get(entry.id);
    if (first === undefined) {
      byId.set(entry.id, entry);
      continue;
    }
    if (canonicalFederationEntry(first) === canonicalFederationEntry(entry) && first.signature === entry.signature) continue;
    // At most one content hashes to an id: a verified one wins, else the smallest form (stable).
    const [winner, loser] = pick(first, entry, verified);
    byId.set(entry.id, winner);
    rejected.set(`${loser.id}\u0000${canonicalFederationEntry(loser)}${loser.signature}`, {
      id: loser.id,
      status: 'invalid',
      reason: 'duplicateId',
    });
  }

  const verdicts = new Map<FederationEntryId, FederationVerdict>();
  const judge = (entry: FederationEntry, reason: FederationInvalidReason | null) =>
    verdicts.set(entry.id, reason === null ? { id: entry.id, status: 'valid' } : { id: entry.id, status: 'invalid', reason });
  const requests: JoinRequestEntry[] = [];
  const accepts: AcceptEntry[] = [];
  const links: ParentLinkEntry[] = [];
  const leaves: LeaveParentEntry[] = [];
  for (const entry of byId.values()) {
    const reason = envelopeReason(entry, verified, options);
    if (reason !== null) {
      judge(entry, reason);
      continue;
    }
    if (entry.type === 'join-request') requests.push(entry);
    else if (entry.type === 'accept') accepts.push(entry);
    else if (entry.type === 'leave-parent') leaves.push(entry);
    else links.push(entry);
  }

  const validRequests = new Map<FederationEntryId, JoinRequestEntry>();
  for (const request of requests) {
    const reason = requestReason(request, options);
    judge(request, reason);
    if (reason === null) validRequests.set(request.id, request);
  }
  const acceptedBy = new Map<FederationEntryId, FederationEntryId>();
  for (const accept of accepts) {
    const request = validRequests.get(accept.requestId);
    const reason: FederationInvalidReason | null = !options.isAuthorized(accept.author, accept.membershipHeads)
      ? 'notAllowed'
      : request === undefined
        ? 'unknownRequest'
        : request.childId !== accept.childId
          ? 'mismatch'
          : null;
    judge(accept, reason);
    if (reason !== null) continue;
    const known = acceptedBy.get(accept.requestId);
    if (known === undefined || accept.id < known) acceptedBy.set(accept.requestId, accept.id);
  }
  // Leaving: in the chapter's document by whoever speaks for it; in the parent's, as for a request.
  const departures = new Map<FederationEntryId, LeaveParentEntry>();
  const leftBy = new Map<FederationEntryId, FederationEntryId>();
  for (const leave of leaves) {
    const own = leave.branchId === leave.childId;
    const allowed = own
      ? options.isAuthorized(leave.author, leave.membershipHeads)
      : options.childAuthority?.(leave.childId, leave.author, leave.membershipHeads) !== false;
    const request = own ? undefined : [...validRequests.values()].find((item) => acceptedBy.get(item.id) === leave.acceptId);
    const reason: FederationInvalidReason | null = !allowed ? 'notAllowed' : !own && (request === undefined || request.childId !== leave.childId) ? 'unknownRequest' : null;
    judge(leave, reason);
    if (reason !== null) continue;
    const earliest = (known: FederationEntryId | undefined) => known === undefined || leave.id < known;
    if (own && earliest(departures.get(leave.acceptId)?.id)) departures.set(leave.acceptId, leave);
    if (request && earliest(leftBy.get(request.id))) leftBy.set(request.id, leave.id);
  }
  let parentLink: ParentLinkEntry | null = null;
  for (const link of links) {
    const reason = !options.isAuthorized(link.author, link.membershipHeads)
      ? 'notAllowed'
      : !isBelow(options.branchLevel, link.parentLevel)
        ? 'levelNotBelow'
        : null;
    judge(link, reason);
    if (reason === null && !departures.has(link.acceptId) && (parentLink === null || later(link, parentLink))) parentLink = link;
  }

  const views: JoinRequestView[] = [...validRequests.values()]
    .sort((a, b) => compare(a.createdAt, b.createdAt) || compare(a.id, b.id))
    .map((request) => ({
      id: request.id,
      childId: request.childId,
      childGenesis: request.childGenesis,
      childName: request.childName,
      childLevel: request.childLevel,
      author: request.author,
      createdAt: request.createdAt,
      acceptedBy: acceptedBy.get(request.id) ?? null,
      leftBy: leftBy.get(request.id) ?? null,
    }));
  const all = [...verdicts.values(), ...rejected.values()].sort((a, b) => compare(a.id, b.id) || compare(JSON.stringify(a), JSON.stringify(b)));
  const left = [...departures.values()]
    .sort((a, b) => compare(a.id, b.id))
    .map((leave) => ({ parentId: leave.parentId, acceptId: leave.acceptId, entryId: leave.id }));
  return { branchId: options.branchId, requests: views, parentLink, departures: left, verdicts: all };
}

function envelopeReason(entry: FederationEntry, verified: FederationVerifiedCheck, options: FederationOptions): FederationInvalidReason | null {
  if (entry.branchId !== options.branchId) return 'wrongBranch';
  if (!verified(entry)) return 'badSignature';
  return null;
}

function requestReason(request: JoinRequestEntry, options: FederationOptions): FederationInvalidReason | null {
  if (!isBelow(request.childLevel, options.branchLevel)) return 'levelNotBelow';
  if (options.childAuthority?.(request.childId, request.author, request.membershipHeads) === false) return 'notAllowed';
  return null;
}

/** The most recent link wins; the id breaks ties so every device picks the same one. */
const later = (a: ParentLinkEntry, b: ParentLinkEntry): boolean =>
  a.createdAt !== b.createdAt ? a.createdAt > b.createdAt : a.id > b.id;

function pick(a: FederationEntry, b: FederationEntry, verified: FederationVerifiedCheck): readonly [FederationEntry, FederationEntry] {
  const va = verified(a);
  const vb = verified(b);
  if (va !== vb) return va ? [a, b] : [b, a];
  return compare(canonicalFederationEntry(a) + a.signature, canonicalFederationEntry(b) + b.signature) <= 0 ? [a, b] : [b, a];
}

function contentKey(raw: unknown): string {
  try {
    return canonicalJson(raw);
  } catch {
    return typeof raw;
  }
}

function idOf(raw: unknown): FederationEntryId {
  const id = typeof raw === 'object' && raw !== null ? (raw as { readonly id?: unknown }).id : undefined;
  return (typeof id === 'string' ? id : '') as FederationEntryId;
}
