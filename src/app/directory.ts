import { readMembershipLog } from '../crdt/membership-repository';
import { formatLocation } from '../domain/chapter';
import type { DocId } from '../domain/ids';
import type { DirectoryIndex, DirectoryRow } from '../persistence/directory-index';
import { createDirectoryIndex, directoryWords } from '../persistence/directory-index';
import type { FeatureDeps } from './feature-deps';
import type { HeldBranch } from './federation-keeper';

export type { DirectoryRow };

const LIMIT = 20;
/** What was last written per document, so unchanged documents cost no write. */
const written = new WeakMap<DirectoryIndex, Map<DocId, string>>();
const indexes = new WeakMap<FeatureDeps['catalog'], DirectoryIndex>();

/** One index per catalog, so the write cache above is shared by the federation and directory stores. */
export function directoryIndex(deps: Pick<FeatureDeps, 'catalog'>): DirectoryIndex {
  let index = indexes.get(deps.catalog);
  if (!index) {
    index = createDirectoryIndex(deps.catalog.directoryTable);
    indexes.set(deps.catalog, index);
  }
  return index;
}

/**
 * Rebuilds the directory rows of every branch document this device holds: the branch itself and
 * its active members, with the skills each member chose to list there (signed skill cards).
 */
export async function indexDirectory(index: DirectoryIndex, branches: readonly HeldBranch[]): Promise<void> {
  let seen = written.get(index);
  if (!seen) {
    seen = new Map();
    written.set(index, seen);
  }
  for (const branch of branches) {
    const rows = rowsOf(branch);
    const text = JSON.stringify(rows);
    if (seen.get(branch.entry.id) === text) continue;
    seen.set(branch.entry.id, text);
    await index.replace(branch.entry.id, rows);
  }
}

function rowsOf(branch: HeldBranch): readonly DirectoryRow[] {
  const { details, membership } = branch;
  if (!details) return [];
  const docId = branch.entry.id;
  const place = formatLocation(details.location);
  const rows: DirectoryRow[] = [
    {
      key: docId,
      kind: 'chapter',
      docId,
      name: details.name,
      place,
      level: details.level,
      foundedOn: details.foundedOn,
      chapterName: '',
      skills: [],
      since: details.foundedOn,
      words: directoryWords(details.name, place, ...(details.languages ?? [])),
    },
  ];
  if (!membership) return rows;
  const createdAt = new Map<string, string>();
  for (const raw of readMembershipLog(branch.doc)) {
    const entry = raw as { readonly id?: unknown; readonly createdAt?: unknown };
    if (typeof entry?.id === 'string' && typeof entry.createdAt === 'string') createdAt.set(entry.id, entry.createdAt);
  }
  for (const member of membership.members) {
    if (member.status !== 'active') continue;
    // A card counts only from a device still bound to the member.
    const skills = [...new Set(member.devices.flatMap((device) => (device.revokedBy === null ? (branch.skills.get(device.key) ?? []) : [])))];
    rows.push({
      key: `${docId}/${member.id}`,
      kind: 'member',
      docId,
      name: member.name,
      place,
      level: details.level,
      foundedOn: '',
      chapterName: details.name,
      skills,
      since: createdAt.get(member.admittedAt) ?? '',
      words: directoryWords(member.name, place, ...skills),
    });
  }
  return rows;
}

/** The directory page's queries over the index (the federation store keeps it up to date). */
export function createDirectoryStore(deps: FeatureDeps) {
  const index = directoryIndex(deps);
  return {
    newestChapters: () => index.newest('chapter', LIMIT),
    newestMembers: () => index.newest('member', LIMIT),
    search: (query: string) => index.search(query, LIMIT),
    /** Live results: calls back now and after every change of the index. */
    watch: <T>(query: () => Promise<T>, listener: (value: T) => void) => index.watch(query, listener),
  };
}

export type DirectoryStore = ReturnType<typeof createDirectoryStore>;
