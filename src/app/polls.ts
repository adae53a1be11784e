import { createEffect, createMemo, createSignal, onCleanup } from 'solid-js';
import { observeMeetings } from '../crdt/meeting-repository';
import { observeProjects, readProjects } from '../crdt/project-repository';
import { appendBallot, appendCloseRecord, createPoll, observePolls, readPolls } from '../crdt/poll-repository';
import { signBallot, signCloseRecord, signPoll, verifyAllSigned } from '../crypto/ballot-signing';
import type { DocId } from '../domain/ids';
import type { PollAudit } from '../domain/polls/audit';
import { buildAudit } from '../domain/polls/audit';
import type { PollCount } from '../domain/polls/count';
import { ballotsToClose, countPoll, inScope } from '../domain/polls/count';
import { votersOf } from '../domain/polls/voters';
import { observeFederationLog } from '../crdt/federation-repository';
import { observeMemberMirrors } from '../crdt/member-mirror-repository';
import { type MemberChapter, memberChapters } from './branch-electorate';
import { tallyPoll } from '../domain/polls/tally-input';
import type { BallotChoice, SignedBallot, SignedPoll, Voter } from '../domain/polls/types';
import type { PollError, PollInput } from '../domain/polls/validate';
import { isSignedBallot, isSignedPoll, isValidChoice, validatePollInput } from '../domain/polls/validate';
import type { Result } from '../domain/result';
import { err, ok } from '../domain/result';
import type { TallyResult } from '../domain/tally/run';
import type { FeatureDeps } from './feature-deps';
import { openDoc } from './feature-deps';
import type { MembersStore } from './members';
import type { LinkableItem } from './poll-outcome';
import { linkableAgendaItems, recordOutcome } from './poll-outcome';

export type { BallotChoice, LinkableItem, MemberChapter, PollAudit, PollCount, PollError, PollInput, SignedPoll, TallyResult };
export type { ScopeInput, WeightsInput } from '../domain/polls/validate';
export type { CloseVerdict, VoterWeight } from '../domain/polls/count';
export type { PollMethod, RejectedBallot, RejectReason } from '../domain/polls/types';
export { POLL_METHODS, RANKED_METHODS, CANDIDATE_METHODS } from '../domain/polls/types';
export { MAX_SCORE, POLL_LIMITS } from '../domain/polls/validate';

export type PollActionError = 'notAMember' | 'notInScope' | 'pollNotFound' | 'invalidChoice' | 'pollClosed' | 'changeNotAllowed' | 'notAllowed' | 'alreadyClosed';

export interface PollSummary {
  readonly poll: SignedPoll;
  readonly count: PollCount;
  /** The result this device may show now (null while open and results stay hidden until closing). */
  readonly result: TallyResult | null;
  /** This member's ballot that counts now, if any. */
  readonly myBallot: SignedBallot | null;
  readonly canVote: boolean;
  /** This member is not in the poll's electorate (a poll put to a group they are not part of). */
  readonly outsideScope: boolean;
  readonly canClose: boolean;
  /** Before the deadline: the close would be an early close (teller's or creator's decision). */
  readonly closeIsEarly: boolean;
}

const TICK = 5_000;

/** A named set of members a poll's electorate can be taken from (e.g. a project's participants). */
export interface MemberGroup {
  readonly name: string;
  readonly memberIds: readonly string[];
}

/** Saves JSON as a file through a Blob (works offline). */
export function downloadJson(name: string, value: unknown): void {
  const blob = new Blob([`${JSON.stringify(value, null, 2)}\n`], { type: 'application/json' });
  const url = URL.createObjectURL(blob);
  const anchor = document.createElement('a');
  anchor.href = url;
  anchor.download = name;
  anchor.rel = 'noopener';
  document.body.append(anchor);
  anchor.click();
  anchor.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Polls of a branch: signed definitions, signed ballots and signed close records in its document. */
export function createPollStore(deps: FeatureDeps, members: MembersStore) {
  const { identity } = deps;

  /** Call inside a reactive owner (a section). */
  function view(docId: DocId) {
    const doc = openDoc(deps, docId);
    const membersView = members.view(docId);
    const [authentic, setAuthentic] = createSignal<{ set: ReadonlySet<unknown>; polls: ReturnType<typeof readPolls> }>({
      set: new Set(),
      polls: new Map(),
    });
    let run = 0;
    const refresh = async () => {
      const mine = ++run;
      const polls = readPolls(doc);
      const all: unknown[] = [];
      for (const raw of polls.values()) all.push(raw.definition, ...raw.ballots, ...raw.closes);
      const set = await verifyAllSigned(all);
      if (mine === run) setAuthentic({ set, polls });
    };
    void refresh();
    onCleanup(observePolls(doc, () => void refresh()));
    // A higher branch: its accepted member chapters and their members, from mirrored logs.
    const [chapters, setChapters] = createSignal<readonly MemberChapter[]>([]);
    let chapterRun = 0;
    const refreshChapters = async () => {
      const mine = ++chapterRun;
      const found = await memberChapters(doc, docId, membersView.state());
      if (mine === chapterRun) setChapters(found);
    };
    createEffect(() => {
      membersView.state();
      void refreshChapters();
    });
    onCleanup(observeFederationLog(doc, () => void refreshChapters()));
    onCleanup(observeMemberMirrors(doc, () => void refreshChapters()));
    /** Everyone who may vote in some poll here: the branch's members, then each member chapter's. */
    const allVoters = createMemo((): readonly Voter[] => [
      ...votersOf(membersView.state()),
      ...chapters().flatMap((chapter) => votersOf(chapter.membership, chapter.id)),
    ]);
    /** This device's voter in a poll's electorate (a member of this branch, or of an affected chapter). */
    const myVoter = (poll: SignedPoll): Voter | undefined =>
      allVoters().find(
        (voter) => voter.active && inScope(poll, voter) && voter.devices.some((device) => device.key === identity.deviceKey && !device.revoked),
      );
    const knownHere = (): boolean => allVoters().some((voter) => voter.active && voter.devices.some((device) => device.key === identity.deviceKey && !device.revoked));

    const [now, setNow] = createSignal(new Date().toISOString());
    const timer = setInterval(() => setNow(new Date().toISOString()), TICK);
    onCleanup(() => clearInterval(timer));

    const summaries = createMemo((): readonly PollSummary[] => {
      const { set, polls } = authentic();
      const voters = allVoters();
      const me = membersView.me();
      const at = now();
      const out: PollSummary[] = [];
      for (const [id, raw] of polls) {
        const poll = raw.definition;
        if (!isSignedPoll(poll) || poll.id !== id || poll.chapterId !== docId || !set.has(poll)) continue;
        const count = countPoll({ poll, ballots: raw.ballots, closes: raw.closes, voters, isAuthentic: (r) => set.has(r), now: at });
        const voter = myVoter(poll);
        const sameVoter = (c: { memberId: string; chapterId?: string }) => !!voter && c.memberId === voter.memberId && c.chapterId === voter.chapterId;
        const myBallot = count.counted.find(sameVoter)?.ballot ?? null;
        const past = Date.parse(at) >= Date.parse(poll.closesAt);
        const finished = count.status === 'closed' || count.status === 'awaitingBallots';
        const visible = finished || past || poll.showResultsBeforeClose;
        const meVoter = me ? voters.find((v) => v.memberId === me.id && v.chapterId === undefined) : undefined;
        const isCreator = !!me && me.devices.some((d) => d.key === poll.createdBy);
        const privileged = !!meVoter?.isTeller || isCreator;
        out.push({
          poll,
          count,
          result: visible ? tallyPoll(poll, count.counted) : null,
          myBallot,
          canVote: !!voter && !finished && !past && (poll.allowBallotChange || !myBallot),
          outsideScope: !voter && (!!me || knownHere()),
          canClose: !!me && !finished && (privileged || (poll.anyMemberMayClose && past)),
          closeIsEarly: !past,
        });
      }
      return out.sort((a, b) => b.poll.createdAt.localeCompare(a.poll.createdAt) || (a.poll.id < b.poll.id ? -1 : 1));
    });

    const find = (pollId: string) => summaries().find((s) => s.poll.id === pollId);

    // Meetings and projects: the agenda items a poll can be linked to, the groups it can be put to.
    const [related, setRelated] = createSignal(0);
    onCleanup(observeMeetings(doc, () => setRelated((n) => n + 1)));
    onCleanup(observeProjects(doc, () => setRelated((n) => n + 1)));
    const activeMembers = createMemo(() =>
      (membersView.state()?.members ?? [])
        .filter((member) => member.status === 'active')
        .map((member) => ({ id: member.id as string, name: member.name, devices: member.devices.map((d) => d.key as string) }))
        .sort((a, b) => a.name.localeCompare(b.name) || (a.id < b.id ? -1 : 1)),
    );
    const groups = createMemo((): readonly MemberGroup[] => {
      related();
      const owner = new Map<string, string>();
      for (const member of activeMembers()) for (const key of member.devices) owner.set(key, member.id);
      return readProjects(doc).map((project) => ({
        name: project.title,
        memberIds: [...new Set(project.participants.flatMap((p) => (owner.has(p.id) ? [owner.get(p.id)!] : [])))],
      }));
    });
    const agendaItems = createMemo((): readonly LinkableItem[] => {
      related();
      return linkableAgendaItems(doc);
    });

    // A final poll writes its outcome into the minutes of its linked agenda item (members only).
    createEffect(() => {
      related();
      if (!membersView.me()) return;
      for (const s of summaries()) if (s.count.status === 'closed') recordOutcome(doc, s.poll, s.count, s.result);
    });

    return {
      polls: summaries,
      poll: (pollId: string): PollSummary | undefined => find(pollId),
      me: membersView.me,
      /** The member name a device key belongs to, or null. */
      nameOfDevice: (key: string): string | null =>
        membersView.state()?.members.find((member) => member.devices.some((device) => device.key === key))?.name ??
        allVoters().find((voter) => voter.devices.some((device) => device.key === key))?.name ??
        null,
      nameOfMember: (id: string): string | null =>
        membersView.state()?.members.find((member) => member.id === id)?.name ?? allVoters().find((voter) => voter.memberId === id)?.name ?? null,
      /**
       * Accepted member chapters of this branch and theirs below (a poll can be put to some of
       * them); a chapter below a member branch is named with the branch it belongs to.
       */
      memberChapters: (): readonly { readonly id: string; readonly name: string }[] =>
        chapters()
          .map(({ id, name, via }) => {
            const parent = chapters().find((chapter) => chapter.id === via.at(-1));
            return { id, name: parent ? `${name} (${parent.name})` : name };
          })
          .sort((a, b) => a.name.localeCompare(b.name) || (a.id < b.id ? -1 : 1)),
      chapterName: (id: string): string => chapters().find((chapter) => chapter.id === id)?.name ?? id,
      membersReady: (): boolean => membersView.state() !== null,
      /** Active members, by name: who a poll can be put to and weighted for. */
      members: (): readonly { readonly id: string; readonly name: string }[] => activeMembers(),
      groups,
      agendaItems,
      async create(input: PollInput): Promise<Result<string, readonly PollError[] | PollActionError>> {
        if (!membersView.me()) return err('notAMember');
        const checked = validatePollInput(input, {
          chapterId: docId,
          createdBy: identity.deviceKey,
          now: new Date().toISOString(),
          members: activeMembers().map((m) => m.id),
          chapters: chapters().map(({ id, name }) => ({ id, name })),
        });
        if (!checked.ok) return checked;
        const signed = await signPoll(checked.value, identity.device);
        createPoll(doc, signed);
        return ok(signed.id);
      },
      async vote(pollId: string, choice: BallotChoice): Promise<Result<void, PollActionError>> {
        const summary = find(pollId);
        if (!summary) return err('pollNotFound');
        const voter = myVoter(summary.poll);
        if (!voter) return err(membersView.me() || knownHere() ? 'notInScope' : 'notAMember');
        if (!isValidChoice(summary.poll, choice)) return err('invalidChoice');
        if (summary.count.status === 'closed' || Date.now() > Date.parse(summary.poll.closesAt)) return err('pollClosed');
        if (!summary.poll.allowBallotChange && summary.myBallot) return err('changeNotAllowed');
        // The voter's own counter: one more than any ballot any of their devices cast in this poll.
        const myKeys = new Set<string>(voter.devices.map((d) => d.key));
        const raw = readPolls(doc).get(pollId);
        const last = (raw?.ballots ?? []).reduce<number>((max, b) => (isSignedBallot(b) && myKeys.has(b.voter) ? Math.max(max, b.seq) : max), 0);
        const ballot = await signBallot(
          {
            v: 1,
            kind: 'ballot',
            pollId,
            chapterId: docId,
            voter: identity.deviceKey,
            seq: last + 1,
            choice,
            castAt: new Date().toISOString(),
          },
          identity.device,
        );
        return appendBallot(doc, ballot) ? ok(undefined) : err('pollNotFound');
      },
      async close(pollId: string): Promise<Result<void, PollActionError>> {
        const summary = find(pollId);
        if (!summary) return err('pollNotFound');
        if (summary.count.status === 'closed') return err('alreadyClosed');
        if (!summary.canClose) return err('notAllowed');
        const record = await signCloseRecord(
          {
            v: 1,
            kind: 'close',
            pollId,
            chapterId: docId,
            closer: identity.deviceKey,
            closedAt: new Date().toISOString(),
            early: summary.closeIsEarly,
            ballots: ballotsToClose(summary.count),
          },
          identity.device,
        );
        return appendCloseRecord(doc, record) ? ok(undefined) : err('pollNotFound');
      },
      audit(pollId: string): PollAudit | null {
        const summary = find(pollId);
        if (!summary) return null;
        const raw = readPolls(doc).get(pollId);
        return buildAudit(summary.poll, summary.count, { voters: allVoters(), ballots: raw?.ballots ?? [], closes: raw?.closes ?? [] });
      },
    };
  }

  return { view };
}

export type PollStore = ReturnType<typeof createPollStore>;
export type PollsView = ReturnType<PollStore['view']>;
