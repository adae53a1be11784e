import { type Accessor, createSignal } from 'solid-js';
import type * as Y from 'yjs';
import { observeChapter, readChapter } from '../crdt/chapter-repository';
import { observeFederationLog, observeSkillCards, readFederationLog, readSkillCards } from '../crdt/federation-repository';
import { observeMemberMirrors } from '../crdt/member-mirror-repository';
import { observeMembershipLog, readMembershipLog } from '../crdt/membership-repository';
import { validateSignedLog } from '../crypto/entry-signing';
import { observePolls } from '../crdt/poll-repository';
import { verifyFederationEntries, verifySkillCards } from '../crypto/federation-signing';
import type { ChapterDetails } from '../domain/chapter';
import type { BranchAuthority } from '../domain/federation/authority';
import { activeMemberCount, authorityTimeline } from '../domain/federation/authority';
import { latestCards } from '../domain/federation/skill-card';
import type { FederationState } from '../domain/federation/types';
import { validateFederationLog } from '../domain/federation/validate';
import type { DocId } from '../domain/ids';
import { headsOf } from '../domain/membership/draft';
import type { DeviceKey, EntryId, MembershipEntry } from '../domain/membership/types';
import type { MembershipState } from '../domain/membership/view';
import type { CatalogEntry } from '../persistence/catalog';
import type { FeatureDeps } from './feature-deps';
import { validateWithPolls } from './member-polls';

/** Everything the federation screens need about one branch document this device holds. */
export interface HeldBranch {
  readonly entry: CatalogEntry;
  readonly doc: Y.Doc;
  /** Undefined until the branch's data has arrived. */
  readonly details: ChapterDetails | undefined;
  readonly membership: MembershipState | null;
  readonly federation: FederationState | null;
  /** Whether this device may speak for the branch (a role or the founder). */
  readonly canSpeak: boolean;
  /** The heads of the branch's valid membership entries: the point a record made now is made at. */
  readonly membershipHeads: readonly string[];
  /** Skills each device chose to list in this branch's directory (latest signed card). */
  readonly skills: ReadonlyMap<DeviceKey, readonly string[]>;
}

interface Watched {
  entry: CatalogEntry;
  readonly doc: Y.Doc;
  membership: MembershipState | null;
  /** The chapter polls that passed, as evidence for admissions and removals put to a vote. */
  passed: ReadonlySet<string>;
  membershipDirty: boolean;
  readonly off: () => void;
}

/**
 * Opens every branch document in the catalog (so each keeps syncing), validates its membership
 * and federation logs whenever they change, and hands the results to `onSettled` (which opens
 * ancestors, completes accepted joins and refreshes the directory).
 */
export function createFederationKeeper(deps: FeatureDeps, onSettled: (branches: readonly HeldBranch[]) => Promise<void>) {
  const watched = new Map<DocId, Watched>();
  const [branches, setBranches] = createSignal<readonly HeldBranch[]>([]);
  let running: Promise<void> | null = null;
  let again = false;

  function watch(entry: CatalogEntry): void {
    const known = watched.get(entry.id);
    if (known) {
      known.entry = entry;
      return;
    }
    if (entry.kind !== 'chapter') return;
    const { doc } = deps.documents.openDocument(entry.id, entry.secret);
    const markMembers = () => {
      const item = watched.get(entry.id);
      if (item) item.membershipDirty = true;
      schedule();
    };
    const offs = [
      observeChapter(doc, schedule),
      observeMembershipLog(doc, markMembers),
      observePolls(doc, () => {
        if ((watched.get(entry.id)?.membership?.pollLinks.length ?? 0) > 0) markMembers();
      }),
      observeFederationLog(doc, schedule),
      observeSkillCards(doc, schedule),
      // Entries mirrored up from member chapters climb on to this branch's own parent.
      observeMemberMirrors(doc, schedule),
    ];
    watched.set(entry.id, { entry, doc, membership: null, passed: new Set(), membershipDirty: true, off: () => {
        for (const off of offs) off();
      },
    });
    schedule();
  }

  /** Coalesces bursts of updates (a sync delivers many) into one pass at a time. */
  function schedule(): void {
    if (running) {
      again = true;
      return;
    }
    running = refresh().finally(() => {
      running = null;
      if (again) {
        again = false;
        schedule();
      }
    });
  }

  async function refresh(): Promise<void> {
    for (const [docId, item] of watched) {
      if (!item.membershipDirty) continue;
      item.membershipDirty = false;
      const genesis = item.entry.genesisId;
      const options = { chapterId: docId, ...(genesis ? { genesisId: genesis as EntryId } : {}) };
      const checked = await validateWithPolls(validateSignedLog, item.doc, readMembershipLog(item.doc), options, item.passed);
      item.membership = checked.state;
      item.passed = checked.passed;
    }
    // Judged at the point of the membership log each record names, not on today's membership.
    const authority = new Map<DocId, BranchAuthority>();
    for (const [docId, item] of watched) if (item.membership) authority.set(docId, authorityTimeline(item.membership, readMembershipLog(item.doc)));
    const next: HeldBranch[] = [];
    for (const [docId, item] of watched) {
      const details = readChapter(item.doc);
      const speaks: BranchAuthority = authority.get(docId) ?? (() => false);
      let federation: FederationState | null = null;
      if (details && item.membership) {
        const raw = readFederationLog(item.doc);
        const verified = await verifyFederationEntries(raw);
        federation = validateFederationLog(raw, (entry) => verified.has(entry), {
          branchId: docId,
          branchLevel: details.level,
          isAuthorized: speaks,
          childAuthority: (childId, key, heads) => authority.get(childId)?.(key, heads),
        });
      }
      const rawCards = readSkillCards(item.doc);
      const verifiedCards = await verifySkillCards(rawCards);
      const cards = latestCards(rawCards, docId, (card) => verifiedCards.has(card));
      const skills = new Map([...cards].map(([key, card]) => [key, card.skills] as const));
      next.push({
        entry: item.entry,
        doc: item.doc,
        details,
        membership: item.membership,
        federation,
        canSpeak: speaks(deps.identity.deviceKey),
        membershipHeads: validHeads(item.doc, item.membership),
        skills,
      });
    }
    setBranches(next);
    await onSettled(next);
  }

  const unsubscribe = deps.catalog.subscribe((entries) => {
    for (const entry of entries) watch(entry);
    // A branch no longer in the catalog (e.g. a parent the chapter left) is no longer kept.
    const present = new Set(entries.map((entry) => entry.id));
    for (const [docId, item] of watched) {
      if (present.has(docId)) continue;
      item.off();
      watched.delete(docId);
      schedule();
    }
  });
  void deps.catalog.list().then((entries) => {
    for (const entry of entries) watch(entry);
  });

  return {
    branches: branches as Accessor<readonly HeldBranch[]>,
    /** Resolves once the latest changes have been validated. */
    settled: async (): Promise<void> => {
      while (running) await running;
    },
    memberCount: (branch: HeldBranch): number | null => (branch.membership ? activeMemberCount(branch.membership) : null),
    stop(): void {
      unsubscribe();
      for (const item of watched.values()) item.off();
      watched.clear();
    },
  };
}

function validHeads(doc: Y.Doc, state: MembershipState | null): readonly string[] {
  const valid = new Set(state?.verdicts.filter((verdict) => verdict.status === 'valid').map((verdict) => verdict.id) ?? []);
  const entries = readMembershipLog(doc).filter(
    (raw): raw is MembershipEntry => typeof raw === 'object' && raw !== null && valid.has((raw as MembershipEntry).id),
  );
  return headsOf(entries).map((head) => head.id);
}

export type FederationKeeper = ReturnType<typeof createFederationKeeper>;
