import { type Accessor, createSignal } from 'solid-js';
import type * as Y from 'yjs';
import { observeChapter, readChapter } from '../crdt/chapter-repository';
import { observeFederationLog, observeSkillCards, readFederationLog, readSkillCards } from '../crdt/federation-repository';
import { observeMembershipLog, readMembershipLog } from '../crdt/membership-repository';
import { validateSignedLog } from '../crypto/entry-signing';
import { verifyFederationEntries, verifySkillCards } from '../crypto/federation-signing';
import type { ChapterDetails } from '../domain/chapter';
import { activeMemberCount, authorityOf } from '../domain/federation/authority';
import { latestCards } from '../domain/federation/skill-card';
import type { FederationState } from '../domain/federation/types';
import { validateFederationLog } from '../domain/federation/validate';
import type { DocId } from '../domain/ids';
import type { DeviceKey, EntryId } from '../domain/membership/types';
import type { MembershipState } from '../domain/membership/view';
import type { CatalogEntry } from '../persistence/catalog';
import type { FeatureDeps } from './feature-deps';

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
  /** Skills each device chose to list in this branch's directory (latest signed card). */
  readonly skills: ReadonlyMap<DeviceKey, readonly string[]>;
}

interface Watched {
  entry: CatalogEntry;
  readonly doc: Y.Doc;
  membership: MembershipState | null;
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
    const offs = [observeChapter(doc, schedule), observeMembershipLog(doc, markMembers), observeFederationLog(doc, schedule), observeSkillCards(doc, schedule)];
    watched.set(entry.id, { entry, doc, membership: null, membershipDirty: true, off: () => {
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
      item.membership = await validateSignedLog(readMembershipLog(item.doc), {
        chapterId: docId,
        ...(genesis ? { genesisId: genesis as EntryId } : {}),
      });
    }
    const authority = new Map<DocId, (key: DeviceKey) => boolean>();
    for (const [docId, item] of watched) if (item.membership) authority.set(docId, authorityOf(item.membership));
    const next: HeldBranch[] = [];
    for (const [docId, item] of watched) {
      const details = readChapter(item.doc);
      const speaks = authority.get(docId) ?? (() => false);
      let federation: FederationState | null = null;
      if (details && item.membership) {
        const raw = readFederationLog(item.doc);
        const verified = await verifyFederationEntries(raw);
        federation = validateFederationLog(raw, (entry) => verified.has(entry), {
          branchId: docId,
          branchLevel: details.level,
          isAuthorized: speaks,
          childAuthority: (childId, key) => authority.get(childId)?.(key),
        });
      }
      const rawCards = readSkillCards(item.doc);
      const verifiedCards = await verifySkillCards(rawCards);
      const cards = latestCards(rawCards, docId, (card) => verifiedCards.has(card));
      const skills = new Map([...cards].map(([key, card]) => [key, card.skills] as const));
      next.push({ entry: item.entry, doc: item.doc, details, membership: item.membership, federation, canSpeak: speaks(deps.identity.deviceKey), skills });
    }
    setBranches(next);
    await onSettled(next);
  }

  const unsubscribe = deps.catalog.subscribe((entries) => {
    for (const entry of entries) watch(entry);
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

export type FederationKeeper = ReturnType<typeof createFederationKeeper>;
