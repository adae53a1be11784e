import { type Component, lazy } from 'solid-js';
import type { MessageKey } from '../../../i18n';
import { ChapterOverview } from './ChapterOverview';

import type { SectionProps } from './section-props';

export type { SectionProps };

export interface ChapterSection {
  readonly id: string;
  readonly label: MessageKey;
  readonly component: Component<SectionProps>;
}

/**
 * The tabs of a chapter. A feature adds one entry; sections other than the overview are
 * lazy-loaded (`lazy(() => import(...))`), so the first screen never downloads their code.
 */
export const CHAPTER_SECTIONS: readonly ChapterSection[] = [
  { id: 'overview', label: 'chapter.section.overview', component: ChapterOverview },
  { id: 'members', label: 'chapter.section.members', component: lazy(() => import('../members/MembersSection')) },
  { id: 'meetings', label: 'chapter.section.meetings', component: lazy(() => import('../meetings/MeetingsSection')) },
  { id: 'polls', label: 'chapter.section.polls', component: lazy(() => import('../polls/PollsSection')) },
  { id: 'projects', label: 'chapter.section.projects', component: lazy(() => import('../projects/ProjectsSection')) },
  { id: 'events', label: 'chapter.section.events', component: lazy(() => import('../events/EventsSection')) },
  { id: 'news', label: 'chapter.section.news', component: lazy(() => import('../news/NewsSection')) },
];

export const sectionById = (id: string): ChapterSection | undefined => CHAPTER_SECTIONS.find((section) => section.id === id);

