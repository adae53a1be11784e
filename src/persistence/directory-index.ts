import { type EntityTable, liveQuery } from 'dexie';
import type { BranchLevel } from '../domain/chapter';
import type { DocId } from '../domain/ids';

/** One searchable row of the directory: a branch, or a member of one. Device-only, rebuilt from documents. */
export interface DirectoryRow {
  /** `<docId>` for a branch, `<docId>/<memberId>` for a member. */
  readonly key: string;
  readonly kind: 'chapter' | 'member';
  readonly docId: DocId;
  readonly name: string;
  /** The branch's location, for members too (their chapter's). */
  readonly place: string;
  readonly level: BranchLevel;
  /** Branches: founding date (yyyy-mm-dd); members: empty. */
  readonly foundedOn: string;
  /** Members: their branch's name; branches: empty. */
  readonly chapterName: string;
  readonly skills: readonly string[];
  /** When the branch document was created or the member admitted (ISO), for "newest". */
  readonly since: string;
  /** Lower-case words of name, place and skills: a multi-entry index for prefix search. */
  readonly words: readonly string[];
}

export interface DirectoryIndex {
  /** Replaces every row of one document in one transaction. */
  replace(docId: DocId, rows: readonly DirectoryRow[]): Promise<void>;
  newest(kind: DirectoryRow['kind'], limit: number): Promise<readonly DirectoryRow[]>;
  /** Rows where every query word starts some word of the row. */
  search(query: string, limit: number): Promise<readonly DirectoryRow[]>;
  /** Re-runs `query` whenever the rows it read change (any tab); returns the unsubscribe. */
  watch<T>(query: () => Promise<T>, listener: (value: T) => void): () => void;
}

export const directoryWords = (...texts: readonly string[]): readonly string[] => [
  ...new Set(
    texts
      .join(' ')
      .toLowerCase()
      .split(/[^\p{L}\p{N}]+/u)
      .filter((word) => word.length > 0),
  ),
];

export function createDirectoryIndex(table: EntityTable<DirectoryRow, 'key'>): DirectoryIndex {
  return {
    replace: (docId, rows) =>
      table.db.transaction('rw', table, async () => {
        await table.where('docId').equals(docId).delete();
        await table.bulkPut([...rows]);
      }),
    newest: (kind, limit) =>
      table
        .where('[kind+since]')
        .between([kind, ''], [kind, '\uffff'])
        .reverse()
        .limit(limit)
        .toArray(),
    watch(query, listener) {
      const subscription = liveQuery(query).subscribe({ next: listener, error: () => undefined });
      return () => subscription.unsubscribe();
    },
    async search(query, limit) {
      const words = directoryWords(query);
      const [first, ...rest] = words;
      if (first === undefined) return [];
      const candidates = await table.where('words').startsWith(first).distinct().toArray();
      return candidates
        .filter((row) => rest.every((word) => row.words.some((own) => own.startsWith(word))))
        .sort((a, b) => (a.kind === b.kind ? a.name.localeCompare(b.name) : a.kind === 'chapter' ? -1 : 1))
        .slice(0, limit);
    },
  };
}
