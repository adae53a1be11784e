import { createMemo, createResource, createSignal, For, type JSX, Show } from 'solid-js';
import { useApp } from '../../../app/context';
import type { MeetingsView, QuorumRule } from '../../../app/meetings';
import { navigate } from '../../../app/router';
import { formatDate, formatDateTime, t } from '../../../i18n';
import { Link } from '../../components/Link';
import type { SectionProps } from '../chapter/section-props';
import { MeetingForm } from './MeetingForm';
import { MeetingPage } from './MeetingPage';
import './meetings.css';

/** Meetings of a chapter: the list (upcoming, past, open action items) or one meeting's page. */
export default function MeetingsSection(props: SectionProps) {
  const app = useApp();
  const members = app.features.get('members').view(props.chapter.docId, props.chapter.entry.genesisId ?? null);
  const meetings = app.features.get('meetings').view(props.chapter.docId, members);
  const base = () => `/chapters/${props.chapter.docId}/meetings`;
  // Decisions can link to a poll: the polls store loads on first use, off the first screen's path.
  const [pollStore] = createResource(() => app.features.load('polls'));
  const polls = createMemo(() => pollStore()?.view(props.chapter.docId) ?? null);
  return (
    // /meetings/new (the home-screen shortcut) is the list with the new-meeting form open.
    <Show when={props.itemId !== 'new' && props.itemId} keyed fallback={<MeetingList meetings={meetings} base={base()} creating={props.itemId === 'new'} />}>
      {(id) => <MeetingPage meetings={meetings} meetingId={id} base={base()} polls={polls} />}
    </Show>
  );
}

function MeetingList(props: { readonly meetings: MeetingsView; readonly base: string; readonly creating?: boolean }) {
  const [creating, setCreating] = createSignal(props.creating === true);
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
        <MeetingForm
          meetings={props.meetings}
          submit={(input) => props.meetings.create(input)}
          onDone={(id) => navigate(`${props.base}/${id}`)}
          onCancel={() => setCreating(false)}
        />
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
