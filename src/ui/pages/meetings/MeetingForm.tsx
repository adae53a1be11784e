import { createSignal, For, type JSX, Show } from 'solid-js';
import { isoToLocalInput, localInputToIso } from '../../../app/events';
import type { MeetingError, MeetingInput, MeetingsView, StoredMeeting } from '../../../app/meetings';
import type { Result } from '../../../domain/result';
import { t } from '../../../i18n';
import { meetingErrorText } from './messages';

const pad = (n: number) => String(n).padStart(2, '0');
const nextHourLocal = (): string => {
  const d = new Date(Date.now() + 60 * 60 * 1000);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:00`;
};

interface Props {
  readonly meetings: MeetingsView;
  /** The meeting being edited; a new meeting when absent. */
  readonly initial?: StoredMeeting;
  readonly submit: (input: MeetingInput) => Result<string, readonly MeetingError[]>;
  readonly onDone: (id: string) => void;
  readonly onCancel: () => void;
}

/** Title, time, place, link, facilitator and note-takers; nothing is stored until it all checks out. */
export function MeetingForm(props: Props) {
  const init = props.initial;
  const [title, setTitle] = createSignal(init?.title ?? '');
  const [when, setWhen] = createSignal(init ? isoToLocalInput(init.startsAt) : nextHourLocal());
  const [place, setPlace] = createSignal(init?.place ?? '');
  const [link, setLink] = createSignal(init?.link ?? '');
  const [facilitator, setFacilitator] = createSignal<string>(init ? (init.facilitatorId ?? '') : (props.meetings.me()?.id ?? ''));
  const [noteTakers, setNoteTakers] = createSignal<readonly string[]>(init?.noteTakerIds ?? []);
  const [errors, setErrors] = createSignal<readonly MeetingError[]>([]);
  const prefix = init ? 'edit-meeting' : 'meeting';
  const errorOf = (field: string) => {
    const found = errors().find((e) => e.field === field);
    return found ? meetingErrorText(found) : undefined;
  };
  const submit: JSX.EventHandler<HTMLFormElement, SubmitEvent> = (event) => {
    event.preventDefault();
    const startsAt = localInputToIso(when());
    const result = props.submit({
      title: title(),
      startsAt: startsAt || when(),
      place: place(),
      link: link(),
      facilitatorId: facilitator() || null,
      noteTakerIds: noteTakers(),
    });
    if (!result.ok) return setErrors(result.error);
    setErrors([]);
    props.onDone(result.value);
  };
  const field = (id: string, label: string, value: () => string, set: (v: string) => void, type = 'text', key = id) => (
    <div class="field">
      <label for={`${prefix}-${id}`}>{label}</label>
      <input
        id={`${prefix}-${id}`}
        type={type}
        value={value()}
        onInput={(e) => set(e.currentTarget.value)}
        aria-invalid={errorOf(key) ? true : undefined}
        aria-describedby={errorOf(key) ? `${prefix}-${id}-error` : undefined}
      />
      <Show when={errorOf(key)}>
        {(text) => (
          <p class="field-error" id={`${prefix}-${id}-error`} role="alert">
            {text()}
          </p>
        )}
      </Show>
    </div>
  );
  return (
    <form class="card stack meeting-form no-print" onSubmit={submit} noValidate aria-label={init ? t('meetings.edit') : t('meetings.new')}>
      {field('title', t('meetings.form.title'), title, setTitle)}
      {field('starts', t('meetings.form.startsAt'), when, setWhen, 'datetime-local', 'startsAt')}
      {field('place', t('meetings.form.place'), place, setPlace)}
      {field('link', t('meetings.form.link'), link, setLink, 'url')}
      <div class="field">
        <label for={`${prefix}-facilitator`}>{t('meetings.form.facilitator')}</label>
        <select id={`${prefix}-facilitator`} value={facilitator()} onChange={(e) => setFacilitator(e.currentTarget.value)}>
          <option value="">{t('meetings.form.nobody')}</option>
          <For each={props.meetings.activeMembers()}>{(m) => <option value={m.id}>{m.name}</option>}</For>
        </select>
      </div>
      <fieldset class="field">
        <legend>{t('meetings.form.noteTakers')}</legend>
        <For each={props.meetings.activeMembers()}>
          {(m) => (
            <label class="check">
              <input
                type="checkbox"
                checked={noteTakers().includes(m.id)}
                onChange={(e) => setNoteTakers((list) => (e.currentTarget.checked ? [...list, m.id] : list.filter((id) => id !== m.id)))}
              />
              {m.name}
            </label>
          )}
        </For>
      </fieldset>
      <div class="row">
        <button type="submit" class="button button-primary" data-testid={init ? 'save-meeting' : 'create-meeting'}>
          {init ? t('meetings.form.save') : t('meetings.form.create')}
        </button>
        <button type="button" class="button" onClick={() => props.onCancel()}>
          {t('meetings.form.cancel')}
        </button>
      </div>
    </form>
  );
}
