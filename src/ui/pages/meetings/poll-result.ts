import type { PollsView } from '../../../app/polls';
import { t } from '../../../i18n';

/** One line on a linked poll for a decision; uses the polls strings, loaded with the polls store. */
export function pollResultText(polls: PollsView | null, pollId: string): string {
  const summary = polls?.poll(pollId);
  if (!polls || !summary) return t('meetings.decision.poll.result', { question: '…', result: t('meetings.decision.poll.missing') });
  const question = summary.poll.question;
  const r = summary.result;
  const closed = summary.count.status === 'closed';
  let result: string;
  if (r === null) result = closed ? t('meetings.decision.poll.hidden') : t('meetings.decision.poll.open', { count: summary.count.counted.length });
  else if (r.method === 'yesno') result = `${t(`polls.results.outcome.${r.outcome}`)} (${r.yes} / ${r.no} / ${r.abstain})`;
  else if (r.method === 'consent') result = r.blocked ? t('polls.results.blocked') : t(`polls.results.outcome.${r.outcome}`);
  else result = r.winners.length > 0 ? t('polls.results.winners', { names: r.winners.join(', ') }) : t('polls.results.noWinner');
  if (r !== null && !closed) result = `${result} — ${t('meetings.decision.poll.open', { count: summary.count.counted.length })}`;
  return t('meetings.decision.poll.result', { question, result });
}
