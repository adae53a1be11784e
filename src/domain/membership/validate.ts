import { canonicalJson } from './canonical';
import { orderLog } from './order';
import type { AdmissionPolicy } from './policy';
import { defaultAdmissionPolicy } from './policy';
import { applyEntry, type RuleContext, type Verdict } from './rules';
import { parseEntry } from './shape';
import type { ReplayState } from './state';
import { emptyState, snapshotInvites, snapshotMembers, snapshotPollLinks, snapshotRemovals, snapshotRequests } from './state';
import type { ChapterId, EntryId, MembershipEntry } from './types';
import type { EntryVerdict, InvalidReason, MembershipState } from './view';

export interface ValidateOptions {
  readonly chapterId: ChapterId;
  readonly policy?: AdmissionPolicy;
  /**
   * The chapter's founding entry id, if known out of band (e.g. recorded when the chapter was
   * created or carried in the invite). Without it the earliest valid 'found' entry in the order
   * wins, and anyone holding the room secret could race a competing founding entry.
   */
  readonly genesisId?: EntryId;
}

/**
 * Signature check, injected so the domain does no crypto. Must return true only if the entry's
 * id is the hash of its canonical form AND the signature verifies under `entry.author`.
 */
export type VerifiedCheck = (entry: MembershipEntry) => boolean;

interface Unplaced {
  readonly key: string;
  readonly verdict: EntryVerdict;
}

/**
 * Validates the membership log: a pure function of the *set* of entries (input order never
 * matters). Entries are well-formedness checked, de-duplicated by id, ordered (see `orderLog`),
 * then replayed against the rules (see `rules.ts`). Pending and invalid entries change nothing.
 */
export function validateLog(
  entries: ReadonlyArray<unknown>,
  verified: VerifiedCheck,
  options: ValidateOptions,
): MembershipState {
  const unplaced: Unplaced[] = [];
  const representatives = new Map<EntryId, MembershipEntry>();
  const clashes = new Map<EntryId, MembershipEntry[]>();
  for (const raw of entries) {
    const parsed = parseEntry(raw);
    if (!parsed.ok) {
      unplaced.push({ key: sortKey(raw), verdict: invalid(idOf(raw), parsed.error) });
      continue;
    }
    const entry = parsed.value;
    const first = representatives.get(entry.id);
    if (first === undefined) representatives.set(entry.id, entry);
    else if (first !== entry) {
      const group = clashes.get(entry.id);
      if (group === undefined) clashes.set(entry.id, [first, entry]);
      else group.push(entry);
    }
  }
  const memo = new Map<MembershipEntry, boolean>();
  const isVerified = (entry: MembershipEntry): boolean => {
    let result = memo.get(entry);
    if (result === undefined) {
      result = verified(entry);
      memo.set(entry, result);
    }
    return result;
  };
  for (const [id, group] of clashes) representatives.set(id, pickRepresentative(group, isVerified, unplaced));

  const { ordered, pending } = orderLog(representatives);
  const state = emptyState();
  const context: RuleContext = { policy: options.policy ?? defaultAdmissionPolicy, genesisId: options.genesisId ?? null };
  const verdicts: EntryVerdict[] = [];
  for (const entry of ordered) {
    const reason = check(entry, state, context, options.chapterId, representatives, isVerified);
    // Causal, not validity: whatever an entry's verdict, its descendants were written after the founding.
    if (entry.id === state.foundedBy || entry.parents.some((parent) => state.lineage.has(parent))) {
      state.lineage.add(entry.id);
    }
    verdicts.push(
      reason === null
        ? { id: entry.id, status: 'valid', reason: null }
        : reason === 'awaitingVote'
          ? { id: entry.id, status: 'pending', reason }
          : invalid(entry.id, reason),
    );
  }
  for (const entry of pending) verdicts.push({ id: entry.id, status: 'pending', reason: 'missingParents' });
  const seenKeys = new Set<string>();
  for (const item of unplaced.sort((a, b) => compare(a.key, b.key))) {
    if (seenKeys.has(item.key)) continue;
    seenKeys.add(item.key);
    verdicts.push(item.verdict);
  }
  return {
    chapterId: options.chapterId,
    foundedBy: state.foundedBy,
    admissionRule: state.rule,
    members: snapshotMembers(state),
    pendingRequests: snapshotRequests(state),
    invites: snapshotInvites(state),
    pendingRemovals: snapshotRemovals(state),
    pollLinks: snapshotPollLinks(state),
    verdicts,
  };
}

function check(
  entry: MembershipEntry,
  state: ReplayState,
  context: RuleContext,
  chapterId: ChapterId,
  entries: ReadonlyMap<EntryId, MembershipEntry>,
  isVerified: VerifiedCheck,
): Verdict {
  if (entry.chapterId !== chapterId) return 'wrongChapter';
  if (!isVerified(entry)) return 'badSignature';
  let expected = 1;
  for (const parent of entry.parents) expected = Math.max(expected, (entries.get(parent)?.counter ?? 0) + 1);
  if (entry.counter !== expected) return 'badCounter';
  return applyEntry(state, entry, context);
}

/**
 * Several distinct entries claim one id: at most one can hash to it, so a verified one wins;
 * ties (only possible with a broken verifier) go to the smallest canonical form.
 */
function pickRepresentative(
  group: readonly MembershipEntry[],
  isVerified: VerifiedCheck,
  unplaced: Unplaced[],
): MembershipEntry {
  const distinct = new Map<string, MembershipEntry>();
  for (const entry of group) {
    const key = canonicalJson(entry);
    const seen = distinct.get(key);
    // Identical copies: keep one the check accepted, if any (the check may work by object identity).
    if (seen === undefined || (!isVerified(seen) && isVerified(entry))) distinct.set(key, entry);
  }
  const ranked = [...distinct].sort(
    ([keyA, a], [keyB, b]) => Number(isVerified(b)) - Number(isVerified(a)) || compare(keyA, keyB),
  );
  for (const [key, entry] of ranked.slice(1)) {
    unplaced.push({ key: `${entry.id}\u0000${key}`, verdict: invalid(entry.id, 'duplicateId') });
  }
  return ranked[0]![1];
}

const invalid = (id: EntryId, reason: InvalidReason): EntryVerdict => ({ id, status: 'invalid', reason });

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

function idOf(raw: unknown): EntryId {
  const id = typeof raw === 'object' && raw !== null ? (raw as { readonly id?: unknown }).id : undefined;
  return (typeof id === 'string' ? id : '') as EntryId;
}

/** A total, deterministic key for entries that cannot be placed, so their verdicts sort stably. */
function sortKey(raw: unknown): string {
  let body: string;
  try {
    body = canonicalJson(raw);
  } catch {
    body = typeof raw;
  }
  return `${idOf(raw)}\u0000${body}`;
}
