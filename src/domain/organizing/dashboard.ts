/** Pure selection for the home dashboard: newest first, a few per section, across chapters. */

export interface FromChapter<T> {
  readonly chapterId: string;
  readonly chapterName: string;
  readonly item: T;
}

export function newest<T>(items: readonly FromChapter<T>[], key: (item: T) => string, limit: number): readonly FromChapter<T>[] {
  return [...items].sort((a, b) => key(b.item).localeCompare(key(a.item))).slice(0, limit);
}
