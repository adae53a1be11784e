import { createSignal, For, type JSX, Show } from 'solid-js';
import type { StoredDecision } from '../../../app/meeting-detail';
import type { StoredAgendaItem } from '../../../app/meetings';
import { ENGLISH_MINUTES_LABELS as L } from '../../../domain/meeting/minutes-labels';
import type { DecisionCounts, DecisionMethod } from '../../../domain/meeting/types';
import { COUNT_KEYS, DECISION_METHODS } from '../../../domain/meeting/types';
import { t } from '../../../i18n';
import { pollResultText } from './poll-result';
import type { DecisionPanelProps } from './panel-props';

type Props = DecisionPanelProps;

/** The decisions taken under one agenda item, with counts, linked poll result and verbatim dissent. */
export function DecisionList(props: Props & { readonly decisions: readonly StoredDecision[] }) {
  return (
    <ul class="decisions" data-testid="decisions">
      <For each={props.decisions}>
        {(decision) => (
          <li class="decision">
            <p class="decision-text">{decision.text}</p>
            <p class="muted">
              {L.methods[decision.method]}
              <Show when={decision.counts}>{(c) => ` · ${COUNT_KEYS.map((k) => `${L.counts[k]} ${c()[k]}`).join(' · ')}`}</Show>
            </p>
            <Show when={decision.pollId}>
              {(pollId) => (
                <p class="decision-poll" data-testid="decision-poll">
                  {pollResultText(props.polls(), pollId())}
                </p>
              )}
            </Show>
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
  );
}

export function DecisionForm(props: Props & { readonly item: StoredAgendaItem }) {
  const id = props.item.id;
  const [open, setOpen] = createSignal(false);
  const [text, setText] = createSignal('');
  const [method, setMethod] = createSignal<DecisionMethod>('consensus');
  const [counted, setCounted] = createSignal(false);
  const [counts, setCounts] = createSignal<Record<keyof DecisionCounts, string>>({ for: '0', against: '0', abstain: '0', standAside: '0', block: '0' });
  const [dissentWho, setDissentWho] = createSignal('');
  const [dissent, setDissent] = createSignal('');
  const [invalid, setInvalid] = createSignal(false);
  const [pollId, setPollId] = createSignal('');
  const submit: JSX.EventHandler<HTMLFormElement, SubmitEvent> = (event) => {
    event.preventDefault();
    const c = counts();
    const result = props.detail.addDecision(id, {
      text: text(),
      method: method(),
      counts: counted()
        ? { for: Number(c.for), against: Number(c.against), abstain: Number(c.abstain), standAside: Number(c.standAside), block: Number(c.block) }
        : null,
      pollId: (pollId() || null) as never,
      dissent: dissent().trim() || dissentWho().trim() ? [{ who: { kind: 'guest', name: dissentWho() }, position: dissent() }] : [],
    });
    setInvalid(!result.ok);
    if (result.ok) {
      setText('');
      setDissent('');
      setDissentWho('');
      setPollId('');
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
            <For each={DECISION_METHODS}>{(m) => <option value={m}>{L.methods[m]}</option>}</For>
          </select>
        </div>
        <div class="field">
          <label for={`decision-poll-${id}`}>{t('meetings.decision.poll')}</label>
          <Show when={(props.polls()?.polls().length ?? 0) > 0} fallback={<p class="muted">{t('meetings.decision.poll.none')}</p>}>
            <select id={`decision-poll-${id}`} value={pollId()} onChange={(e) => setPollId(e.currentTarget.value)}>
              <option value="">{t('meetings.decision.poll.choose')}</option>
              <For each={props.polls()?.polls() ?? []}>{(summary) => <option value={summary.poll.id}>{summary.poll.question}</option>}</For>
            </select>
          </Show>
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

