import { type Component, lazy } from 'solid-js';
import type { FeatureName } from '../../../app/features';
import type { MessageKey } from '../../../i18n';
import { ChapterOverview } from './ChapterOverview';

import type { SectionProps } from './section-props';

export type { SectionProps };

export interface ChapterSection {
  readonly id: string;
  readonly label: MessageKey;
  readonly component: Component<SectionProps>;
  /** The lazily loaded store the section reads (see src/app/features.ts). */
  readonly feature?: FeatureName;
}

/**
 * The tabs of a chapter. A feature adds one entry; sections other than the overview are
 * lazy-loaded (`lazy(() => import(...))`), so the first screen never downloads their code.
 */
export const CHAPTER_SECTIONS: readonly ChapterSection[] = [
  { id: 'overview', label: 'chapter.section.overview', component: ChapterOverview },
  { id: 'members', label: 'chapter.section.members', component: lazy(() => import('../members/MembersSection')), feature: 'members' },
  { id: 'meetings', label: 'chapter.section.meetings', component: lazy(() => import('../meetings/MeetingsSection')), feature: 'meetings' },
  { id: 'polls', label: 'chapter.section.polls', component: lazy(() => import('../polls/PollsSection')), feature: 'polls' },
  { id: 'projects', label: 'chapter.section.projects', component: lazy(() => import('../projects/ProjectsSection')), feature: 'projects' },
  { id: 'events', label: 'chapter.section.events', component: lazy(() => import('../events/EventsSection')), feature: 'events' },
  { id: 'news', label: 'chapter.section.news', component: lazy(() => import('../news/NewsSection')), feature: 'news' },
];

export const sectionById = (id: string): ChapterSection | undefined => CHAPTER_SECTIONS.find((section) => section.id === id);

