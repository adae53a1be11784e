import { createSignal, For, type JSX, Match, Show, Switch } from 'solid-js';
import type { BallotChoice, SignedPoll } from '../../../app/polls';
import { MAX_SCORE, RANKED_METHODS } from '../../../app/polls';
import { t } from '../../../i18n';

/** The ballot inputs, one per method; each reports a complete choice through onChange. */
/** What a ballot says before the voter touched anything (ranked: every option in listed order). */
export function defaultChoice(poll: SignedPoll): BallotChoice | null {
  if (RANKED_METHODS.includes(poll.method)) return { ranking: [...poll.options] };
  if (poll.method === 'approval') return { approved: [] };
  if (poll.method === 'score') return { scores: Object.fromEntries(poll.options.map((o) => [o, 0])) };
  return null;
}

function Radios(props: { name: string; items: readonly { value: string; label: string }[]; onChange: (value: string) => void }) {
  return (
    <fieldset class="poll-choices">
      <legend class="visually-hidden">{t('polls.vote.title')}</legend>
      <For each={props.items}>
        {(item) => (
          <div class="poll-check">
            <input type="radio" id={`${props.name}-${item.value}`} name={props.name} value={item.value} onChange={() => props.onChange(item.value)} />
            <label for={`${props.name}-${item.value}`}>{item.label}</label>
          </div>
        )}
      </For>
    </fieldset>
  );
}

export function ChoiceInput(props: { poll: SignedPoll; onChange: (choice: BallotChoice) => void }): JSX.Element {
  const options = () => props.poll.options;
  return (
    <Switch>
      <Match when={props.poll.method === 'yesno'}>
        <YesNoInput onChange={props.onChange} />
      </Match>
      <Match when={props.poll.method === 'consent'}>
        <ConsentInput onChange={props.onChange} />
      </Match>
      <Match when={props.poll.method === 'plurality'}>
        <Radios
          name="choice"
          items={[...options().map((value) => ({ value, label: value })), { value: '', label: t('polls.vote.blank') }]}
          onChange={(value) => props.onChange({ choice: value === '' ? null : value })}
        />
      </Match>
      <Match when={props.poll.method === 'approval'}>
        <ApprovalInput options={options()} onChange={props.onChange} />
      </Match>
      <Match when={props.poll.method === 'score'}>
        <ScoreInput options={options()} onChange={props.onChange} />
      </Match>
      <Match when={RANKED_METHODS.includes(props.poll.method)}>
        <RankInput options={options()} onChange={props.onChange} />
      </Match>
    </Switch>
  );
}

/** Yes / no / abstain; a "no" may carry a reason, recorded with the outcome in the minutes. */
function YesNoInput(props: { onChange: (choice: BallotChoice) => void }) {
  const [vote, setVote] = createSignal<'yes' | 'no' | 'abstain' | null>(null);
  const [reason, setReason] = createSignal('');
  const emit = () => {
    const v = vote();
    if (v) props.onChange(v === 'no' && reason().trim() ? { vote: v, reason: reason().trim() } : { vote: v });
  };
  return (
    <>
      <Radios
        name="vote"
        items={(['yes', 'no', 'abstain'] as const).map((value) => ({ value, label: t(`polls.vote.${value}`) }))}
        onChange={(value) => {
          setVote(value as 'yes' | 'no' | 'abstain');
          emit();
        }}
      />
      <Show when={vote() === 'no'}>
        <ReasonField id="vote-reason" label={t('polls.vote.reasonAgainst')} value={reason()} onInput={(value) => {
            setReason(value);
            emit();
          }} />
      </Show>
    </>
  );
}

function ConsentInput(props: { onChange: (choice: BallotChoice) => void }) {
  const [response, setResponse] = createSignal<'agree' | 'standAside' | 'block' | null>(null);
  const [reason, setReason] = createSignal('');
  const emit = () => {
    const r = response();
    if (r) props.onChange(reason().trim() ? { response: r, reason: reason().trim() } : { response: r });
  };
  return (
    <>
      <Radios
        name="response"
        items={(['agree', 'standAside', 'block'] as const).map((value) => ({ value, label: t(`polls.vote.${value}`) }))}
        onChange={(value) => {
          setResponse(value as 'agree' | 'standAside' | 'block');
          emit();
        }}
      />
      <ReasonField id="consent-reason" label={t('polls.vote.reason')} value={reason()} onInput={(value) => {
        setReason(value);
        emit();
      }} />
    </>
  );
}

function ApprovalInput(props: { options: readonly string[]; onChange: (choice: BallotChoice) => void }) {
  const approved = new Set<string>();
  return (
    <fieldset class="poll-choices">
      <legend class="visually-hidden">{t('polls.vote.title')}</legend>
      <For each={props.options}>
        {(option, index) => (
          <div class="poll-check">
            <input
              type="checkbox"
              id={`approve-${index()}`}
              onChange={(e) => {
                if (e.currentTarget.checked) approved.add(option);
                else approved.delete(option);
                props.onChange({ approved: props.options.filter((o) => approved.has(o)) });
              }}
            />
            <label for={`approve-${index()}`}>{option}</label>
          </div>
        )}
      </For>
    </fieldset>
  );
}

function ScoreInput(props: { options: readonly string[]; onChange: (choice: BallotChoice) => void }) {
  const scores: Record<string, number> = Object.fromEntries(props.options.map((o) => [o, 0]));
  return (
    <div class="stack">
      <For each={props.options}>
        {(option, index) => (
          <div class="field poll-score">
            <label for={`score-${index()}`}>{t('polls.vote.score', { option })}</label>
            <select
              id={`score-${index()}`}
              class="select"
              onChange={(e) => {
                scores[option] = Number(e.currentTarget.value);
                props.onChange({ scores: { ...scores } });
              }}
            >
              <For each={Array.from({ length: MAX_SCORE + 1 }, (_, i) => i)}>{(n) => <option value={n}>{n}</option>}</For>
            </select>
          </div>
        )}
      </For>
    </div>
  );
}

/** Ranked ballot: an ordered list with up/down buttons (Alt+Arrow keys too) and a tick to rank or leave out. */
function RankInput(props: { options: readonly string[]; onChange: (choice: BallotChoice) => void }) {
  const [order, setOrder] = createSignal<readonly string[]>([...props.options]);
  const [excluded, setExcluded] = createSignal<ReadonlySet<string>>(new Set());
  const [announce, setAnnounce] = createSignal('');
  const emit = () => props.onChange({ ranking: order().filter((o) => !excluded().has(o)) });
  const move = (index: number, delta: number) => {
    const next = [...order()];
    const target = index + delta;
    if (target < 0 || target >= next.length) return;
    [next[index], next[target]] = [next[target]!, next[index]!];
    setOrder(next);
    setAnnounce(`${next[target]}: ${target + 1}`);
    emit();
    queueMicrotask(() => document.getElementById(`rank-item-${target}`)?.querySelector<HTMLButtonElement>(delta < 0 ? '.rank-up' : '.rank-down')?.focus());
  };
  return (
    <div class="stack">
      <p class="muted" id="rank-help">
        {t('polls.vote.rankHelp')}
      </p>
      <ol class="rank-list" aria-describedby="rank-help" data-testid="rank-list">
        <For each={order()}>
          {(option, index) => (
            <li
              id={`rank-item-${index()}`}
              class="rank-item"
              classList={{ excluded: excluded().has(option) }}
              onKeyDown={(e) => {
                if (e.altKey && e.key === 'ArrowUp') {
                  e.preventDefault();
                  move(index(), -1);
                } else if (e.altKey && e.key === 'ArrowDown') {
                  e.preventDefault();
                  move(index(), 1);
                }
              }}
            >
              <input
                type="checkbox"
                id={`rank-include-${index()}`}
                aria-label={t('polls.vote.rankInclude', { option })}
                checked={!excluded().has(option)}
                onChange={(e) => {
                  const next = new Set(excluded());
                  if (e.currentTarget.checked) next.delete(option);
                  else next.add(option);
                  setExcluded(next);
                  emit();
                }}
              />
              <span class="rank-pos" aria-hidden="true">
                {index() + 1}.
              </span>
              <span class="rank-name">{option}</span>
              <button type="button" class="button rank-up" aria-label={t('polls.vote.up', { option })} disabled={index() === 0} onClick={() => move(index(), -1)}>
                ↑
              </button>
              <button
                type="button"
                class="button rank-down"
                aria-label={t('polls.vote.down', { option })}
                disabled={index() === order().length - 1}
                onClick={() => move(index(), 1)}
              >
                ↓
              </button>
            </li>
          )}
        </For>
      </ol>
      <p class="visually-hidden" aria-live="polite">
        {announce()}
      </p>
    </div>
  );
}

/** An optional reason given with a ballot (against, stand aside, block): kept short. */
function ReasonField(props: { readonly id: string; readonly label: string; readonly value: string; readonly onInput: (value: string) => void }) {
  return (
    <div class="field">
      <label for={props.id}>{props.label}</label>
      <textarea id={props.id} rows={2} maxLength={500} value={props.value} onInput={(e) => props.onInput(e.currentTarget.value)} />
    </div>
  );
}
