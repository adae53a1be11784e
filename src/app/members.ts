import { type Accessor, createMemo, createSignal, onCleanup } from 'solid-js';
import type * as Y from 'yjs';
import { appendMembershipEntry, observeMembershipLog, readMembershipLog } from '../crdt/membership-repository';
import { observePolls } from '../crdt/poll-repository';
import { signEntry } from '../crypto/entry-signing';
import { safetyCode } from '../crypto/safety-code';
import type { DocId } from '../domain/ids';
import type { InviteSeal } from '../domain/invite';
import { draftEntry, headsOf } from '../domain/membership/draft';
import type { HistoryItem } from '../domain/membership/history';
import { membershipHistory } from '../domain/membership/history';
import type { AdmissionRule, DeviceKey, EntryBody, EntryId, MemberId, MembershipEntry, Role } from '../domain/membership/types';
import { ENTRY_LIMITS } from '../domain/membership/types';
import type { Member, MembershipState, PollLink } from '../domain/membership/view';
import type { Result } from '../domain/result';
import { err, ok } from '../domain/result';
import type { FeatureDeps } from './feature-deps';
import { openDoc } from './feature-deps';
import type { InviterStatus, RememberedInvite } from './invite-memory';
import { inviterStatus, recallInvite, rememberInvite } from './invite-memory';
import { watchInviter } from './inviter-check';
import type { PollEvidence } from '../domain/membership/poll-evidence';
import { openMembershipPoll, pollDecisions, validateWithPolls } from './member-polls';
import type { ValidateMembership } from './trusted-verifier';
import { createTrustedValidation } from './trusted-verifier';

export type { AdmissionRule, HistoryItem, InviterStatus, Member, MembershipState, PollLink, Role };

export type MemberActionError =
  | 'nameRequired'
  | 'nameTooLong'
  | 'badDeviceKey'
  | 'notAMember'
  | 'reasonRequired'
  | 'badLimit'
  | 'badPoll'
  | 'alreadyPutToVote';

export interface MembersView {
  /** Null until the log has been checked once (signature checks are asynchronous). */
  readonly state: Accessor<MembershipState | null>;
  /** The member this device belongs to, if admitted. */
  readonly me: Accessor<Member | null>;
  /** True when this device was bound to a member and has since been revoked: nothing it signs counts. */
  readonly deviceRevoked: Accessor<boolean>;
  /** This device's own join request that is still waiting. */
  readonly myPendingRequest: Accessor<EntryId | null>;
  /** Raw entries as stored, for the "invalid entries" list (shown, never counted). */
  readonly entryType: (id: EntryId) => string;
  /** The invite this device came through, if it joined by a link. */
  readonly invite: Accessor<RememberedInvite | null>;
  /** Whether that invite was signed by a member's device (checked once the chapter has synced). */
  readonly inviterStatus: Accessor<InviterStatus | null>;
  /** True while the limited invite's record has not arrived: a request naming it could not count yet. */
  readonly waitingForInvite: Accessor<boolean>;
  /** Valid membership events, newest first. */
  readonly history: Accessor<readonly HistoryItem[]>;
  /** The short code to compare in person for a device key. */
  readonly codeOf: (deviceKey: string) => string;
  requestToJoin(name: string): Promise<Result<void, MemberActionError>>;
  admit(requestId: EntryId): Promise<void>;
  grantRole(memberId: MemberId, role: Role): Promise<void>;
  revokeRole(memberId: MemberId, role: Role): Promise<void>;
  linkDevice(deviceKey: string): Promise<Result<void, MemberActionError>>;
  revokeDevice(deviceKey: DeviceKey): Promise<void>;
  leave(): Promise<void>;
  remove(memberId: MemberId, reason: string): Promise<Result<void, MemberActionError>>;
  setAdmissionRule(rule: AdmissionRule): Promise<void>;
  /** The poll a pending request or an active member's removal was put to (the first link), if any. */
  readonly pollFor: (subject: { readonly requestId?: EntryId; readonly memberId?: MemberId }) => PollLink | null;
  /** Whether a linked poll passed (final close record, result passed). */
  readonly pollPassed: (pollId: string) => boolean;
  /** Opens a yes/no chapter poll on the request (or removal) and links it by a signed entry. */
  putToVote(subject: { readonly requestId: EntryId } | { readonly memberId: MemberId }, question: string): Promise<Result<string, MemberActionError>>;
  /** Carries out what a passed poll decided: the admission, or the removal. */
  applyPoll(link: PollLink): Promise<void>;
}

const DEVICE_KEY = /^[A-Za-z0-9_-]{43}$/;

function checkName(name: string): Result<string, MemberActionError> {
  const trimmed = name.trim();
  if (trimmed.length === 0) return err('nameRequired');
  if (trimmed.length > ENTRY_LIMITS.name) return err('nameTooLong');
  return ok(trimmed);
}

const codeOf = (deviceKey: string): string => safetyCode(deviceKey) ?? '';

const randomMemberId = (): MemberId => {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('') as MemberId;
};

/** Members of a branch: a signed append-only log in its document, validated on every change. */
export function createMembersStore(deps: FeatureDeps) {
  const { identity } = deps;
  const plain = createTrustedValidation(deps.catalog);
  // Every check of a log sees the chapter's polls as evidence, so members admitted by a vote count everywhere.
  const validate: ValidateMembership = async (entries, options) => {
    const doc = deps.documents.get(options.chapterId as DocId)?.doc;
    return doc ? (await validateWithPolls(plain, doc, entries, options)).state : plain(entries, options);
  };

  async function append(doc: Y.Doc, docId: DocId, body: EntryBody, state: MembershipState | null): Promise<MembershipEntry> {
    const valid = new Set(state?.verdicts.filter((v) => v.status === 'valid').map((v) => v.id) ?? []);
    const entries = readMembershipLog(doc).filter(
      (raw): raw is MembershipEntry => typeof raw === 'object' && raw !== null && valid.has((raw as MembershipEntry).id),
    );
    const unsigned = draftEntry(body, {
      chapterId: docId,
      author: identity.deviceKey,
      parents: headsOf(entries),
      createdAt: new Date().toISOString(),
    });
    const signed = await signEntry(unsigned, identity.device);
    appendMembershipEntry(doc, signed);
    return signed;
  }

  /** Writes the founding entry of a chapter created on this device. */
  async function foundChapter(docId: DocId, name: string): Promise<Result<EntryId, MemberActionError>> {
    const checked = checkName(name);
    if (!checked.ok) return checked;
    const doc = openDoc(deps, docId);
    const entry = await append(doc, docId, { type: 'found', memberId: randomMemberId(), name: checked.value, deviceKey: identity.deviceKey }, null);
    return ok(entry.id);
  }

  /** Signs an 'invite' entry that admits at most `maxUses` people; only members can issue one. */
  async function recordInvite(
    docId: DocId,
    genesisId: string | null,
    maxUses: number,
    expiresAt: string | null,
  ): Promise<Result<EntryId, 'notAMember' | 'badLimit'>> {
    if (!Number.isSafeInteger(maxUses) || maxUses < 1 || maxUses > ENTRY_LIMITS.maxUses) return err('badLimit');
    const doc = openDoc(deps, docId);
    const state = await validate(readMembershipLog(doc), { chapterId: docId, ...(genesisId ? { genesisId: genesisId as EntryId } : {}) });
    const active = state.members.some(
      (member) => member.status === 'active' && member.devices.some((d) => d.key === identity.deviceKey && d.revokedBy === null),
    );
    if (!active) return err('notAMember');
    const entry = await append(doc, docId, { type: 'invite', maxUses, ...(expiresAt ? { expiresAt } : {}) }, state);
    return ok(entry.id);
  }

  /** Call inside a reactive owner (a page or section). */
  function view(docId: DocId, genesisId: string | null = null): MembersView {
    const doc = openDoc(deps, docId);
    const [state, setState] = createSignal<MembershipState | null>(null);
    const [passed, setPassed] = createSignal<ReadonlySet<string>>(new Set());
    // One validation at a time: changes arriving meanwhile (a sync delivers a long log in many
    // updates) are folded into a single rerun at the end, so the rules run once, not per arrival.
    let running = false;
    let dirty = false;
    let disposed = false;
    // The last answer's poll evidence: the next check usually settles in one round.
    let evidence: PollEvidence = { passed: new Set(), closed: new Set() };
    onCleanup(() => {
      disposed = true;
    });
    const revalidate = async () => {
      if (running) {
        dirty = true;
        return;
      }
      running = true;
      try {
        do {
          dirty = false;
          const next = await validateWithPolls(plain, doc, readMembershipLog(doc), {
            chapterId: docId,
            ...(genesisId ? { genesisId: genesisId as EntryId } : {}),
          }, evidence);
          if (disposed) return;
          evidence = next;
          setPassed(next.passed);
          setState(next.state);
        } while (dirty);
      } finally {
        running = false;
      }
    };
    void revalidate();
    onCleanup(observeMembershipLog(doc, () => void revalidate()));
    // Ballots and close records matter only while something is put to a vote.
    onCleanup(observePolls(doc, () => {
      if ((state()?.pollLinks.length ?? 0) > 0) void revalidate();
    }));
    const [invite, setInvite] = createSignal<RememberedInvite | null>(null);
    void recallInvite(deps.catalog, docId).then(setInvite);
    const inviter = createMemo(() => {
      const remembered = invite();
      return remembered ? inviterStatus(state(), remembered.inviterKey) : null;
    });
    const validInvite = (): EntryId | null => {
      const id = invite()?.inviteId ?? null;
      return id !== null && state()?.invites.some((usage) => usage.id === id) ? id : null;
    };
    const waitingForInvite = createMemo(() => {
      const id = invite()?.inviteId ?? null;
      // Only while nothing is known about the entry: a forged or foreign one never becomes valid.
      return id !== null && validInvite() === null && !state()?.verdicts.some((verdict) => verdict.id === id);
    });
    const history = createMemo(() => {
      const current = state();
      return current ? membershipHistory(current, readMembershipLog(doc)) : [];
    });

    const me = createMemo(() => {
      const current = state();
      if (!current) return null;
      return (
        current.members.find(
          (member) => member.status === 'active' && member.devices.some((d) => d.key === identity.deviceKey && d.revokedBy === null),
        ) ?? null
      );
    });
    const deviceRevoked = createMemo(
      () => state()?.members.some((member) => member.devices.some((d) => d.key === identity.deviceKey && d.revokedBy !== null)) ?? false,
    );
    const myPendingRequest = createMemo(() => state()?.pendingRequests.find((r) => r.deviceKey === identity.deviceKey)?.id ?? null);
    const entryType = (id: EntryId): string => {
      const raw = readMembershipLog(doc).find((value) => typeof value === 'object' && value !== null && (value as { id?: unknown }).id === id);
      const type = raw && typeof raw === 'object' ? (raw as { type?: unknown }).type : undefined;
      return typeof type === 'string' ? type : 'unknown';
    };
    const write = async (body: EntryBody): Promise<void> => {
      await append(doc, docId, body, state());
    };
    const { pollFor, pollPassed, applyPoll } = pollDecisions({ doc, state, me, passed, write });

    return {
      state,
      me,
      deviceRevoked,
      myPendingRequest,
      entryType,
      invite,
      inviterStatus: inviter,
      waitingForInvite,
      history,
      codeOf,
      async requestToJoin(name) {
        const checked = checkName(name);
        if (!checked.ok) return checked;
        const inviteId = validInvite();
        await write({ type: 'request', name: checked.value, deviceKey: identity.deviceKey, ...(inviteId ? { inviteId } : {}) });
        return ok(undefined);
      },
      admit: (requestId) => write({ type: 'admit', requestId }),
      grantRole: (memberId, role) => write({ type: 'grant-role', memberId, role }),
      revokeRole: (memberId, role) => write({ type: 'revoke-role', memberId, role }),
      async linkDevice(deviceKey) {
        const key = deviceKey.trim();
        if (!DEVICE_KEY.test(key)) return err('badDeviceKey');
        if (!me()) return err('notAMember');
        await write({ type: 'link-device', deviceKey: key as DeviceKey });
        return ok(undefined);
      },
      revokeDevice: (deviceKey) => write({ type: 'revoke-device', deviceKey }),
      leave: () => write({ type: 'leave' }),
      async remove(memberId, reason) {
        const text = reason.trim();
        if (text.length === 0) return err('reasonRequired');
        await write({ type: 'remove', memberId, reason: text.slice(0, ENTRY_LIMITS.reason) });
        return ok(undefined);
      },
      setAdmissionRule: (rule) => write({ type: 'set-admission-rule', rule }),
      pollFor,
      pollPassed,
      applyPoll,
      async putToVote(subject, question) {
        const current = state();
        if (!me() || !current) return err('notAMember');
        if (pollFor(subject)) return err('alreadyPutToVote');
        const active = current.members.filter((member) => member.status === 'active').map((member) => member.id);
        const poll = await openMembershipPoll(doc, docId, identity.device, question, active);
        if (!poll.ok) return err('badPoll');
        await write({ type: 'link-poll', pollId: poll.value, ...subject });
        return ok(poll.value);
      },
    };
  }

  return {
    view,
    foundChapter,
    checkName,
    recordInvite,
    rememberInvite: (docId: DocId, seal: InviteSeal) => rememberInvite(deps.catalog, docId, seal),
    watchInviter: (docId: DocId, genesisId: string | null) => watchInviter(deps, validate, docId, genesisId),
  };
}

export type MembersStore = ReturnType<typeof createMembersStore>;
