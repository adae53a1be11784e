import { createSignal, For, Match, Show, Switch } from 'solid-js';
import { useApp } from '../../../app/context';
import type { ChapterEvent, EventsView, Rsvp } from '../../../app/events';
import { downloadIcs } from '../../../app/events';
import { RSVPS } from '../../../domain/organizing/types';
import { t } from '../../../i18n';
import { CardLinkList } from '../../components/CardLinkList';
import { Link } from '../../components/Link';
import type { SectionProps } from '../chapter/section-props';
import { BackLink, EmptyState, personName } from '../projects/form-kit';
import { EditEvent, NewEvent } from './EventEditor';
import { eventWhen, originalZoneNote } from './event-time';
import { SharedEventDetail, SharedList } from './SharedEvents';

/** Events of the chapter: upcoming and past, a new event, or one event with RSVPs and .ics export. */
export default function EventsSection(props: SectionProps) {
  const app = useApp();
  const events = app.features.get('events').view(props.chapter.docId);
  const base = `/chapters/${props.chapter.docId}/events`;
  const chapterName = () => props.chapter.details()?.name ?? props.chapter.entry.title;
  const [exportError, setExportError] = createSignal('');
  const exportAll = () => {
    const file = events.exportCalendar(chapterName());
    if (file.ok) downloadIcs(file.value);
    else setExportError(t('events.exportFailed'));
  };
  return (
    <Switch>
      <Match when={props.itemId === 'new'}>
        <NewEvent events={events} base={base} />
      </Match>
      <Match when={props.itemId ? events.sharedCopy(props.itemId) : undefined}>{(copy) => <SharedEventDetail copy={copy()} base={base} opensSource={events.holdsChapter(copy().sourceId)} />}</Match>
      <Match when={props.itemId}>{(id) => <EventDetail events={events} id={id()} base={base} chapterName={chapterName()} />}</Match>
      <Match when={true}>
        <section class="stack" aria-labelledby="events-title">
          <div class="org-head">
            <h1 id="events-title">{t('events.title')}</h1>
            <div class="row">
              <Show when={events.events().length > 0}>
                <button type="button" class="button" data-testid="events-export-all" onClick={exportAll}>
                  {t('events.exportAll')}
                </button>
              </Show>
              <Link href={`${base}/new`} class="button button-primary" data-testid="new-event">
                {t('events.new')}
              </Link>
            </div>
          </div>
          <Show when={exportError()}>
            <p class="notice notice-error" role="alert">
              {exportError()}
            </p>
          </Show>
          <Show
            when={events.events().length > 0}
            fallback={
              <>
                <EmptyState testid="events-empty" title={t('events.empty.title')} body={t('events.empty.body')} />
                <SharedList events={events} base={base} />
              </>
            }
          >
            <section aria-labelledby="events-upcoming" class="stack">
              <h2 id="events-upcoming">{t('events.upcoming')}</h2>
              <EventList events={events.split().upcoming} base={base} empty={t('events.noUpcoming')} testid="events-upcoming-list" />
            </section>
            <SharedList events={events} base={base} />
            <section aria-labelledby="events-past" class="stack">
              <h2 id="events-past">{t('events.past')}</h2>
              <EventList events={events.split().past} base={base} empty={t('events.noPast')} testid="events-past-list" />
            </section>
          </Show>
        </section>
      </Match>
    </Switch>
  );
}

function EventList(props: { readonly events: readonly ChapterEvent[]; readonly base: string; readonly empty: string; readonly testid: string }) {
  return (
    <Show when={props.events.length > 0} fallback={<p class="muted">{props.empty}</p>}>
      <CardLinkList
        items={props.events}
        testid={props.testid}
        link={(event) => ({
          href: `${props.base}/${event.id}`,
          title: event.title,
          meta: [event.cancelled ? t('events.cancelled') : '', eventWhen(event), event.place].filter(Boolean).join(' · '),
        })}
      />
    </Show>
  );
}

function EventDetail(props: { readonly events: EventsView; readonly id: string; readonly base: string; readonly chapterName: string }) {
  const [message, setMessage] = createSignal('');
  const [editing, setEditing] = createSignal(false);
  const app = useApp();
  const meId = () => app.identity.deviceKey;
  const answer = (rsvp: Rsvp) => {
    if (props.events.rsvp(props.id, rsvp)) setMessage(t('events.rsvpSaved'));
  };
  const exportOne = () => {
    const file = props.events.exportEvent(props.id, props.chapterName);
    if (file.ok) downloadIcs(file.value);
    else setMessage(t('events.exportFailed'));
  };
  return (
    <Show
      when={props.events.event(props.id)}
      fallback={
        <section class="stack">
          <BackLink href={props.base} section={t('events.title')} />
          <p class="notice" role="status">
            {t('organizing.notFound')}
          </p>
        </section>
      }
    >
      {(event) => {
        const counts = () => {
          const c = { going: 0, maybe: 0, no: 0 };
          for (const entry of event().rsvps) c[entry.answer]++;
          return c;
        };
        return (
          <article class="stack" aria-labelledby="event-title-heading">
            <BackLink href={props.base} section={t('events.title')} />
            <header class="org-head">
              <div>
                <h1 id="event-title-heading" data-testid="event-title-heading">
                  {event().title}
                </h1>
                <p class="org-meta" data-testid="event-when">
                  {eventWhen(event())}
                </p>
                <Show when={originalZoneNote(event())}>
                  {(note) => (
                    <p class="org-meta org-note" data-testid="event-zone-note">
                      {note()}
                    </p>
                  )}
                </Show>
                <Show when={event().place}>
                  <p class="org-meta">{event().place}</p>
                </Show>
                <Show when={event().link}>
                  <p class="org-meta">
                    <a href={event().link} rel="noopener noreferrer nofollow" target="_blank">
                      {event().link}
                    </a>
                  </p>
                </Show>
                <p class="org-meta">{t('events.organizer', { name: personName(event().createdBy, meId()) })}</p>
                <Show when={event().shared}>
                  <p class="org-meta" data-testid="event-shared-note">
                    {t('events.sharedNote')}
                  </p>
                </Show>
                <Show when={event().cancelled}>
                  <p class="notice" role="status" data-testid="event-cancelled">
                    {t('events.cancelledNote')}
                  </p>
                </Show>
              </div>
              <div class="row">
                <button type="button" class="button" data-testid="event-edit" aria-expanded={editing()} onClick={() => setEditing(!editing())}>
                  {t('events.edit')}
                </button>
                <button type="button" class="button" data-testid="event-export" onClick={exportOne}>
                  {t('events.export')}
                </button>
                <button type="button" class="button" data-testid="event-cancel" onClick={() => props.events.setCancelled(props.id, !event().cancelled)}>
                  {event().cancelled ? t('events.restore') : t('events.cancel')}
                </button>
              </div>
            </header>
            <Show when={editing()}>
              <EditEvent
                events={props.events}
                event={event()}
                onDone={(saved) => {
                  setEditing(false);
                  if (saved) setMessage(t('events.saved'));
                }}
              />
            </Show>
            <Show when={event().description}>
              <p class="org-text">{event().description}</p>
            </Show>
            <section class="card stack" aria-labelledby="rsvp-title">
              <fieldset class="segmented">
                <legend id="rsvp-title">{t('events.rsvp')}</legend>
                <For each={RSVPS}>
                  {(rsvp) => (
                    <button
                      type="button"
                      class="button"
                      aria-pressed={props.events.myRsvp(event()) === rsvp}
                      data-testid={`rsvp-${rsvp}`}
                      onClick={() => answer(rsvp)}
                    >
                      {t(`events.rsvp.${rsvp}`)}
                    </button>
                  )}
                </For>
              </fieldset>
              <p role="status" class="muted">
                {message()}
              </p>
              <p data-testid="rsvp-counts">{t('events.rsvpCounts', counts())}</p>
              <Show when={event().rsvps.length > 0}>
                <h2>{t('events.who')}</h2>
                <ul data-testid="rsvp-list">
                  <For each={event().rsvps}>
                    {(entry) => (
                      <li>
                        {personName(entry.person, meId())}: {t(`events.rsvp.${entry.answer}`)}
                      </li>
                    )}
                  </For>
                </ul>
              </Show>
            </section>
          </article>
        );
      }}
    </Show>
  );
}
