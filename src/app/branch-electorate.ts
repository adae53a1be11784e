import type * as Y from 'yjs';
import { readChapter } from '../crdt/chapter-repository';
import { readFederationLog } from '../crdt/federation-repository';
import { readFederationMirrors, readMemberMirrors } from '../crdt/member-mirror-repository';
import { validateSignedLog } from '../crypto/entry-signing';
import { verifyFederationEntries } from '../crypto/federation-signing';
import { authorityOf } from '../domain/federation/authority';
import type { FederationState } from '../domain/federation/types';
import { validateFederationLog } from '../domain/federation/validate';
import type { BranchLevel } from '../domain/chapter';
import type { DocId } from '../domain/ids';
import type { ChapterId, EntryId } from '../domain/membership/types';
import type { MembershipState } from '../domain/membership/view';
import { acceptedChapters, type MemberChapterRef } from '../domain/polls/voters';

export interface MemberChapter extends MemberChapterRef {
  /** The chapter's membership by its mirrored log (null: nothing mirrored yet). */
  readonly membership: MembershipState | null;
  /**
   * The member branches between this branch and the chapter, top first: empty for a direct member
   * chapter, [region] for a local chapter of a member region, and so on.
   */
  readonly via: readonly ChapterId[];
}

/** Levels below a branch: at most three (international → national → regional → local). */
const MAX_DEPTH = 3;

/**
 * The accepted member chapters of a branch, and theirs, down to local chapters, with who belongs
 * to each, read from the branch's own document alone: acceptances checked against the accepting
 * branch's membership, each mirrored log validated by the membership rules pinned to the founding
 * entry the accepted request names. A chapter below a member branch counts only through that
 * branch's own signed federation log (mirrored up, see member-mirror.ts), judged with that
 * branch's validated membership: nobody can add a chapter by writing into a mirror.
 */
export async function memberChapters(doc: Y.Doc, branchId: DocId, branch: MembershipState | null): Promise<readonly MemberChapter[]> {
  const details = readChapter(doc);
  if (!details || !branch) return [];
  const mirrors = readMemberMirrors(doc);
  const federationMirrors = readFederationMirrors(doc);
  const seen = new Set<string>([branchId]);
  const out: MemberChapter[] = [];
  let level = await acceptedUnder(readFederationLog(doc), branchId, details.level, branch, mirrors, []);
  for (let depth = 0; depth < MAX_DEPTH && level.length > 0; depth++) {
    const found = level.filter((chapter) => !seen.has(chapter.id));
    for (const chapter of found) seen.add(chapter.id);
    out.push(...found);
    const next: MemberChapter[] = [];
    for (const chapter of found) {
      const raw = federationMirrors.get(chapter.id);
      if (!raw || !chapter.membership) continue;
      next.push(...(await acceptedUnder(raw, chapter.id as DocId, chapter.level, chapter.membership, mirrors, [...chapter.via, chapter.id])));
    }
    level = next;
  }
  return out;
}

/**
 * The chapters a branch accepted, by its federation log `raw` and its membership. Two passes: the
 * mirrored memberships then also check that each join request was signed by someone who could
 * speak for the chapter.
 */
async function acceptedUnder(
  raw: readonly unknown[],
  branchId: DocId,
  branchLevel: BranchLevel,
  branch: MembershipState,
  mirrors: ReadonlyMap<string, readonly unknown[]>,
  via: readonly ChapterId[],
): Promise<MemberChapter[]> {
  const verified = await verifyFederationEntries(raw);
  const federation = (childAuthority?: (childId: DocId, key: string) => boolean | undefined): FederationState =>
    validateFederationLog(raw, (entry) => verified.has(entry), {
      branchId,
      branchLevel,
      isAuthorized: authorityOf(branch),
      ...(childAuthority ? { childAuthority } : {}),
    });
  const validate = async (refs: readonly MemberChapterRef[]): Promise<MemberChapter[]> =>
    Promise.all(
      refs.map(async (ref) => {
        const entries = mirrors.get(ref.id);
        const membership = entries ? await validateSignedLog(entries, { chapterId: ref.id, genesisId: ref.genesis as EntryId }) : null;
        return { ...ref, membership, via };
      }),
    );
  const first = await validate(acceptedChapters(federation()));
  const authority = new Map(first.flatMap((chapter) => (chapter.membership ? [[chapter.id, authorityOf(chapter.membership)] as const] : [])));
  const checked = acceptedChapters(federation((childId, key) => authority.get(childId)?.(key as never)));
  const byId = new Map(first.map((chapter) => [chapter.id, chapter] as const));
  return checked.flatMap((ref) => {
    const chapter = byId.get(ref.id);
    return chapter && chapter.genesis === ref.genesis ? [chapter] : [];
  });
}
