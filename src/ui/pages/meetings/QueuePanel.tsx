import { For, Show } from 'solid-js';
import type { MeetingDetail } from '../../../app/meeting-detail';
import { t } from '../../../i18n';

/** Raise hand, the shared queue in the same order on every device, and the facilitator's controls. */
export function QueuePanel(props: { readonly detail: MeetingDetail; readonly name: (id: string) => string }) {
  const d = props.detail;
  const current = () => d.queue().current;
  return (
    <section class="card stack" aria-labelledby="queue-title">
      <h2 id="queue-title">{t('meetings.queue')}</h2>
      <div aria-live="polite" class="stack">
        <p data-testid="current-speaker">
          <Show when={current()} fallback={t('meetings.queue.nobodySpeaking')}>
            {(c) => t('meetings.queue.speaking', { name: props.name(c().memberId) })}
          </Show>
          <Show when={d.timer()}>
            {(timer) => (
              // role="timer" is not live: the region announces the speaker, not every second.
              <span class={`timer ${timer().overrun ? 'timer-over' : ''}`} role="timer" aria-live="off" data-testid="speaker-timer">
                {' · '}
                {timer().overrun
                  ? t('meetings.queue.overrun', { seconds: timer().overrunSeconds })
                  : t('meetings.queue.remaining', { seconds: timer().remainingSeconds ?? 0 })}
              </span>
            )}
          </Show>
        </p>
        <Show when={d.waiting().length > 0} fallback={<p class="muted">{t('meetings.queue.empty')}</p>}>
          <ol class="queue" data-testid="speaker-queue">
            <For each={d.waiting()}>
              {(entry) => (
                <li>
                  {props.name(entry.memberId)}
                  <Show when={entry.timesSpoken > 0}>
                    <span class="muted"> ({t('meetings.queue.spoken', { count: entry.timesSpoken })})</span>
                  </Show>
                </li>
              )}
            </For>
          </ol>
        </Show>
      </div>
      <div class="row no-print">
        <Show
          when={d.myHandUp()}
          fallback={
            <button type="button" class="button button-primary" data-testid="raise-hand" onClick={() => d.raiseHand()}>
              {t('meetings.queue.raise')}
            </button>
          }
        >
          <button type="button" class="button" data-testid="lower-hand" onClick={() => d.lowerHand()}>
            {t('meetings.queue.lower')}
          </button>
        </Show>
        <Show when={d.canFacilitate()}>
          <button type="button" class="button" data-testid="call-next" onClick={() => d.callNext()}>
            {t('meetings.queue.next')}
          </button>
          <Show when={current()}>
            <button type="button" class="button" onClick={() => d.endTurn()}>
              {t('meetings.queue.end')}
            </button>
          </Show>
        </Show>
      </div>
      <Show when={d.canFacilitate()}>
        <label class="check no-print">
          <input type="checkbox" checked={d.mode() === 'progressive'} onChange={(e) => d.setMode(e.currentTarget.checked ? 'progressive' : 'fifo')} />
          {t('meetings.queue.progressive')}
        </label>
      </Show>
    </section>
  );
}
