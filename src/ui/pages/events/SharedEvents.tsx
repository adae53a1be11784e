import { Show } from 'solid-js';
import type { EventsView, SharedEventCopy } from '../../../app/events';
import { t } from '../../../i18n';
import { CardLinkList } from '../../components/CardLinkList';
import { Link } from '../../components/Link';
import { BackLink } from '../projects/form-kit';
import { eventWhen } from './event-time';

/** Upcoming events member chapters shared with this branch (nothing at all when there are none). */
export function SharedList(props: { readonly events: EventsView; readonly base: string }) {
  return (
    <Show when={props.events.sharedUpcoming().length > 0}>
      <section aria-labelledby="events-shared" class="stack">
        <h2 id="events-shared">{t('events.fromFederation')}</h2>
        <CardLinkList
          items={props.events.sharedUpcoming()}
          testid="events-shared-list"
          link={(copy) => ({
            href: `${props.base}/${copy.key}`,
            title: copy.title,
            meta: [copy.status === 'cancelled' ? t('events.cancelled') : '', eventWhen(copy), copy.place, t('events.sharedBy', { chapter: copy.sourceName })]
              .filter(Boolean)
              .join(' · '),
          })}
        />
      </section>
    </Show>
  );
}

/**
 * A copy of another chapter's event: read-only, and no RSVP here. Answers belong with the
 * original (one list the organizers see); a copy's answers would never reach them.
 */
export function SharedEventDetail(props: { readonly copy: SharedEventCopy; readonly base: string; readonly opensSource: boolean }) {
  const chapter = () => props.copy.sourceName;
  return (
    <article class="stack" aria-labelledby="event-title-heading">
      <BackLink href={props.base} section={t('events.title')} />
      <header>
        <h1 id="event-title-heading" data-testid="event-title-heading">
          {props.copy.title}
        </h1>
        <p class="org-meta" data-testid="event-when">
          {eventWhen(props.copy)}
        </p>
        <Show when={props.copy.place}>
          <p class="org-meta">{props.copy.place}</p>
        </Show>
        <Show when={props.copy.link}>
          <p class="org-meta">
            <a href={props.copy.link} rel="noopener noreferrer nofollow" target="_blank">
              {props.copy.link}
            </a>
          </p>
        </Show>
        <p class="org-meta" data-testid="event-shared-by">
          {t('events.sharedBy', { chapter: chapter() })}
        </p>
      </header>
      <Show when={props.copy.status === 'cancelled'}>
        <p class="notice" role="status" data-testid="event-cancelled">
          {t('events.cancelledNote')}
        </p>
      </Show>
      <Show when={props.copy.description}>
        <p class="org-text">{props.copy.description}</p>
      </Show>
      <section class="card stack" data-testid="event-shared-rsvp">
        <Show when={props.opensSource} fallback={<p>{t('events.sharedRsvpElsewhere', { chapter: chapter() })}</p>}>
          <p>{t('events.sharedRsvpHere', { chapter: chapter() })}</p>
          <Link href={`/chapters/${props.copy.sourceId}/events/${props.copy.eventId}`} class="button">
            {t('events.openSource', { chapter: chapter() })}
          </Link>
        </Show>
      </section>
    </article>
  );
}

