import { createSignal, Show } from 'solid-js';
import type { BallotChoice, PollSummary, PollsView } from '../../../app/polls';
import { downloadJson } from '../../../app/polls';
import { type MessageKey, t } from '../../../i18n';
import { BackLink } from '../projects/form-kit';
import { ChoiceInput, defaultChoice } from './BallotInputs';
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
            <Show when={s().poll.minutes ? props.polls.agendaItems().find((i) => i.agendaItemId === s().poll.minutes?.agendaItemId) : undefined}>
              {(item) => (
                <p class="org-meta" data-testid="poll-linked">
                  {t('polls.linked', { item: `${item().meetingTitle}: ${item().itemTitle}` })}
                </p>
              )}
            </Show>
            <Show when={s().poll.description}>
              <p class="org-text">{s().poll.description}</p>
            </Show>
            <Show when={s().outsideScope && s().poll.scope !== 'chapter' ? s().poll.scope : null}>
              {(scope) => (
                <p class="notice" data-testid="poll-not-in-scope">
                  {(() => {
                    const current = scope();
                    if (current === 'chapter') return '';
                    if (current.kind === 'chapters') return t('polls.notInScope.chapters', { names: current.chapters.map((c) => c.name).sort((a, b) => a.localeCompare(b)).join(', ') });
                    return t('polls.notInScope', { name: current.name });
                  })()}
                </p>
              )}
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

