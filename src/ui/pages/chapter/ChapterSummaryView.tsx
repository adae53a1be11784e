import { For, onMount, Show } from 'solid-js';
import type { ChapterSummary } from '../../../app/chapters';
import { formatDate, t } from '../../../i18n';
import { ChapterTitle } from './ChapterTitle';

/**
 * The chapter as this device last saw it, painted at once while its document is read. Read-only
 * on purpose: editing waits for the live document, which replaces this view as soon as it is read.
 */
export function ChapterSummaryView(props: { readonly summary: ChapterSummary; readonly loaded: boolean; readonly onShown: () => void }) {
  const details = () => props.summary.details;
  onMount(() => props.onShown());
  return (
    <div class="stack" data-testid="chapter-summary">
      <header class="chapter-head">
        <ChapterTitle details={details()} nameTestId="chapter-summary-name" />
      </header>
      <p class="notice" role="status" data-testid="chapter-summary-status">
        {props.loaded ? t('chapter.waiting') : t('chapter.summary.loading')}
      </p>
      <Show when={details().description}>
        <p class="chapter-description">{details().description}</p>
      </Show>
      <Show when={props.summary.latestMeetings.length > 0}>
        <section class="card" aria-labelledby="summary-meetings-title">
          <h2 id="summary-meetings-title">{t('chapter.summary.latestMeetings', { count: props.summary.meetingCount })}</h2>
          <ul class="summary-meetings" data-testid="chapter-summary-meetings">
            <For each={props.summary.latestMeetings}>
              {(meeting) => (
                <li>
                  <span>{meeting.title}</span> <span class="muted">{formatDate(meeting.startsAt.slice(0, 10))}</span>
                </li>
              )}
            </For>
          </ul>
        </section>
      </Show>
    </div>
  );
}
