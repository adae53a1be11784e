import { For, type JSX, Show } from 'solid-js';
import type { PollSummary, PollsView, TallyResult } from '../../../app/polls';
import { type MessageKey, t } from '../../../i18n';
import { scopeText, weightRuleText } from './poll-text';

const fmt = (n: number): string => String(Math.round(n * 1000) / 1000);

/** Plain CSS bars; each bar's value is also text, so screen readers get the numbers. */
function Bars(props: { rows: readonly { label: string; value: number }[]; testid?: string }) {
  const max = () => Math.max(1, ...props.rows.map((r) => r.value));
  return (
    <ul class="poll-bars" aria-label={t('polls.results.chart')} data-testid={props.testid}>
      <For each={props.rows}>
        {(row) => (
          <li class="poll-bar-row">
            <span class="poll-bar-label">{t('polls.results.value', { label: row.label, value: fmt(row.value) })}</span>
            <span class="poll-bar-track" aria-hidden="true">
              <span class="poll-bar" style={{ width: `${(row.value / max()) * 100}%` }} />
            </span>
          </li>
        )}
      </For>
    </ul>
  );
}

function Outcome(props: { result: TallyResult }): JSX.Element {
  const r = props.result;
  switch (r.method) {
    case 'yesno':
      return (
        <>
          <p class="poll-outcome" data-testid="poll-outcome">
            {t(`polls.results.outcome.${r.outcome}`)}
          </p>
          <Bars
            testid="poll-bars"
            rows={[
              { label: t('polls.vote.yes'), value: r.yes },
              { label: t('polls.vote.no'), value: r.no },
              { label: t('polls.vote.abstain'), value: r.abstain },
            ]}
          />
        </>
      );
    case 'consent':
      return (
        <>
          <p class="poll-outcome" data-testid="poll-outcome">
            {r.blocked ? t('polls.results.blocked') : t(`polls.results.outcome.${r.outcome}`)}
          </p>
          <Bars
            testid="poll-bars"
            rows={[
              { label: t('polls.vote.agree'), value: r.agree },
              { label: t('polls.vote.standAside'), value: r.standAside },
              { label: t('polls.vote.block'), value: r.block },
            ]}
          />
          <Show when={r.blockReasons.length + r.standAsideReasons.length > 0}>
            <h3>{t('polls.results.reasons')}</h3>
            <ul>
              <For each={[...r.blockReasons.map((x) => ({ ...x, kind: 'block' })), ...r.standAsideReasons.map((x) => ({ ...x, kind: 'standAside' }))]}>
                {(x) => (
                  <li>
                    {t(`polls.vote.${x.kind}` as MessageKey)}: {x.reason}
                  </li>
                )}
              </For>
            </ul>
          </Show>
        </>
      );
    default: {
      const firstRound = r.method === 'irv' || r.method === 'stv' ? (r.rounds[0]?.tally ?? {}) : r.tally;
      return (
        <>
          <p class="poll-outcome" data-testid="poll-outcome">
            {r.winners.length > 0 ? t('polls.results.winners', { names: r.winners.join(', ') }) : t('polls.results.noWinner')}
          </p>
          <Bars testid="poll-bars" rows={Object.entries(firstRound).map(([label, value]) => ({ label, value }))} />
          <Show when={r.method === 'irv' || r.method === 'stv' ? r : null}>{(ranked) => <Rounds result={ranked()} />}</Show>
          <Show when={r.method === 'schulze' ? r : null}>{(s) => <Pairwise result={s()} />}</Show>
          <Show when={r.tieBreaks.length > 0}>
            <p class="muted">{t('polls.results.tieBreaks', { count: r.tieBreaks.length })}</p>
          </Show>
        </>
      );
    }
  }
}

function Rounds(props: { result: Extract<TallyResult, { method: 'irv' | 'stv' }> }) {
  const names = () => Object.keys(props.result.rounds[0]?.tally ?? {});
  return (
    <div class="table-scroll">
      <table class="poll-table" data-testid="poll-rounds">
        <caption>{t('polls.results.rounds')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('polls.results.rounds')}</th>
            <For each={names()}>{(name) => <th scope="col">{name}</th>}</For>
            <th scope="col">{t('polls.results.exhausted')}</th>
            <th scope="col">{t('polls.results.eliminated')}</th>
            <th scope="col">{t('polls.results.elected')}</th>
          </tr>
        </thead>
        <tbody>
          <For each={props.result.rounds}>
            {(round) => (
              <tr>
                <th scope="row">{t('polls.results.round', { round: round.round })}</th>
                <For each={names()}>{(name) => <td>{name in round.tally ? fmt(round.tally[name]!) : '—'}</td>}</For>
                <td>{fmt(round.exhausted)}</td>
                <td>{round.eliminated.join(', ')}</td>
                <td>{round.elected.join(', ')}</td>
              </tr>
            )}
          </For>
        </tbody>
      </table>
    </div>
  );
}

function Pairwise(props: { result: Extract<TallyResult, { method: 'schulze' }> }) {
  const names = () => Object.keys(props.result.pairwise);
  return (
    <div class="table-scroll">
      <table class="poll-table" data-testid="poll-pairwise">
        <caption>{t('polls.results.pairwise')}</caption>
        <thead>
          <tr>
            <td />
            <For each={names()}>{(name) => <th scope="col">{name}</th>}</For>
          </tr>
        </thead>
        <tbody>
          <For each={names()}>
            {(row) => (
              <tr>
                <th scope="row">{row}</th>
                <For each={names()}>{(col) => <td>{row === col ? '—' : fmt(props.result.pairwise[row]?.[col] ?? 0)}</td>}</For>
              </tr>
            )}
          </For>
        </tbody>
      </table>
    </div>
  );
}

export function Results(props: { polls: PollsView; summary: PollSummary }) {
  const count = () => props.summary.count;
  const closerName = () => {
    const close = count().chosenClose;
    return close ? (props.polls.nameOfDevice(close.closer) ?? close.closer.slice(0, 8)) : '';
  };
  const voterName = (key: string, memberId: string | null) =>
    (memberId ? props.polls.nameOfMember(memberId) : null) ?? props.polls.nameOfDevice(key) ?? `${t('polls.rejected.unknownVoter')} ${key.slice(0, 8)}`;
  return (
    <section class="card stack" aria-labelledby="results-title" data-testid="poll-results">
      <h2 id="results-title">{t('polls.results.title')}</h2>
      <Show when={props.summary.result} fallback={<p class="muted">{t('polls.results.hidden')}</p>}>
        {(result) => (
          <>
            <Show when={count().status === 'open' || count().status === 'provisional'}>
              <p class="notice" data-testid="poll-provisional">
                {t('polls.results.provisional')}
              </p>
            </Show>
            <Show when={count().status === 'closed'}>
              <p class="notice" data-testid="poll-final">
                {t('polls.results.final', { closer: closerName(), early: count().chosenClose?.early ? t('polls.results.early') : '' })}
              </p>
            </Show>
            <Show when={count().status === 'awaitingBallots'}>
              <p class="notice">{t('polls.results.awaiting', { count: count().closes.find((c) => c.chosen)?.missing ?? 0 })}</p>
            </Show>
            <p>{t('polls.results.turnout', { turnout: count().turnout, eligible: count().voters.length })}</p>
            {/* Keyed: Outcome reads its result once, so a new count (live results) renders afresh. */}
            <Show when={result()} keyed>
              {(current) => <Outcome result={current} />}
            </Show>
          </>
        )}
      </Show>
      <h3>{t('polls.voters.title')}</h3>
      <p class="muted" data-testid="poll-scope">
        {scopeText(props.summary.poll)}
      </p>
      <p class="muted" data-testid="poll-weight-rule">
        {weightRuleText(props.summary.poll)}
      </p>
      <ul class="poll-voters" data-testid="poll-voter-list">
        <For each={count().voters}>
          {(voter) => (
            <li>
              {voter.chapterId ? t('polls.voters.fromChapter', { name: voter.name, chapter: props.polls.chapterName(voter.chapterId) }) : voter.name} ·{' '}
              {t('polls.voters.weight', { weight: voter.weight })} · {voter.voted ? t('polls.voters.voted') : t('polls.voters.notVoted')}
            </li>
          )}
        </For>
      </ul>
      <h3>{t('polls.rejected.title')}</h3>
      <Show when={count().rejected.length > 0} fallback={<p class="muted">{t('polls.rejected.none')}</p>}>
        <ul data-testid="poll-rejected">
          <For each={count().rejected}>
            {(r) => <li>{t('polls.rejected.item', { voter: voterName(r.voter, r.memberId), reason: t(`polls.reason.${r.reason}`) })}</li>}
          </For>
        </ul>
      </Show>
      <Show when={count().closes.length > 0}>
        <h3>{t('polls.closes.title')}</h3>
        <ul data-testid="poll-closes">
          <For each={count().closes}>
            {(c) => (
              <li>
                {t('polls.closes.item', { closer: props.polls.nameOfDevice(c.record.closer) ?? c.record.closer.slice(0, 8), count: c.record.ballots.length })}{' '}
                ({c.valid ? (c.chosen ? t('polls.closes.chosen') : t('polls.closes.notChosen')) : t('polls.closes.invalid', { reason: t(`polls.closeReason.${c.reason ?? 'malformed'}`) })})
                <span class="muted poll-hash"> {c.record.id.slice(0, 12)}</span>
              </li>
            )}
          </For>
        </ul>
        <p class="muted">{t('polls.closes.rule')}</p>
      </Show>
    </section>
  );
}
