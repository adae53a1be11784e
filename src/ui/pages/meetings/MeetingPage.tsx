import { createMemo, createSignal, For, type JSX, Show } from 'solid-js';
import type { Amendment } from '../../../app/meeting-detail';
import { downloadText } from '../../../app/meeting-detail';
import type { MeetingsView, StoredMeeting } from '../../../app/meetings';
import { formatDateTime, t } from '../../../i18n';
import { Link } from '../../components/Link';
import { AgendaPanel } from './AgendaPanel';
import { QueuePanel } from './QueuePanel';

interface Props {
  readonly meetings: MeetingsView;
  readonly meetingId: string;
  readonly base: string;
}

export function MeetingPage(props: Props) {
  const meeting = () => props.meetings.meeting(props.meetingId);
  return (
    <div class="stack meeting-page">
      <Link href={props.base} class="no-print">
        {t('meetings.back')}
      </Link>
      <Show when={meeting()} fallback={<p class="notice">{t('meetings.notFound')}</p>}>
        <MeetingBody meetings={props.meetings} meetingId={props.meetingId} meeting={meeting} />
      </Show>
    </div>
  );
}

const amendmentText = (a: Amendment): string =>
  t('meetings.amendment', { entity: a.entity, field: a.field ?? '', kind: a.field === null ? (a.before === null ? 'added' : 'removed') : 'changed' });

function MeetingBody(props: { readonly meetings: MeetingsView; readonly meetingId: string; readonly meeting: () => StoredMeeting | undefined }) {
  const detail = props.meetings.detail(props.meetingId);
  const m = () => props.meeting() as StoredMeeting;
  const name = (id: string) => props.meetings.memberName(id) ?? id.slice(0, 8);
  const quorum = createMemo(() => props.meetings.quorumFor(m()));
  const status = () => detail.finalStatus();
  const [busy, setBusy] = createSignal(false);
  const [markdown, setMarkdown] = createSignal('');

  const finalize = async () => {
    if (!confirm(t('meetings.finalize.confirm'))) return;
    setBusy(true);
    await detail.finalize();
    setBusy(false);
  };
  const exportMarkdown = () => {
    const text = detail.markdown({ amendments: t('meetings.amendments', { count: detail.amendments().length }), amendment: amendmentText });
    setMarkdown(text);
    const safe = m().title.replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '').slice(0, 60) || 'minutes';
    downloadText(`${safe}-${m().startsAt.slice(0, 10)}.md`, text);
  };
  const print = () => {
    setMarkdown(detail.markdown({ amendments: t('meetings.amendments', { count: detail.amendments().length }), amendment: amendmentText }));
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
        <FinalBanner status={status()} amendments={detail.amendments()} />
        <div class="row no-print">
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
        <AgendaPanel meetings={props.meetings} detail={detail} meetingId={props.meetingId} name={name} />
      </div>
      <pre class="visually-hidden" data-testid="markdown-preview">
        {markdown()}
      </pre>
    </article>
  );
}

function FinalBanner(props: { readonly status: ReturnType<ReturnType<MeetingsView['detail']>['finalStatus']>; readonly amendments: readonly Amendment[] }) {
  return (
    <>
      <Show when={props.status.kind === 'checking'}>
        <p class="notice">{t('meetings.final.checking')}</p>
      </Show>
      <Show when={props.status.kind === 'valid' && props.status}>
        {(s) => (
          <div class="notice notice-ok stack" data-testid="signature" data-valid="true">
            <p>{t('meetings.final.valid', { name: s().signerName, date: formatDateTime(s().record.at) })}</p>
            <p class="hash">{t('meetings.final.hash', { hash: s().record.hash })}</p>
          </div>
        )}
      </Show>
      <Show when={props.status.kind === 'invalid' && props.status}>
        {(s) => (
          <p class="notice notice-error" data-testid="signature" data-valid="false" role="alert">
            {t('meetings.final.invalid', { reason: s().reason })}
          </p>
        )}
      </Show>
      <Show when={props.amendments.length > 0}>
        <details class="card" data-testid="amendments">
          <summary>{t('meetings.amendments', { count: props.amendments.length })}</summary>
          <ul>
            <For each={props.amendments}>{(a) => <li>{amendmentText(a)}</li>}</For>
          </ul>
        </details>
      </Show>
    </>
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
