import { createSignal } from 'solid-js';
import type { ChapterEvent, EventsView } from '../../../app/events';
import { eventToForm, formToInput, viewerTimeZone } from '../../../app/events';
import type { OrganizingError } from '../../../app/projects';
import { navigate } from '../../../app/router';
import { t } from '../../../i18n';
import { BackLink, FormAlert } from '../projects/form-kit';
import { createEventFields, EventFieldset } from './EventFields';

const TWO_HOURS = 2 * 3_600_000;

export function NewEvent(props: { readonly events: EventsView; readonly base: string }) {
  const fields = createEventFields({ title: '', allDay: false, timeZone: viewerTimeZone(), start: '', end: '', place: '', link: '', description: '', shared: false });
  const [errors, setErrors] = createSignal<readonly OrganizingError[]>([]);
  let alert!: HTMLParagraphElement;
  const onStart = (value: string) => {
    const f = fields.form();
    let end = f.end;
    // Suggest a two-hour event (or the same day, all-day) while the end is still empty.
    if (!end && value) end = f.allDay ? value : shiftWall(value, TWO_HOURS);
    fields.set('start')(value);
    fields.set('end')(end);
  };
  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    const result = props.events.create(formToInput(fields.form()));
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
        <EventFieldset fields={fields} errors={errors()} onStart={onStart} />
        <div class="row">
          <button type="submit" class="button button-primary" data-testid="event-submit">
            {t('events.form.create')}
          </button>
        </div>
      </form>
    </section>
  );
}

/** `YYYY-MM-DDTHH:MM` moved by ms, as wall time (no zone involved: it is only a suggestion). */
function shiftWall(wall: string, ms: number): string {
  const at = Date.parse(`${wall}:00Z`);
  return Number.isNaN(at) ? '' : new Date(at + ms).toISOString().slice(0, 16);
}

export function EditEvent(props: { readonly events: EventsView; readonly event: ChapterEvent; readonly onDone: (saved: boolean) => void }) {
  const fields = createEventFields(eventToForm(props.event));
  const [errors, setErrors] = createSignal<readonly OrganizingError[]>([]);
  let alert!: HTMLParagraphElement;
  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    const result = props.events.update(props.event.id, formToInput(fields.form()));
    if (!result.ok) {
      setErrors(result.error);
      alert.focus();
      return;
    }
    props.onDone(true);
  };
  return (
    <form class="card stack" onSubmit={submit} noValidate aria-labelledby="edit-event-title" data-testid="event-edit-form">
      <h2 id="edit-event-title">{t('events.edit')}</h2>
      <FormAlert show={errors().length > 0} ref={(el) => (alert = el)} />
      <EventFieldset fields={fields} errors={errors()} />
      <div class="row">
        <button type="submit" class="button button-primary" data-testid="event-save">
          {t('events.form.save')}
        </button>
        <button type="button" class="button" onClick={() => props.onDone(false)}>
          {t('organizing.cancel')}
        </button>
      </div>
    </form>
  );
}
