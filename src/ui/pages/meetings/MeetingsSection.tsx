import { createSignal, For, type JSX, Show } from 'solid-js';
import { useApp } from '../../../app/context';
import { localInputToIso } from '../../../app/events';
import type { MeetingError, MeetingsView, QuorumRule } from '../../../app/meetings';
import { navigate } from '../../../app/router';
import { formatDate, formatDateTime, t } from '../../../i18n';
import { Link } from '../../components/Link';
import type { SectionProps } from '../chapter/section-props';
import { MeetingPage } from './MeetingPage';
import { meetingErrorText } from './messages';
import './meetings.css';

/** Meetings of a chapter: the list (upcoming, past, open action items) or one meeting's page. */
export default function MeetingsSection(props: SectionProps) {
  const app = useApp();
  const members = app.features.get('members').view(props.chapter.docId, props.chapter.entry.genesisId ?? null);
  const meetings = app.features.get('meetings').view(props.chapter.docId, members);
  const base = () => `/chapters/${props.chapter.docId}/meetings`;
  return (
    <Show when={props.itemId} keyed fallback={<MeetingList meetings={meetings} base={base()} />}>
      {(id) => <MeetingPage meetings={meetings} meetingId={id} base={base()} />}
    </Show>
  );
}

function MeetingList(props: { readonly meetings: MeetingsView; readonly base: string }) {
  const [creating, setCreating] = createSignal(false);
  const item = (meeting: ReturnType<MeetingsView['meetings']>[number]) => (
    <li class="card meeting-row">
      <Link href={`${props.base}/${meeting.id}`} data-testid="meeting-link">
        <strong>{meeting.title}</strong>
      </Link>
      <span class="muted">
        {formatDateTime(meeting.startsAt)}
        {meeting.place ? ` · ${meeting.place}` : ''}
      </span>
    </li>
  );
  return (
    <section class="stack meetings" aria-labelledby="meetings-title">
      <div class="row meetings-head">
        <h1 id="meetings-title">{t('meetings.title')}</h1>
        <Show when={!creating() && props.meetings.me()}>
          <button type="button" class="button button-primary" data-testid="new-meeting" onClick={() => setCreating(true)}>
            {t('meetings.new')}
          </button>
        </Show>
      </div>
      <Show when={!props.meetings.me()}>
        <p class="notice">{t('meetings.joinFirst')}</p>
      </Show>
      <Show when={creating()}>
        <NewMeetingForm meetings={props.meetings} base={props.base} onCancel={() => setCreating(false)} />
      </Show>
      <h2>{t('meetings.upcoming')}</h2>
      <Show when={props.meetings.upcoming().length > 0} fallback={<p class="muted">{t('meetings.none')}</p>}>
        <ul class="meeting-list" data-testid="upcoming-meetings">
          <For each={props.meetings.upcoming()}>{item}</For>
        </ul>
      </Show>
      <Show when={props.meetings.past().length > 0}>
        <h2>{t('meetings.past')}</h2>
        <ul class="meeting-list" data-testid="past-meetings">
          <For each={props.meetings.past()}>{item}</For>
        </ul>
      </Show>
      <section class="stack" aria-labelledby="open-actions-title">
        <h2 id="open-actions-title">{t('meetings.openActions')}</h2>
        <Show when={props.meetings.openActionItems().length > 0} fallback={<p class="muted">{t('meetings.openActions.none')}</p>}>
          <ul class="meeting-list" data-testid="open-actions">
            <For each={props.meetings.openActionItems()}>
              {(action) => (
                <li class="card meeting-row">
                  <Link href={`${props.base}/${action.meetingId}`}>{action.what}</Link>
                  <span class="muted">
                    {action.ownerId ? (props.meetings.memberName(action.ownerId) ?? '') : ''}
                    {action.due ? ` · ${formatDate(action.due)}` : ''}
                  </span>
                </li>
              )}
            </For>
          </ul>
        </Show>
      </section>
      <QuorumRuleForm meetings={props.meetings} />
    </section>
  );
}

const pad = (n: number) => String(n).padStart(2, '0');
const nextHourLocal = (): string => {
  const d = new Date(Date.now() + 60 * 60 * 1000);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:00`;
};

function NewMeetingForm(props: { readonly meetings: MeetingsView; readonly base: string; readonly onCancel: () => void }) {
  const [title, setTitle] = createSignal('');
  const [when, setWhen] = createSignal(nextHourLocal());
  const [place, setPlace] = createSignal('');
  const [link, setLink] = createSignal('');
  const [facilitator, setFacilitator] = createSignal<string>(props.meetings.me()?.id ?? '');
  const [noteTakers, setNoteTakers] = createSignal<readonly string[]>([]);
  const [errors, setErrors] = createSignal<readonly MeetingError[]>([]);
  const errorOf = (field: string) => {
    const found = errors().find((e) => e.field === field);
    return found ? meetingErrorText(found) : undefined;
  };
  const submit: JSX.EventHandler<HTMLFormElement, SubmitEvent> = (event) => {
    event.preventDefault();
    const startsAt = localInputToIso(when());
    const result = props.meetings.create({
      title: title(),
      startsAt: startsAt || when(),
      place: place(),
      link: link(),
      facilitatorId: facilitator() || null,
      noteTakerIds: noteTakers(),
    });
    if (!result.ok) return setErrors(result.error);
    setErrors([]);
    navigate(`${props.base}/${result.value}`);
  };
  const field = (id: string, label: string, value: () => string, set: (v: string) => void, type = 'text', key = id) => (
    <div class="field">
      <label for={`meeting-${id}`}>{label}</label>
      <input
        id={`meeting-${id}`}
        type={type}
        value={value()}
        onInput={(e) => set(e.currentTarget.value)}
        aria-invalid={errorOf(key) ? true : undefined}
        aria-describedby={errorOf(key) ? `meeting-${id}-error` : undefined}
      />
      <Show when={errorOf(key)}>
        {(text) => (
          <p class="field-error" id={`meeting-${id}-error`} role="alert">
            {text()}
          </p>
        )}
      </Show>
    </div>
  );
  return (
    <form class="card stack meeting-form" onSubmit={submit} noValidate aria-label={t('meetings.new')}>
      {field('title', t('meetings.form.title'), title, setTitle)}
      {field('starts', t('meetings.form.startsAt'), when, setWhen, 'datetime-local', 'startsAt')}
      {field('place', t('meetings.form.place'), place, setPlace)}
      {field('link', t('meetings.form.link'), link, setLink, 'url')}
      <div class="field">
        <label for="meeting-facilitator">{t('meetings.form.facilitator')}</label>
        <select id="meeting-facilitator" value={facilitator()} onChange={(e) => setFacilitator(e.currentTarget.value)}>
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
        <button type="submit" class="button button-primary" data-testid="create-meeting">
          {t('meetings.form.create')}
        </button>
        <button type="button" class="button" onClick={() => props.onCancel()}>
          {t('meetings.form.cancel')}
        </button>
      </div>
    </form>
  );
}

function QuorumRuleForm(props: { readonly meetings: MeetingsView }) {
  const rule = () => props.meetings.quorumRule();
  const [kind, setKind] = createSignal<QuorumRule['kind']>(rule().kind);
  const [value, setValue] = createSignal(String(rule().kind === 'count' ? (rule() as { min: number }).min : (rule() as { percent: number }).percent));
  const [invalid, setInvalid] = createSignal(false);
  const ruleText = (r: QuorumRule) =>
    r.kind === 'count' ? t('meetings.quorum.ruleCount', { value: r.min }) : t('meetings.quorum.rulePercent', { value: r.percent });
  const submit: JSX.EventHandler<HTMLFormElement, SubmitEvent> = (event) => {
    event.preventDefault();
    const n = Number(value());
    const next: QuorumRule = kind() === 'count' ? { kind: 'count', min: n } : { kind: 'percent', percent: n };
    setInvalid(value().trim() === '' || !props.meetings.setQuorumRule(next));
  };
  return (
    <form class="card stack" onSubmit={submit} noValidate aria-labelledby="quorum-title">
      <h2 id="quorum-title">{t('meetings.quorum.rule')}</h2>
      <p class="muted" data-testid="quorum-rule">
        {t('meetings.quorum.current', { rule: ruleText(rule()) })}
      </p>
      <Show when={props.meetings.me()}>
        <div class="row">
          <label class="visually-hidden" for="quorum-kind">
            {t('meetings.quorum.rule')}
          </label>
          <select id="quorum-kind" value={kind()} onChange={(e) => setKind(e.currentTarget.value as QuorumRule['kind'])}>
            <option value="percent">{t('meetings.quorum.percent')}</option>
            <option value="count">{t('meetings.quorum.count')}</option>
          </select>
          <label class="visually-hidden" for="quorum-value">
            {t('meetings.quorum.value')}
          </label>
          <input id="quorum-value" inputmode="numeric" class="narrow" value={value()} onInput={(e) => setValue(e.currentTarget.value)} />
          <button type="submit" class="button">
            {t('meetings.quorum.save')}
          </button>
        </div>
        <Show when={invalid()}>
          <p class="field-error" role="alert">
            {t('meetings.quorum.invalid')}
          </p>
        </Show>
      </Show>
    </form>
  );
}
