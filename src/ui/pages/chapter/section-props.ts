import type { ChapterView } from '../../../app/chapters';

export interface SectionProps {
  readonly chapter: ChapterView;
  /** The record a section shows in detail (a meeting, a poll…), from the URL. */
  readonly itemId: string | null;
}
