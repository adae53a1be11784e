import { formatLocation } from '../domain/chapter';
import { formatDate, t } from '../i18n';
import type { ChapterSummary } from '../persistence/chapter-summaries';
import type { SummaryFrame } from '../persistence/summary-frame';

/** The summary as the chapter page would show it now, in the language in use, as plain text. */
export function frameOf(summary: ChapterSummary): SummaryFrame {
  const { details } = summary;
  const place = formatLocation(details.location);
  const founded = details.foundedOn ? t('chapter.founded', { date: formatDate(details.foundedOn) }) : '';
  const root = typeof document === 'undefined' ? null : document.documentElement;
  return {
    lang: root?.lang || 'en',
    dir: root?.dir === 'rtl' ? 'rtl' : 'ltr',
    name: details.name,
    sub: [place, founded].filter((part) => part.length > 0).join(' · '),
    description: details.description,
    status: t('chapter.summary.loading'),
    heading: summary.latestMeetings.length > 0 ? t('chapter.summary.latestMeetings', { count: summary.meetingCount }) : '',
    meetings: summary.latestMeetings.map((meeting) => ({ title: meeting.title, date: formatDate(meeting.startsAt.slice(0, 10)) })),
  };
}
