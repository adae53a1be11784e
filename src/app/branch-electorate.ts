import type * as Y from 'yjs';
import { readChapter } from '../crdt/chapter-repository';
import { readFederationLog } from '../crdt/federation-repository';
import { readMemberMirrors } from '../crdt/member-mirror-repository';
import { validateSignedLog } from '../crypto/entry-signing';
import { verifyFederationEntries } from '../crypto/federation-signing';
import { authorityOf } from '../domain/federation/authority';
import type { FederationState } from '../domain/federation/types';
import { validateFederationLog } from '../domain/federation/validate';
import type { DocId } from '../domain/ids';
import type { EntryId } from '../domain/membership/types';
import type { MembershipState } from '../domain/membership/view';
import { acceptedChapters, type MemberChapterRef } from '../domain/polls/voters';

export interface MemberChapter extends MemberChapterRef {
  /** The chapter's membership by its mirrored log (null: nothing mirrored yet). */
  readonly membership: MembershipState | null;
}

/**
 * The accepted member chapters of a branch and who belongs to each, read from the branch's own
 * document alone: acceptances checked against the branch's membership, each mirrored log
 * validated by the membership rules pinned to the founding entry the accepted request names.
 * Two passes: the mirrored memberships then also check that each join request was signed by
 * someone who could speak for the chapter.
 */
export async function memberChapters(doc: Y.Doc, branchId: DocId, branch: MembershipState | null): Promise<readonly MemberChapter[]> {
  const details = readChapter(doc);
  if (!details || !branch) return [];
  const raw = readFederationLog(doc);
  const verified = await verifyFederationEntries(raw);
  const federation = (childAuthority?: (childId: DocId, key: string) => boolean | undefined): FederationState =>
    validateFederationLog(raw, (entry) => verified.has(entry), {
      branchId,
      branchLevel: details.level,
      isAuthorized: authorityOf(branch),
      ...(childAuthority ? { childAuthority } : {}),
    });
  const mirrors = readMemberMirrors(doc);
  const validate = async (refs: readonly MemberChapterRef[]): Promise<MemberChapter[]> =>
    Promise.all(
      refs.map(async (ref) => {
        const entries = mirrors.get(ref.id);
        const membership = entries ? await validateSignedLog(entries, { chapterId: ref.id, genesisId: ref.genesis as EntryId }) : null;
        return { ...ref, membership };
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
