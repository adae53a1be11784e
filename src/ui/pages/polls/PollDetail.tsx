import { createSignal, For, type JSX, Match, Show, Switch } from 'solid-js';
import type { BallotChoice, PollSummary, PollsView, SignedPoll } from '../../../app/polls';
import { downloadJson, MAX_SCORE, RANKED_METHODS } from '../../../app/polls';
import { type MessageKey, t } from '../../../i18n';
import { BackLink } from '../projects/form-kit';
import { closingText, votersText } from './poll-text';
import { Results } from './Results';

export function PollDetail(props: { polls: PollsView; id: string; base: string }) {
  const summary = () => props.polls.poll(props.id);
  return (
    <section class="stack polls" aria-labelledby="poll-title">
      <BackLink href={props.base} section={t('polls.title')} />
      <Show when={summary()} fallback={<p class="notice">{t('polls.notFound')}</p>}>
        {(s) => (
          <>
            <h1 id="poll-title" data-testid="poll-question">
              {s().poll.question}
            </h1>
            <p class="org-meta">
              {t(`polls.method.${s().poll.method}`)} ·{' '}
              <span class="badge" data-testid="poll-status">
                {t(`polls.status.${s().count.status}`)}
              </span>
            </p>
            <p class="org-meta">{closingText(s())}</p>
            <p class="org-meta" data-testid="poll-turnout">
              {votersText(s())}
            </p>
            <Show when={s().poll.description}>
              <p class="org-text">{s().poll.description}</p>
            </Show>
            <Show when={s().canVote || s().myBallot}>
              <Ballot polls={props.polls} summary={s()} />
            </Show>
            <Show when={s().canClose}>
              <CloseButton polls={props.polls} summary={s()} />
            </Show>
            <Results polls={props.polls} summary={s()} />
            <Show when={s().count.status === 'closed'}>
              <div class="card stack">
                <button
                  type="button"
                  class="button"
                  data-testid="poll-audit"
                  onClick={() => {
                    const audit = props.polls.audit(s().poll.id);
                    if (audit) downloadJson(`poll-${s().poll.id.slice(0, 12)}-audit.json`, audit);
                  }}
                >
                  {t('polls.audit.download')}
                </button>
                <p class="muted">{t('polls.audit.help')}</p>
              </div>
            </Show>
          </>
        )}
      </Show>
    </section>
  );
}

function CloseButton(props: { polls: PollsView; summary: PollSummary }) {
  const [error, setError] = createSignal('');
  const close = async () => {
    const result = await props.polls.close(props.summary.poll.id);
    setError(result.ok ? '' : t(`polls.action.${result.error}`));
  };
  return (
    <div class="card stack">
      <button type="button" class="button button-primary" data-testid="poll-close" onClick={() => void close()}>
        {props.summary.closeIsEarly ? t('polls.close.now') : t('polls.close.deadline')}
      </button>
      <p class="muted">{t('polls.close.help')}</p>
      <Show when={error()}>
        <p class="notice notice-error" role="alert">
          {error()}
        </p>
      </Show>
    </div>
  );
}

/** A short text for a ballot choice. */
export function describeChoice(choice: BallotChoice): string {
  const c = choice as Record<string, unknown>;
  if (typeof c.vote === 'string') return t(`polls.vote.${c.vote}` as MessageKey);
  if (typeof c.response === 'string') return t(`polls.vote.${c.response}` as MessageKey);
  if ('choice' in c) return typeof c.choice === 'string' ? c.choice : t('polls.vote.blank');
  if (Array.isArray(c.approved)) return c.approved.join(', ') || t('polls.vote.none');
  if (Array.isArray(c.ranking)) return c.ranking.map((name, i) => `${i + 1}. ${name}`).join(', ') || t('polls.vote.none');
  if (c.scores && typeof c.scores === 'object') {
    return Object.entries(c.scores as Record<string, number>)
      .map(([name, score]) => `${name} ${score}`)
      .join(', ');
  }
  return '';
}

function Ballot(props: { polls: PollsView; summary: PollSummary }) {
  const poll = () => props.summary.poll;
  const [choice, setChoice] = createSignal<BallotChoice | null>(null);
  const [message, setMessage] = createSignal<{ text: string; error: boolean } | null>(null);
  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    const current = choice() ?? defaultChoice(poll());
    if (!current) return setMessage({ text: t('polls.action.invalidChoice'), error: true });
    const result = await props.polls.vote(poll().id, current);
    setMessage(result.ok ? { text: t('polls.vote.saved'), error: false } : { text: t(`polls.action.${result.error}`), error: true });
  };
  return (
    <form class="card stack" onSubmit={submit} aria-labelledby="ballot-title" data-testid="ballot">
      <h2 id="ballot-title">{t('polls.vote.title')}</h2>
      <Show when={props.summary.myBallot}>
        {(mine) => (
          <p class="muted" data-testid="my-ballot">
            {t('polls.vote.current', { choice: describeChoice(mine().choice) })}
          </p>
        )}
      </Show>
      <Show when={props.summary.canVote}>
        <ChoiceInput poll={poll()} onChange={setChoice} />
        <button type="submit" class="button button-primary" data-testid="cast-ballot">
          {props.summary.myBallot ? t('polls.vote.change') : t('polls.vote.submit')}
        </button>
      </Show>
      <Show when={message()}>
        {(m) => (
          <p class={m().error ? 'notice notice-error' : 'notice'} role={m().error ? 'alert' : 'status'}>
            {m().text}
          </p>
        )}
      </Show>
    </form>
  );
}

/** What a ballot says before the voter touched anything (ranked: every option in listed order). */
function defaultChoice(poll: SignedPoll): BallotChoice | null {
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

function ChoiceInput(props: { poll: SignedPoll; onChange: (choice: BallotChoice) => void }): JSX.Element {
  const options = () => props.poll.options;
  return (
    <Switch>
      <Match when={props.poll.method === 'yesno'}>
        <Radios
          name="vote"
          items={(['yes', 'no', 'abstain'] as const).map((value) => ({ value, label: t(`polls.vote.${value}`) }))}
          onChange={(value) => props.onChange({ vote: value as 'yes' | 'no' | 'abstain' })}
        />
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
      <div class="field">
        <label for="consent-reason">{t('polls.vote.reason')}</label>
        <textarea
          id="consent-reason"
          rows={2}
          maxLength={500}
          value={reason()}
          onInput={(e) => {
            setReason(e.currentTarget.value);
            emit();
          }}
        />
      </div>
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
