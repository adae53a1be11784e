import { createSignal, For, Show } from 'solid-js';
import type { EventForm } from '../../../app/events';
import { knownTimeZones } from '../../../app/events';
import type { OrganizingError } from '../../../app/projects';
import { t } from '../../../i18n';
import { errorFor, Field } from '../projects/form-kit';

/** The fields of a new or edited event; all-day switches the times to dates. */
export function createEventFields(initial: EventForm) {
  const [form, setForm] = createSignal<EventForm>(initial);
  const set = <K extends keyof EventForm>(key: K) => (value: EventForm[K]) => setForm({ ...form(), [key]: value });
  const toggleAllDay = (allDay: boolean) => {
    const f = form();
    // Keep the chosen days when switching: a date-time's date part, or a date at 18:00 → 20:00.
    const start = allDay ? f.start.slice(0, 10) : f.start ? `${f.start.slice(0, 10)}T18:00` : '';
    const end = allDay ? f.end.slice(0, 10) : f.end ? `${f.end.slice(0, 10)}T20:00` : '';
    setForm({ ...f, allDay, start, end });
  };
  return { form, set, toggleAllDay };
}

export type EventFields = ReturnType<typeof createEventFields>;

export function EventFieldset(props: { readonly fields: EventFields; readonly errors: readonly OrganizingError[]; readonly onStart?: (value: string) => void }) {
  const f = () => props.fields.form();
  const set = props.fields.set;
  return (
    <>
      <Field id="event-title" label={t('events.form.title')} value={f().title} onInput={set('title')} error={errorFor(props.errors, 'title')} required />
      <div class="org-check">
        <input id="event-all-day" data-testid="event-all-day" type="checkbox" checked={f().allDay} onChange={(e) => props.fields.toggleAllDay(e.currentTarget.checked)} />
        <label for="event-all-day">{t('events.form.allDay')}</label>
      </div>
      <div class="grid-2">
        <Field
          id="event-start"
          type={f().allDay ? 'date' : 'datetime-local'}
          label={f().allDay ? t('events.form.firstDay') : t('events.form.start')}
          value={f().start}
          onInput={(value) => (props.onStart ? props.onStart(value) : set('start')(value))}
          error={errorFor(props.errors, 'start')}
          required
        />
        <Field
          id="event-end"
          type={f().allDay ? 'date' : 'datetime-local'}
          label={f().allDay ? t('events.form.lastDay') : t('events.form.end')}
          value={f().end}
          onInput={set('end')}
          error={errorFor(props.errors, 'end')}
          required
        />
      </div>
      <ZoneField value={f().timeZone} onInput={set('timeZone')} error={errorFor(props.errors, 'timeZone')} />
      <Field id="event-place" label={t('events.form.place')} value={f().place} onInput={set('place')} error={errorFor(props.errors, 'place')} />
      <Field id="event-link" type="url" label={t('events.form.link')} value={f().link} onInput={set('link')} error={errorFor(props.errors, 'link')} />
      <Field
        id="event-description"
        label={t('events.form.description')}
        value={f().description}
        onInput={set('description')}
        error={errorFor(props.errors, 'description')}
        multiline
      />
      <div class="org-check">
        <input
          id="event-shared"
          data-testid="event-shared"
          type="checkbox"
          checked={f().shared}
          aria-describedby="event-shared-help"
          onChange={(e) => set('shared')(e.currentTarget.checked)}
        />
        <label for="event-shared">{t('events.form.shared')}</label>
      </div>
      <p class="muted field-help" id="event-shared-help">
        {t('events.form.sharedHelp')}
      </p>
    </>
  );
}

/** A text box with the platform's IANA zones as suggestions (a select of ~400 zones is unusable on a phone). */
function ZoneField(props: { readonly value: string; readonly onInput: (value: string) => void; readonly error: string | undefined }) {
  const zones = knownTimeZones();
  return (
    <div class="field">
      <label for="event-zone">{t('events.form.timeZone')}</label>
      <input
        id="event-zone"
        data-testid="event-zone"
        list="event-zones"
        autocomplete="off"
        value={props.value}
        aria-invalid={props.error ? true : undefined}
        aria-describedby={`event-zone-help${props.error ? ' event-zone-error' : ''}`}
        onInput={(e) => props.onInput(e.currentTarget.value)}
      />
      <datalist id="event-zones">
        <For each={zones}>{(zone) => <option value={zone} />}</For>
      </datalist>
      <p class="muted field-help" id="event-zone-help">
        {t('events.form.timeZoneHelp')}
      </p>
      <Show when={props.error}>
        <p class="field-error" id="event-zone-error" data-testid="event-zone-error">
          {props.error}
        </p>
      </Show>
    </div>
  );
}
