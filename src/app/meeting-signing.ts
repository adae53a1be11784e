import { type Accessor, createMemo, createResource } from 'solid-js';
import type { FinalRecord } from '../crdt/meeting-records';
import { meetingsMap } from '../crdt/meeting-repository';
import type { StoredAmendment, StoredApproval } from '../crdt/meeting-signatures';
import { readAmendments, readApprovals, writeAmendment, writeApproval } from '../crdt/meeting-signatures';
import { signApproval, signMinutes, verifyApproval, verifyMinutes } from '../crypto/minutes-signing';
import type { MemberId } from '../domain/meeting/ids';
import type { Amendment } from '../domain/meeting/snapshot-diff';
import { amendmentsBetween } from '../domain/meeting/snapshot-diff';
import type { MinutesSnapshot } from '../domain/meeting/types';
import type { Result } from '../domain/result';
import { err, ok } from '../domain/result';
import { fromCrdt } from './bridge';
import type { MeetingContext } from './meeting-context';
import { newRecordId } from './projects';

/** A co-signature as shown: only valid ones from attendees are listed as approvals. */
export interface ApprovalView {
  readonly memberId: string;
  readonly name: string;
  readonly at: string;
}

/** A signed amendment with the changes it made to the state it amends. */
export interface SignedAmendmentView {
  readonly id: string;
  readonly at: string;
  readonly valid: boolean;
  /** Null when the signing device belongs to no member of the chapter. */
  readonly signerName: string | null;
  readonly changes: readonly Amendment[];
}

export type SigningError = 'notAllowed' | 'notFinal' | 'alreadyApproved' | 'nothingToSign';

interface SigningInput {
  readonly final: Accessor<FinalRecord | null>;
  /** The snapshot the secretary signed, once its signature checked out. */
  readonly frozen: Accessor<MinutesSnapshot | null>;
  readonly current: () => MinutesSnapshot | null;
}

interface Checked {
  readonly approvals: readonly { readonly record: StoredApproval; readonly valid: boolean }[];
  readonly amendments: readonly { readonly record: StoredAmendment; readonly snapshot: MinutesSnapshot | null }[];
}

/** Co-signing finalized minutes and signing amendments to them; call inside a reactive owner. */
export function createMinutesSigning(ctx: MeetingContext, meetingId: string, input: SigningInput) {
  const { doc, deps } = ctx;
  const records = fromCrdt(
    (onChange) => {
      const map = meetingsMap(doc);
      const handler = () => onChange();
      map.observeDeep(handler);
      return () => map.unobserveDeep(handler);
    },
    () => ({ approvals: readApprovals(doc, meetingId), amendments: readAmendments(doc, meetingId) }),
  );

  const [checked] = createResource(
    // Plain copies: reading every field tracks in-place store updates (reconcile keeps proxies).
    () => {
      const final = input.final();
      return {
        final: final ? { ...final } : null,
        approvals: records().approvals.map((record) => ({ ...record })),
        amendments: records().amendments.map((record) => ({ ...record })),
      };
    },
    async ({ final, approvals, amendments }): Promise<Checked> => {
      if (!final) return { approvals: [], amendments: [] };
      return {
        approvals: await Promise.all(approvals.map(async (record) => ({ record, valid: await verifyApproval(final, record) }))),
        amendments: await Promise.all(
          amendments.map(async (record) => {
            const verdict = await verifyMinutes(record);
            return { record, snapshot: verdict.valid && verdict.snapshot.meeting.id === meetingId ? verdict.snapshot : null };
          }),
        ),
      };
    },
  );

  const memberOfDevice = (key: string) => ctx.members.state()?.members.find((m) => m.devices.some((d) => d.key === key));

  const approvals = createMemo((): readonly ApprovalView[] => {
    const frozen = input.frozen();
    const final = input.final();
    if (!frozen || !final) return [];
    const seen = new Set<string>();
    const out: ApprovalView[] = [];
    for (const { record, valid } of checked.latest?.approvals ?? []) {
      const member = memberOfDevice(record.signer);
      // Only attendees of the meeting (as signed) approve; one approval per member.
      if (!valid || !member || member.id === final.signerMemberId || seen.has(member.id)) continue;
      if (!frozen.attendance.memberIds.includes(member.id as string as MemberId)) continue;
      seen.add(member.id);
      out.push({ memberId: member.id, name: member.name, at: record.at });
    }
    return out;
  });

  /** Signed amendments in time order, each diffed against the state it names as its base. */
  const signedAmendments = createMemo((): readonly SignedAmendmentView[] => {
    const frozen = input.frozen();
    const final = input.final();
    if (!frozen || !final) return [];
    const byHash = new Map<string, MinutesSnapshot>([[final.hash, frozen]]);
    const out: SignedAmendmentView[] = [];
    for (const { record, snapshot } of checked.latest?.amendments ?? []) {
      const member = memberOfDevice(record.signer);
      const valid = snapshot !== null && !!member;
      const base = byHash.get(record.baseHash) ?? frozen;
      if (snapshot && valid) byHash.set(record.hash, snapshot);
      out.push({
        id: record.id,
        at: record.at,
        valid,
        signerName: member?.name ?? null,
        changes: snapshot ? amendmentsBetween(base, snapshot, record.at, (member?.id ?? '') as MemberId) : [],
      });
    }
    return out;
  });

  /** The latest signed state: the last valid amendment, or the finalized minutes. */
  const latestSigned = (): { readonly hash: string; readonly snapshot: MinutesSnapshot } | null => {
    const frozen = input.frozen();
    const final = input.final();
    if (!frozen || !final) return null;
    let latest = { hash: final.hash, snapshot: frozen };
    for (const { record, snapshot } of checked.latest?.amendments ?? []) {
      if (snapshot && memberOfDevice(record.signer)) latest = { hash: record.hash, snapshot };
    }
    return latest;
  };

  /** Changes made since the latest signature and not signed yet (shown, never hidden). */
  const unsigned = createMemo((): readonly Amendment[] => {
    ctx.version();
    const latest = latestSigned();
    const current = input.current();
    if (!latest || !current) return [];
    return amendmentsBetween(latest.snapshot, current, new Date().toISOString(), (ctx.me()?.id ?? '') as MemberId);
  });

  const canApprove = (): boolean => {
    const me = ctx.me();
    const frozen = input.frozen();
    const final = input.final();
    if (!me || !frozen || !final || me.id === final.signerMemberId) return false;
    return frozen.attendance.memberIds.includes(me.id as string as MemberId) && !approvals().some((a) => a.memberId === me.id);
  };

  return {
    approvals,
    signedAmendments,
    unsigned,
    canApprove,
    approvedByMe: (): boolean => approvals().some((a) => a.memberId === ctx.me()?.id),
    async approve(): Promise<Result<void, SigningError>> {
      const final = input.final();
      const me = ctx.me();
      if (!final || !input.frozen()) return err('notFinal');
      if (!me || !canApprove()) return err(approvals().some((a) => a.memberId === me?.id) ? 'alreadyApproved' : 'notAllowed');
      const signed = await signApproval(final, deps.identity.device);
      writeApproval(doc, meetingId, { ...signed, signerMemberId: me.id, at: new Date().toISOString() });
      return ok(undefined);
    },
    async signAmendment(): Promise<Result<void, SigningError>> {
      const me = ctx.me();
      const latest = latestSigned();
      if (!latest) return err('notFinal');
      if (!me) return err('notAllowed');
      const current = input.current();
      if (!current || unsigned().length === 0) return err('nothingToSign');
      const signed = await signMinutes(current, deps.identity.device);
      writeAmendment(doc, meetingId, { id: newRecordId(), ...signed, signerMemberId: me.id, baseHash: latest.hash, at: new Date().toISOString() });
      return ok(undefined);
    },
  };
}

export type MinutesSigning = ReturnType<typeof createMinutesSigning>;
