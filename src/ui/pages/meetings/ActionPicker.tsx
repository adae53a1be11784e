import { createSignal, For, type JSX, Show } from 'solid-js';
import type { MeetingsView } from '../../../app/meetings';
import { t } from '../../../i18n';

/** Offers open action items of earlier meetings as report-back agenda items. */
export function ActionPicker(props: { readonly meetings: MeetingsView; readonly meetingId: string }) {
  const offers = () => props.meetings.agenda.offers(props.meetingId);
  const [chosen, setChosen] = createSignal<readonly string[]>([]);
  const [added, setAdded] = createSignal<number | null>(null);
  const submit: JSX.EventHandler<HTMLFormElement, SubmitEvent> = (event) => {
    event.preventDefault();
    const ids = chosen().filter((id) => offers().some((o) => o.actionItemId === id));
    if (ids.length === 0) return;
    setAdded(props.meetings.agenda.addFromActions(props.meetingId, ids));
    setChosen([]);
  };
  return (
    <details class="card no-print action-picker" data-testid="action-picker">
      <summary>{t('meetings.agenda.fromActions')}</summary>
      <Show when={offers().length > 0} fallback={<p class="muted">{t('meetings.agenda.fromActions.none')}</p>}>
        <form class="stack" onSubmit={submit} aria-label={t('meetings.agenda.fromActions')}>
          <For each={offers()}>
            {(offer) => (
              <label class="check">
                <input
                  type="checkbox"
                  checked={chosen().includes(offer.actionItemId)}
                  onChange={(e) => {
                    const on = e.currentTarget.checked;
                    setChosen((list) => (on ? [...list, offer.actionItemId] : list.filter((id) => id !== offer.actionItemId)));
                  }}
                />
                <span>
                  {offer.title}
                  <Show when={offer.presenter?.kind === 'member' && offer.presenter}>
                    {(p) => <span class="muted"> · {props.meetings.memberName((p() as { memberId: string }).memberId) ?? ''}</span>}
                  </Show>
                  <Show when={offer.overdue}>
                    <span class="badge">{t('meetings.agenda.fromActions.overdue')}</span>
                  </Show>
                </span>
              </label>
            )}
          </For>
          <button type="submit" class="button" data-testid="add-from-actions" disabled={chosen().length === 0}>
            {t('meetings.agenda.fromActions.add')}
          </button>
        </form>
      </Show>
      <Show when={added()}>
        {(count) => (
          <p class="muted" role="status">
            {t('meetings.agenda.fromActions.added', { count: count() })}
          </p>
        )}
      </Show>
    </details>
  );
}
