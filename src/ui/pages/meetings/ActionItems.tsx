import { createSignal, For, type JSX, Show } from 'solid-js';
import { ENGLISH_MINUTES_LABELS as L } from '../../../domain/meeting/minutes-labels';
import type { ActionStatus } from '../../../domain/meeting/types';
import { ACTION_STATUSES } from '../../../domain/meeting/types';
import { formatDate, t } from '../../../i18n';
import type { MeetingPanelProps } from './panel-props';

type Props = MeetingPanelProps;

/** Action items of the meeting (agendaItemId null) or of one agenda item, and the form to add one. */
export function ActionItems(props: Props & { readonly agendaItemId: string | null }) {
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
