import { createMemo, createSignal, For, type JSX, Show } from 'solid-js';
import type { Amendment } from '../../../app/meeting-detail';
import { downloadText } from '../../../app/meeting-detail';
import type { MeetingsView, StoredMeeting } from '../../../app/meetings';
import type { PollsView } from '../../../app/polls';
import { formatDateTime, t } from '../../../i18n';
import { Link } from '../../components/Link';
import { AgendaPanel } from './AgendaPanel';
import { agendaTitles, amendmentText, FinalPanel } from './FinalPanel';
import { MeetingForm } from './MeetingForm';
import { QueuePanel } from './QueuePanel';

interface Props {
  readonly meetings: MeetingsView;
  readonly meetingId: string;
  readonly base: string;
  /** The chapter's polls, once their code has loaded (decisions can link to one). */
  readonly polls: () => PollsView | null;
}

export function MeetingPage(props: Props) {
  const meeting = () => props.meetings.meeting(props.meetingId);
  return (
    <div class="stack meeting-page">
      <Link href={props.base} class="no-print">
        {t('meetings.back')}
      </Link>
      <Show when={meeting()} fallback={<p class="notice">{t('meetings.notFound')}</p>}>
        <MeetingBody meetings={props.meetings} meetingId={props.meetingId} meeting={meeting} polls={props.polls} />
      </Show>
    </div>
  );
}

function MeetingBody(props: {
  readonly meetings: MeetingsView;
  readonly meetingId: string;
  readonly meeting: () => StoredMeeting | undefined;
  readonly polls: () => PollsView | null;
}) {
  const detail = props.meetings.detail(props.meetingId);
  const m = () => props.meeting() as StoredMeeting;
  const name = (id: string) => props.meetings.memberName(id) ?? id.slice(0, 8);
  const quorum = createMemo(() => props.meetings.quorumFor(m()));
  const status = () => detail.finalStatus();
  const [busy, setBusy] = createSignal(false);
  const [markdown, setMarkdown] = createSignal('');
  const [editing, setEditing] = createSignal(false);

  const finalize = async () => {
    if (!confirm(t('meetings.finalize.confirm'))) return;
    setBusy(true);
    await detail.finalize();
    setBusy(false);
  };
  const markdownLabels = () => ({
    amendments: t('meetings.amendments', { count: detail.amendments().length + detail.signing.signedAmendments().length }),
    amendment: (a: Amendment) => amendmentText(a, agendaTitles(detail)),
    approvedBy: (names: string) => t('meetings.approvedBy', { names }),
    signedBy: (name: string, at: string) => t('meetings.amendment.signed', { name, date: formatDateTime(at) }),
  });
  const exportMarkdown = () => {
    const text = detail.markdown(markdownLabels());
    setMarkdown(text);
    const safe = m().title.replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '').slice(0, 60) || 'minutes';
    downloadText(`${safe}-${m().startsAt.slice(0, 10)}.md`, text);
  };
  const print = () => {
    setMarkdown(detail.markdown(markdownLabels()));
    queueMicrotask(() => window.print());
  };

  return (
    <article class="stack" aria-labelledby="meeting-title">
      <header class="stack meeting-header">
        <div class="row meetings-head">
          <h1 id="meeting-title" data-testid="meeting-title">
            {m().title}
          </h1>
          <span class="badge" data-testid="minutes-status" data-final={status().kind !== 'draft' ? 'true' : 'false'}>
            {status().kind === 'draft' ? t('meetings.draft') : t('meetings.final')}
          </span>
        </div>
        <p>
          <strong>{t('meetings.when')}:</strong> {formatDateTime(m().startsAt)}
          <Show when={m().place}>
            {' · '}
            <strong>{t('meetings.where')}:</strong> {m().place}
          </Show>
          <Show when={m().link}>
            {' · '}
            <a href={m().link} rel="noopener noreferrer" target="_blank">
              {m().link}
            </a>
          </Show>
        </p>
        <Show when={m().facilitatorId}>{(id) => <p class="muted">{t('meetings.facilitator', { name: name(id()) })}</p>}</Show>
        <Show when={m().noteTakerIds.length > 0}>
          <p class="muted">{t('meetings.noteTakers', { names: m().noteTakerIds.map(name).join(', ') })}</p>
        </Show>
        <FinalPanel detail={detail} />
        <Show when={editing()}>
          <MeetingForm
            meetings={props.meetings}
            initial={m()}
            submit={(input) => props.meetings.update(props.meetingId, input)}
            onDone={() => setEditing(false)}
            onCancel={() => setEditing(false)}
          />
        </Show>
        <div class="row no-print">
          <Show when={!editing() && props.meetings.me()}>
            <button type="button" class="button" data-testid="edit-meeting" onClick={() => setEditing(true)}>
              {t('meetings.edit')}
            </button>
          </Show>
          <button type="button" class="button" data-testid="export-markdown" onClick={exportMarkdown}>
            {t('meetings.export')}
          </button>
          <button type="button" class="button" onClick={print}>
            {t('meetings.print')}
          </button>
          <Show when={status().kind === 'draft' && detail.canFinalize()}>
            <button type="button" class="button button-primary" data-testid="finalize" disabled={busy()} onClick={() => void finalize()}>
              {t('meetings.finalize')}
            </button>
          </Show>
        </div>
        <Show when={status().kind === 'draft' && !detail.canFinalize()}>
          <p class="muted no-print">{t('meetings.finalize.who')}</p>
        </Show>
      </header>

      <div class="meeting-live stack">
        <section class="card stack" aria-labelledby="attendance-title">
          <h2 id="attendance-title">{t('meetings.attendance')}</h2>
          <p class="quorum" data-testid="quorum" data-met={quorum().met ? 'true' : 'false'} role="status">
            {t(quorum().met ? 'meetings.quorum.met' : 'meetings.quorum.notMet', { present: quorum().present, required: quorum().required })}
          </p>
          <Attendance meetings={props.meetings} meeting={m()} canMark={detail.canFacilitate()} />
        </section>
        <QueuePanel detail={detail} name={name} />
        <AgendaPanel meetings={props.meetings} detail={detail} meetingId={props.meetingId} name={name} polls={props.polls} />
      </div>
      <pre class="visually-hidden" data-testid="markdown-preview">
        {markdown()}
      </pre>
    </article>
  );
}

function Attendance(props: { readonly meetings: MeetingsView; readonly meeting: StoredMeeting; readonly canMark: boolean }) {
  const me = () => props.meetings.me();
  const present = (id: string) => props.meeting.presentMemberIds.includes(id as never);
  const [guest, setGuest] = createSignal('');
  const addGuest: JSX.EventHandler<HTMLFormElement, SubmitEvent> = (event) => {
    event.preventDefault();
    if (props.meetings.attendance.addGuest(props.meeting.id, guest())) setGuest('');
  };
  return (
    <div class="stack">
      <Show when={me()}>
        {(self) => (
          <button
            type="button"
            class={`button ${present(self().id) ? '' : 'button-primary'}`}
            data-testid="check-in"
            aria-pressed={present(self().id)}
            onClick={() => props.meetings.attendance.set(props.meeting.id, self().id, !present(self().id))}
          >
            {present(self().id) ? t('meetings.attendance.checkOut') : t('meetings.attendance.checkIn')}
          </button>
        )}
      </Show>
      <ul class="attendance-list" data-testid="attendance">
        <For each={props.meetings.activeMembers()}>
          {(member) => (
            <li>
              <label class="check">
                <input
                  type="checkbox"
                  checked={present(member.id)}
                  disabled={!props.canMark && member.id !== me()?.id}
                  onChange={(e) => props.meetings.attendance.set(props.meeting.id, member.id, e.currentTarget.checked)}
                  aria-label={t('meetings.attendance.present', { name: member.name })}
                />
                {member.name}
              </label>
            </li>
          )}
        </For>
        <For each={props.meeting.guests}>
          {(g) => (
            <li class="row">
              <span>
                {g.name} <span class="badge">guest</span>
              </span>
              <Show when={props.canMark}>
                <button
                  type="button"
                  class="button icon"
                  aria-label={t('meetings.attendance.removeGuest', { name: g.name })}
                  onClick={() => props.meetings.attendance.removeGuest(props.meeting.id, g.id)}
                >
                  ×
                </button>
              </Show>
            </li>
          )}
        </For>
      </ul>
      <Show when={me()}>
        <form class="row" onSubmit={addGuest}>
          <label class="visually-hidden" for="guest-name">
            {t('meetings.attendance.guest')}
          </label>
          <input id="guest-name" placeholder={t('meetings.attendance.guest')} value={guest()} onInput={(e) => setGuest(e.currentTarget.value)} />
          <button type="submit" class="button">
            {t('meetings.attendance.addGuest')}
          </button>
        </form>
      </Show>
    </div>
  );
}
