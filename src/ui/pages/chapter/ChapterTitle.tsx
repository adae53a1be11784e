import { Show } from 'solid-js';
import { type ChapterDetails, formatLocation } from '../../../domain/chapter';
import { formatDate, t } from '../../../i18n';

/** The chapter's name, place and founding date, as the live page and the stored summary both show them. */
export function ChapterTitle(props: { readonly details: ChapterDetails; readonly nameTestId: string; readonly locationTestId?: string }) {
  const location = () => formatLocation(props.details.location);
  return (
    <div>
      <h1 id="chapter-title" data-testid={props.nameTestId}>
        {props.details.name}
      </h1>
      <p class="muted chapter-sub">
        <span data-testid={props.locationTestId}>{location()}</span>
        <Show when={props.details.foundedOn}>
          {location() ? ' · ' : ''}
          {t('chapter.founded', { date: formatDate(props.details.foundedOn) })}
        </Show>
      </p>
    </div>
  );
}
