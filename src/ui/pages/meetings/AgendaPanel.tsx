import { createSignal, For, type JSX, Show } from 'solid-js';
import type { MeetingDetail } from '../../../app/meeting-detail';
import type { AgendaItemError, MeetingsView, StoredAgendaItem } from '../../../app/meetings';
import { NOTES_LIMIT } from '../../../app/meetings';
import type { ActionStatus, DecisionCounts, DecisionMethod } from '../../../domain/meeting/types';
import { ACTION_STATUSES, COUNT_KEYS, DECISION_METHODS } from '../../../domain/meeting/types';
import { ENGLISH_MINUTES_LABELS as L } from '../../../domain/meeting/minutes-labels';
import { formatDate, t } from '../../../i18n';
import { CollaborativeTextarea } from '../../components/CollaborativeTextarea';
import { meetingErrorText } from './messages';

interface Props {
  readonly meetings: MeetingsView;
  readonly detail: MeetingDetail;
  readonly meetingId: string;
  readonly name: (id: string) => string;
}

export function AgendaPanel(props: Props) {
  const items = () => props.detail.agenda();
  const live = () => items().filter((item) => !item.removed);
  return (
    <section class="stack" aria-labelledby="agenda-title">
      <h2 id="agenda-title">{t('meetings.agenda')}</h2>
      <Show when={items().length > 0} fallback={<p class="muted">{t('meetings.agenda.empty')}</p>}>
        <ol class="agenda" data-testid="agenda">
          <For each={items()}>
            {(item) => (
              <AgendaItemCard
                {...props}
                item={item}
                first={live()[0]?.id === item.id}
                last={live().at(-1)?.id === item.id}
              />
            )}
          </For>
        </ol>
      </Show>
      <Show when={props.meetings.me()}>
        <AddAgendaItem meetings={props.meetings} meetingId={props.meetingId} />
      </Show>
      <ActionItems {...props} agendaItemId={null} />
    </section>
  );
}

function AddAgendaItem(props: { readonly meetings: MeetingsView; readonly meetingId: string }) {
  const [title, setTitle] = createSignal('');
  const [presenter, setPresenter] = createSignal('');
  const [timebox, setTimebox] = createSignal('10');
  const [errors, setErrors] = createSignal<readonly AgendaItemError[]>([]);
  const errorOf = (field: string) => {
    const e = errors().find((x) => x.field === field);
    return e ? meetingErrorText(e) : undefined;
  };
  const submit: JSX.EventHandler<HTMLFormElement, SubmitEvent> = (event) => {
    event.preventDefault();
    const minutes = timebox().trim() === '' ? 0 : Number(timebox());
    const result = props.meetings.agenda.add(props.meetingId, {
      title: title(),
      presenter: presenter() ? { kind: 'member', memberId: presenter() as never } : null,
      timeboxMinutes: minutes,
      pollId: null,
    });
    if (!result.ok) return setErrors(result.error);
    setErrors([]);
    setTitle('');
  };
  return (
    <form class="card stack no-print" onSubmit={submit} noValidate aria-label={t('meetings.agenda.add')}>
      <div class="field">
        <label for="agenda-title-input">{t('meetings.agenda.itemTitle')}</label>
        <input id="agenda-title-input" value={title()} onInput={(e) => setTitle(e.currentTarget.value)} aria-invalid={errorOf('title') ? true : undefined} />
        <Show when={errorOf('title')}>
          {(text) => (
            <p class="field-error" role="alert">
              {text()}
            </p>
          )}
        </Show>
      </div>
      <div class="row">
        <div class="field">
          <label for="agenda-presenter">{t('meetings.agenda.presenter')}</label>
          <select id="agenda-presenter" value={presenter()} onChange={(e) => setPresenter(e.currentTarget.value)}>
            <option value="">{t('meetings.form.nobody')}</option>
            <For each={props.meetings.activeMembers()}>{(m) => <option value={m.id}>{m.name}</option>}</For>
          </select>
        </div>
        <div class="field">
          <label for="agenda-timebox">{t('meetings.agenda.timebox')}</label>
          <input id="agenda-timebox" class="narrow" inputmode="numeric" value={timebox()} onInput={(e) => setTimebox(e.currentTarget.value)} />
          <Show when={errorOf('timeboxMinutes')}>
            {(text) => (
              <p class="field-error" role="alert">
                {text()}
              </p>
            )}
          </Show>
        </div>
      </div>
      <button type="submit" class="button button-primary" data-testid="add-agenda-item">
        {t('meetings.agenda.add')}
      </button>
    </form>
  );
}

function AgendaItemCard(props: Props & { readonly item: StoredAgendaItem; readonly first: boolean; readonly last: boolean }) {
  const notes = props.meetings.agenda.notes(props.item.id);
  const [tooLarge, setTooLarge] = createSignal<number | null>(null);
  const decisions = () => props.detail.decisions().filter((d) => d.agendaItemId === props.item.id);
  // Refuses oversized pastes before they reach the shared text (the store also caps it).
  const onPaste = (event: ClipboardEvent) => {
    const size = event.clipboardData?.getData('text/plain').length ?? 0;
    const area = event.target as HTMLTextAreaElement;
    const selected = Math.abs(area.selectionEnd - area.selectionStart);
    if (area.value.length - selected + size > NOTES_LIMIT) {
      event.preventDefault();
      setTooLarge(size);
    } else setTooLarge(null);
  };
  const a = () => props.meetings.agenda;
  return (
    <li class="card stack agenda-item" data-testid="agenda-item" data-removed={props.item.removed ? 'true' : 'false'}>
      <div class="row agenda-head">
        <h3>{props.item.title}</h3>
        <span class="muted">
          <Show when={props.item.timeboxMinutes > 0}>{t('meetings.agenda.meta', { minutes: props.item.timeboxMinutes })}</Show>
          <Show when={props.item.presenter?.kind === 'member' && props.item.presenter}>
            {(p) => ` · ${t('meetings.agenda.by', { name: props.name((p() as { memberId: string }).memberId) })}`}
          </Show>
        </span>
      </div>
      <Show when={props.item.removed}>
        <p class="notice" data-testid="removed-item">
          {t('meetings.agenda.removed')}
        </p>
      </Show>
      <Show when={props.meetings.me()}>
        <div class="row no-print">
          <Show
            when={!props.item.removed}
            fallback={
              <button type="button" class="button" onClick={() => a().restore(props.item.id)}>
                {t('meetings.agenda.restore', { title: props.item.title })}
              </button>
            }
          >
            <button type="button" class="button icon" disabled={props.first} aria-label={t('meetings.agenda.up', { title: props.item.title })} onClick={() => a().move(props.meetingId, props.item.id, -1)}>
              ↑
            </button>
            <button type="button" class="button icon" disabled={props.last} aria-label={t('meetings.agenda.down', { title: props.item.title })} onClick={() => a().move(props.meetingId, props.item.id, 1)}>
              ↓
            </button>
            <button type="button" class="button" aria-label={t('meetings.agenda.remove', { title: props.item.title })} onClick={() => a().remove(props.item.id)}>
              ✕
            </button>
          </Show>
        </div>
      </Show>
      <Show when={notes}>
        {(text) => (
          <div onPaste={onPaste} class="minutes-notes">
            <CollaborativeTextarea text={text()} id={`notes-${props.item.id}`} label={t('meetings.notes', { title: props.item.title })} help={t('meetings.notes.help')} />
          </div>
        )}
      </Show>
      <Show when={tooLarge()}>
        {(size) => (
          <p class="field-error" role="alert">
            {t('meetings.notes.tooLarge', { size: size(), max: NOTES_LIMIT })}
          </p>
        )}
      </Show>
      <Show when={decisions().length > 0}>
        <h4>{t('meetings.decisions')}</h4>
        <ul class="decisions" data-testid="decisions">
          <For each={decisions()}>
            {(decision) => (
              <li class="decision">
                <p class="decision-text">{decision.text}</p>
                <p class="muted">
                  {L.methods[decision.method]}
                  <Show when={decision.counts}>{(c) => ` · ${COUNT_KEYS.map((k) => `${L.counts[k]} ${c()[k]}`).join(' · ')}`}</Show>
                </p>
                <For each={decision.dissent}>
                  {(entry) => (
                    <blockquote class="dissent">
                      <strong>{entry.who.kind === 'member' ? props.name(entry.who.memberId) : entry.who.name}:</strong>
                      <span class="verbatim">{entry.position}</span>
                    </blockquote>
                  )}
                </For>
              </li>
            )}
          </For>
        </ul>
      </Show>
      <Show when={props.meetings.me() && !props.item.removed}>
        <DecisionForm {...props} />
      </Show>
      <ActionItems {...props} agendaItemId={props.item.id} />
    </li>
  );
}

function DecisionForm(props: Props & { readonly item: StoredAgendaItem }) {
  const id = props.item.id;
  const [open, setOpen] = createSignal(false);
  const [text, setText] = createSignal('');
  const [method, setMethod] = createSignal<DecisionMethod>('consensus');
  const [counted, setCounted] = createSignal(false);
  const [counts, setCounts] = createSignal<Record<keyof DecisionCounts, string>>({ for: '0', against: '0', abstain: '0', standAside: '0', block: '0' });
  const [dissentWho, setDissentWho] = createSignal('');
  const [dissent, setDissent] = createSignal('');
  const [invalid, setInvalid] = createSignal(false);
  const submit: JSX.EventHandler<HTMLFormElement, SubmitEvent> = (event) => {
    event.preventDefault();
    const c = counts();
    const result = props.detail.addDecision(id, {
      text: text(),
      method: method(),
      counts: counted()
        ? { for: Number(c.for), against: Number(c.against), abstain: Number(c.abstain), standAside: Number(c.standAside), block: Number(c.block) }
        : null,
      pollId: null,
      dissent: dissent().trim() || dissentWho().trim() ? [{ who: { kind: 'guest', name: dissentWho() }, position: dissent() }] : [],
    });
    setInvalid(!result.ok);
    if (result.ok) {
      setText('');
      setDissent('');
      setDissentWho('');
      setOpen(false);
    }
  };
  return (
    <Show
      when={open()}
      fallback={
        <button type="button" class="button no-print" data-testid="open-decision" onClick={() => setOpen(true)}>
          {t('meetings.decision.add')}
        </button>
      }
    >
      <form class="stack decision-form no-print" onSubmit={submit} noValidate aria-label={t('meetings.decision.add')}>
        <div class="field">
          <label for={`decision-text-${id}`}>{t('meetings.decision.text')}</label>
          <textarea id={`decision-text-${id}`} rows={2} value={text()} onInput={(e) => setText(e.currentTarget.value)} />
        </div>
        <div class="field">
          <label for={`decision-method-${id}`}>{t('meetings.decision.method')}</label>
          <select id={`decision-method-${id}`} value={method()} onChange={(e) => setMethod(e.currentTarget.value as DecisionMethod)}>
            <For each={DECISION_METHODS.filter((m) => m !== 'poll')}>{(m) => <option value={m}>{L.methods[m]}</option>}</For>
          </select>
        </div>
        <label class="check">
          <input type="checkbox" checked={counted()} onChange={(e) => setCounted(e.currentTarget.checked)} />
          {t('meetings.decision.counted')}
        </label>
        <Show when={counted()}>
          <div class="counts">
            <For each={COUNT_KEYS}>
              {(key) => (
                <div class="field">
                  <label for={`count-${key}-${id}`}>{L.counts[key]}</label>
                  <input
                    id={`count-${key}-${id}`}
                    class="narrow"
                    inputmode="numeric"
                    value={counts()[key]}
                    onInput={(e) => {
                      const value = e.currentTarget.value;
                      setCounts((old) => ({ ...old, [key]: value }));
                    }}
                  />
                </div>
              )}
            </For>
          </div>
        </Show>
        <div class="field">
          <label for={`dissent-who-${id}`}>{t('meetings.decision.dissentWho')}</label>
          <input id={`dissent-who-${id}`} value={dissentWho()} onInput={(e) => setDissentWho(e.currentTarget.value)} />
        </div>
        <div class="field">
          <label for={`dissent-${id}`}>{t('meetings.decision.dissent')}</label>
          <textarea id={`dissent-${id}`} rows={2} value={dissent()} onInput={(e) => setDissent(e.currentTarget.value)} />
        </div>
        <Show when={invalid()}>
          <p class="field-error" role="alert">
            {t('meetings.decision.invalid')}
          </p>
        </Show>
        <div class="row">
          <button type="submit" class="button button-primary" data-testid="save-decision">
            {t('meetings.decision.add')}
          </button>
          <button type="button" class="button" onClick={() => setOpen(false)}>
            {t('meetings.form.cancel')}
          </button>
        </div>
      </form>
    </Show>
  );
}

function ActionItems(props: Props & { readonly agendaItemId: string | null }) {
  const list = () => props.detail.actions().filter((a) => a.agendaItemId === props.agendaItemId);
  const key = props.agendaItemId ?? 'meeting';
  const [what, setWhat] = createSignal('');
  const [who, setWho] = createSignal('');
  const [due, setDue] = createSignal('');
  const [error, setError] = createSignal(false);
  const submit: JSX.EventHandler<HTMLFormElement, SubmitEvent> = (event) => {
    event.preventDefault();
    const result = props.detail.addAction(props.agendaItemId, { what: what(), ownerId: (who() || null) as never, due: due() || null, status: 'open' });
    setError(!result.ok);
    if (result.ok) {
      setWhat('');
      setDue('');
    }
  };
  return (
    <div class="stack action-items">
      <Show when={props.agendaItemId === null}>
        <h2>{t('meetings.actions')}</h2>
      </Show>
      <Show when={list().length > 0}>
        <ul class="actions" data-testid="action-items">
          <For each={list()}>
            {(action) => (
              <li class="row action">
                <span>
                  <strong>{action.what}</strong>
                  <span class="muted">
                    {action.ownerId ? ` · ${props.name(action.ownerId)}` : ''}
                    {action.due ? ` · ${formatDate(action.due)}` : ''}
                  </span>
                </span>
                <label class="visually-hidden" for={`status-${action.id}`}>
                  {t('meetings.action.status', { what: action.what })}
                </label>
                <select id={`status-${action.id}`} value={action.status} onChange={(e) => props.detail.setActionStatus(action.id, e.currentTarget.value as ActionStatus)} disabled={!props.meetings.me()}>
                  <For each={ACTION_STATUSES}>{(s) => <option value={s}>{L.actionStatuses[s]}</option>}</For>
                </select>
              </li>
            )}
          </For>
        </ul>
      </Show>
      <Show when={props.meetings.me()}>
        <form class="row action-form no-print" onSubmit={submit} noValidate aria-label={t('meetings.action.add')}>
          <div class="field">
            <label for={`action-what-${key}`}>{t('meetings.action.what')}</label>
            <input id={`action-what-${key}`} value={what()} onInput={(e) => setWhat(e.currentTarget.value)} aria-invalid={error() ? true : undefined} />
          </div>
          <div class="field">
            <label for={`action-who-${key}`}>{t('meetings.action.who')}</label>
            <select id={`action-who-${key}`} value={who()} onChange={(e) => setWho(e.currentTarget.value)}>
              <option value="">{L.unassigned}</option>
              <For each={props.meetings.activeMembers()}>{(m) => <option value={m.id}>{m.name}</option>}</For>
            </select>
          </div>
          <div class="field">
            <label for={`action-due-${key}`}>{t('meetings.action.due')}</label>
            <input id={`action-due-${key}`} type="date" value={due()} onInput={(e) => setDue(e.currentTarget.value)} />
          </div>
          <button type="submit" class="button" data-testid="add-action">
            {t('meetings.action.add')}
          </button>
          <Show when={error()}>
            <p class="field-error" role="alert">
              {t('meetings.error.required')}
            </p>
          </Show>
        </form>
      </Show>
    </div>
  );
}
