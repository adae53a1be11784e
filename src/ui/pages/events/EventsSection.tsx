import { createSignal, For, Match, Show, Switch } from 'solid-js';
import { useApp } from '../../../app/context';
import type { ChapterEvent, EventsView, Rsvp } from '../../../app/events';
import { downloadIcs, isoToLocalInput, localInputToIso } from '../../../app/events';
import type { OrganizingError } from '../../../app/projects';
import { navigate } from '../../../app/router';
import { RSVPS } from '../../../domain/organizing/types';
import { formatDateTime, t } from '../../../i18n';
import { Link } from '../../components/Link';
import type { SectionProps } from '../chapter/section-props';
import { BackLink, EmptyState, errorFor, Field, FormAlert, personName } from '../projects/form-kit';

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
          <Show when={events.events().length > 0} fallback={<EmptyState testid="events-empty" title={t('events.empty.title')} body={t('events.empty.body')} />}>
            <section aria-labelledby="events-upcoming" class="stack">
              <h2 id="events-upcoming">{t('events.upcoming')}</h2>
              <EventList events={events.split().upcoming} base={base} empty={t('events.noUpcoming')} testid="events-upcoming-list" />
            </section>
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
      <ul class="org-list" data-testid={props.testid}>
        <For each={props.events}>
          {(event) => (
            <li>
              <Link href={`${props.base}/${event.id}`} class="card org-item">
                <span class="org-item-title">{event.title}</span>
                <span class="org-meta">
                  {formatDateTime(event.start)}
                  <Show when={event.place}> · {event.place}</Show>
                </span>
              </Link>
            </li>
          )}
        </For>
      </ul>
    </Show>
  );
}

function NewEvent(props: { readonly events: EventsView; readonly base: string }) {
  const [title, setTitle] = createSignal('');
  const [start, setStart] = createSignal('');
  const [end, setEnd] = createSignal('');
  const [place, setPlace] = createSignal('');
  const [link, setLink] = createSignal('');
  const [description, setDescription] = createSignal('');
  const [errors, setErrors] = createSignal<readonly OrganizingError[]>([]);
  let alert!: HTMLParagraphElement;
  const onStart = (value: string) => {
    setStart(value);
    // Suggest a two-hour event when the end is still empty.
    const iso = localInputToIso(value);
    if (!end() && iso) setEnd(isoToLocalInput(new Date(Date.parse(iso) + 2 * 3_600_000).toISOString()));
  };
  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    const result = props.events.create({
      title: title(),
      start: localInputToIso(start()),
      end: localInputToIso(end()),
      place: place(),
      link: link(),
      description: description(),
    });
    if (!result.ok) {
      setErrors(result.error);
      alert.focus();
      return;
    }
    navigate(`${props.base}/${result.value}`, { replace: true });
  };
  return (
    <section class="stack" aria-labelledby="new-event-title">
      <BackLink href={props.base} section={t('events.title')} />
      <h1 id="new-event-title">{t('events.new')}</h1>
      <form class="card stack" onSubmit={submit} noValidate>
        <FormAlert show={errors().length > 0} ref={(el) => (alert = el)} />
        <Field id="event-title" label={t('events.form.title')} value={title()} onInput={setTitle} error={errorFor(errors(), 'title')} required />
        <div class="grid-2">
          <Field id="event-start" type="datetime-local" label={t('events.form.start')} value={start()} onInput={onStart} error={errorFor(errors(), 'start')} required />
          <Field id="event-end" type="datetime-local" label={t('events.form.end')} value={end()} onInput={setEnd} error={errorFor(errors(), 'end')} required />
        </div>
        <Field id="event-place" label={t('events.form.place')} value={place()} onInput={setPlace} error={errorFor(errors(), 'place')} />
        <Field id="event-link" type="url" label={t('events.form.link')} value={link()} onInput={setLink} error={errorFor(errors(), 'link')} />
        <Field id="event-description" label={t('events.form.description')} value={description()} onInput={setDescription} error={errorFor(errors(), 'description')} multiline />
        <div class="row">
          <button type="submit" class="button button-primary" data-testid="event-submit">
            {t('events.form.create')}
          </button>
        </div>
      </form>
    </section>
  );
}

function EventDetail(props: { readonly events: EventsView; readonly id: string; readonly base: string; readonly chapterName: string }) {
  const [message, setMessage] = createSignal('');
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
                  {t('events.when', { start: formatDateTime(event().start), end: formatDateTime(event().end) })}
                </p>
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
              </div>
              <button type="button" class="button" data-testid="event-export" onClick={exportOne}>
                {t('events.export')}
              </button>
            </header>
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
