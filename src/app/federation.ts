import { appendFederationEntry, appendSkillCard } from '../crdt/federation-repository';
import { signFederationEntry, signSkillCard } from '../crypto/federation-signing';
import type { BranchLevel } from '../domain/chapter';
import type { BranchSnapshot, FederationNode } from '../domain/federation/tree';
import { buildFederationTree } from '../domain/federation/tree';
import type { FederationBody, FederationEntryId, JoinRequestView, UnsignedFederationEntry } from '../domain/federation/types';
import { SKILL_CARD_LIMITS } from '../domain/federation/skill-card';
import { isBelow } from '../domain/federation/validate';
import type { DocId } from '../domain/ids';
import type { Result } from '../domain/result';
import type { SyncState } from '../sync/transport';
import { err, ok } from '../domain/result';
import { newCatalogEntry } from '../persistence/catalog';
import { directoryIndex, indexDirectory } from './directory';
import type { FeatureDeps } from './feature-deps';
import { createFederationKeeper, type HeldBranch } from './federation-keeper';
import { mirrorMemberships } from './member-mirror';

export type { FederationNode, JoinRequestView };

export type FederationActionError = 'notHere' | 'notReady' | 'notAllowed' | 'levelNotBelow' | 'alreadyAsked' | 'unknownRequest';

export interface BranchChoice {
  readonly id: DocId;
  readonly name: string;
  readonly level: BranchLevel;
}

export interface BranchFederation {
  readonly level: BranchLevel;
  /** The parent this branch recorded (both sides signed, as far as this device can see). */
  readonly parent: { readonly id: DocId; readonly name: string; readonly onDevice: boolean } | null;
  /** Requests to join this branch: waiting ones and accepted member branches. */
  readonly requests: readonly JoinRequestView[];
  /** Whether this device may accept requests for this branch (and leave its parent). */
  readonly canAccept: boolean;
  /** This device's branches that could ask to join this one. */
  readonly candidates: readonly BranchChoice[];
  /** Federation records in this branch's document that failed validation (shown, never counted). */
  readonly invalidCount: number;
}

/**
 * The federation of branches: join requests and acceptances signed into the higher branch's
 * document, the parent link signed into the joining branch's own. Started once per app: it keeps
 * every branch document open, opens each recorded parent (so every ancestor keeps syncing on every
 * member's device) and completes accepted joins on a device that may speak for the chapter.
 *
 * Decision: the parent's room secret travels inside the child's signed parent link, so whoever
 * holds the chapter's secret can also read and write the parent document. Writes that matter are
 * signed and checked against the parent's own membership, and a branch's records are meant for
 * its member chapters; the alternative (every member opening each ancestor's invite by hand)
 * would leave most devices without their ancestors, which is what the federation needs to sync.
 */
export function createFederationStore(deps: FeatureDeps) {
  const { identity, catalog } = deps;
  /** Accepts this device has already answered with a link, so a slow re-validation never signs twice. */
  const linked = new Set<FederationEntryId>();
  /** Parents this device wrote a leave into: kept open until a peer is connected to take it over. */
  const handingOver = new Set<DocId>();

  /** `speaksFor`: the branch whose membership gives the signer the right (its point is signed in). */
  async function sign(doc: HeldBranch['doc'], branchId: DocId, body: FederationBody, speaksFor: HeldBranch): Promise<void> {
    const heads = speaksFor.membershipHeads;
    const unsigned = {
      ...body,
      branchId,
      author: identity.deviceKey,
      createdAt: new Date().toISOString(),
      ...(heads.length > 0 ? { membershipHeads: heads } : {}),
    } as UnsignedFederationEntry;
    appendFederationEntry(doc, await signFederationEntry(unsigned, identity.device));
  }

  async function settle(branches: readonly HeldBranch[]): Promise<void> {
    const byId = new Map(branches.map((branch) => [branch.entry.id, branch] as const));
    for (const branch of branches) {
      const link = branch.federation?.parentLink;
      // The parent's room secret travels in the signed link: every member's device opens the parent.
      if (link && !byId.has(link.parentId) && !(await catalog.get(link.parentId))) {
        await catalog.put(
          newCatalogEntry({ id: link.parentId, title: link.parentName, secret: link.parentSecret, genesisId: link.parentGenesis }, new Date().toISOString()),
        );
      }
      await completeAcceptedJoins(branch, byId);
    }
    // Parents learn who belongs to their member chapters (polls put to member chapters need it);
    // before forgetting left ancestors, so nothing is written into a document being closed.
    mirrorMemberships(branches);
    await forgetLeftAncestors(branches);
    await indexDirectory(directoryIndex(deps), branches);
  }

  /**
   * After a chapter left its parent, this device stops keeping that parent (and the parent's own
   * ancestors) synced, unless it is a member there or another branch here still links to it.
   */
  async function forgetLeftAncestors(branches: readonly HeldBranch[]): Promise<void> {
    const byId = new Map(branches.map((branch) => [branch.entry.id, branch] as const));
    const kept = new Set<DocId>();
    const keep = (id: DocId | undefined): void => {
      for (let at = id; at !== undefined && !kept.has(at); at = byId.get(at)?.federation?.parentLink?.parentId) kept.add(at);
    };
    for (const branch of branches) if (isMember(branch)) keep(branch.entry.id);
    const left = new Set<DocId>();
    for (const branch of branches) {
      for (const departure of branch.federation?.departures ?? []) {
        for (let at: DocId | undefined = departure.parentId; at !== undefined && !left.has(at); at = byId.get(at)?.federation?.parentLink?.parentId) left.add(at);
      }
    }
    for (const id of left) {
      if (kept.has(id) || !byId.has(id) || handingOver.has(id)) continue;
      // Out of the catalog first, so no screen starts reading a document that is closing.
      await catalog.remove(id);
      await deps.documents.close(id);
    }
  }

  /** The chapter's side of "both sides sign": record the parent once it accepted our request. */
  async function completeAcceptedJoins(parent: HeldBranch, byId: ReadonlyMap<DocId, HeldBranch>): Promise<void> {
    if (!parent.details || !parent.federation || !parent.entry.genesisId) return;
    for (const request of parent.federation.requests) {
      const child = byId.get(request.childId);
      const acceptId = request.acceptedBy;
      if (!acceptId || request.leftBy || !child?.canSpeak || !child.federation || linked.has(acceptId)) continue;
      if (child.federation.departures.some((departure) => departure.acceptId === acceptId)) continue;
      const current = child.federation.parentLink;
      if (current && (current.acceptId === acceptId || current.createdAt >= request.createdAt)) continue;
      linked.add(acceptId);
      await sign(child.doc, child.entry.id, {
        type: 'parent-link',
        parentId: parent.entry.id,
        parentGenesis: parent.entry.genesisId,
        parentSecret: parent.entry.secret,
        parentName: parent.details.name,
        parentLevel: parent.details.level,
        acceptId,
      }, child);
    }
  }

  const isMember = (branch: HeldBranch): boolean =>
    branch.membership?.members.some(
      (member) => member.status === 'active' && member.devices.some((device) => device.key === identity.deviceKey && device.revokedBy === null),
    ) ?? false;

  const keeper = createFederationKeeper(deps, settle);
  const find = (id: DocId) => keeper.branches().find((branch) => branch.entry.id === id);

  function snapshot(branch: HeldBranch): BranchSnapshot | null {
    if (!branch.details) return null;
    return {
      id: branch.entry.id,
      name: branch.details.name,
      level: branch.details.level,
      memberCount: keeper.memberCount(branch),
      federation: branch.federation,
    };
  }

  /** Reactive: read inside a component or memo. */
  function tree(): readonly FederationNode[] {
    return buildFederationTree(keeper.branches().flatMap((branch) => snapshot(branch) ?? []));
  }

  function candidatesFor(target: HeldBranch): readonly BranchChoice[] {
    const level = target.details?.level;
    if (!level || level === 'local') return [];
    const asked = new Set(target.federation?.requests.filter((request) => !request.leftBy).map((request) => request.childId));
    return keeper.branches().flatMap((branch) =>
      branch.entry.id !== target.entry.id && branch.details && branch.canSpeak && isBelow(branch.details.level, level) && !asked.has(branch.entry.id)
        ? [{ id: branch.entry.id, name: branch.details.name, level: branch.details.level }]
        : [],
    );
  }

  /** Reactive view of one branch's place in the federation; null until it has been checked. */
  function branchFederation(id: DocId): BranchFederation | null {
    const branch = find(id);
    if (!branch?.details || !branch.federation) return null;
    const link = branch.federation.parentLink;
    const parent = link ? find(link.parentId) : undefined;
    return {
      level: branch.details.level,
      parent: link ? { id: link.parentId, name: parent?.details?.name ?? link.parentName, onDevice: parent !== undefined } : null,
      requests: branch.federation.requests,
      canAccept: branch.canSpeak,
      candidates: candidatesFor(branch),
      invalidCount: branch.federation.verdicts.filter((verdict) => verdict.status === 'invalid').length,
    };
  }

  /** A member of `childId` asks, in the parent's document, for the chapter to join `parentId`. */
  async function requestJoin(parentId: DocId, childId: DocId): Promise<Result<void, FederationActionError>> {
    await keeper.settled();
    const parent = find(parentId);
    const child = find(childId);
    if (!parent || !child) return err('notHere');
    if (!parent.details || !child.details || !child.membership?.foundedBy) return err('notReady');
    if (!child.canSpeak) return err('notAllowed');
    if (!isBelow(child.details.level, parent.details.level)) return err('levelNotBelow');
    if (parent.federation?.requests.some((request) => request.childId === childId && !request.leftBy)) return err('alreadyAsked');
    await sign(parent.doc, parentId, {
      type: 'join-request',
      childId,
      childGenesis: child.entry.genesisId ?? child.membership.foundedBy,
      childName: child.details.name,
      childLevel: child.details.level,
    }, child);
    return ok(undefined);
  }

  /** A member with a role in `parentId` accepts a chapter's request. */
  async function accept(parentId: DocId, requestId: FederationEntryId): Promise<Result<void, FederationActionError>> {
    await keeper.settled();
    const parent = find(parentId);
    if (!parent?.federation) return err('notHere');
    if (!parent.canSpeak) return err('notAllowed');
    const request = parent.federation.requests.find((item) => item.id === requestId);
    if (!request) return err('unknownRequest');
    if (request.acceptedBy) return ok(undefined);
    await sign(parent.doc, parentId, { type: 'accept', requestId, childId: request.childId }, parent);
    return ok(undefined);
  }

  /** Releases a left parent once its document is connected to a peer (which then has the leave record). */
  function handOver(parentId: DocId): void {
    const connection = deps.documents.get(parentId)?.connection;
    const release = (): void => {
      off?.();
      handingOver.delete(parentId);
      void forgetLeftAncestors(keeper.branches());
    };
    let off: (() => void) | undefined;
    const ready = (state: SyncState) => state.kind === 'connected' && state.peers > 0;
    if (!connection || ready(connection.state())) {
      release();
      return;
    }
    off = connection.onState((state) => {
      if (ready(state)) release();
    });
  }

  /** The chapter leaves its parent: signed into the chapter's document and the parent's. */
  async function leaveParent(childId: DocId): Promise<Result<void, FederationActionError>> {
    await keeper.settled();
    const child = find(childId);
    const link = child?.federation?.parentLink;
    if (!child || !link) return err('notHere');
    if (!child.canSpeak) return err('notAllowed');
    const body = { type: 'leave-parent', childId, parentId: link.parentId, acceptId: link.acceptId } as const;
    await sign(child.doc, childId, body, child);
    const parent = find(link.parentId);
    if (parent) {
      handingOver.add(link.parentId);
      await sign(parent.doc, link.parentId, body, child);
      handOver(link.parentId);
    }
    return ok(undefined);
  }

  /** Branches where this device belongs to an active member: where it can list skills. */
  function memberOf(): readonly BranchChoice[] {
    return keeper.branches().flatMap((branch) =>
      isMember(branch) && branch.details ? [{ id: branch.entry.id, name: branch.details.name, level: branch.details.level }] : [],
    );
  }

  /** Lists (or, with an empty profile, clears) this member's profile skills in one branch's directory. */
  async function shareSkills(branchId: DocId): Promise<Result<readonly string[], FederationActionError>> {
    await keeper.settled();
    const branch = find(branchId);
    if (!branch) return err('notHere');
    if (!memberOf().some((choice) => choice.id === branchId)) return err('notAllowed');
    const skills = identity
      .profile()
      .skills.map((skill) => skill.trim().slice(0, SKILL_CARD_LIMITS.skill))
      .filter((skill) => skill.length > 0)
      .slice(0, SKILL_CARD_LIMITS.skills);
    const card = await signSkillCard({ branchId, author: identity.deviceKey, skills, createdAt: new Date().toISOString() }, identity.device);
    appendSkillCard(branch.doc, card);
    return ok(skills);
  }

  return { tree, branchFederation, requestJoin, accept, leaveParent, memberOf, shareSkills, profileSkills: () => identity.profile().skills, settled: keeper.settled };
}

export type FederationStore = ReturnType<typeof createFederationStore>;
