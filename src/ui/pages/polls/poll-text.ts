import type { PollSummary } from '../../../app/polls';
import { formatDateTime, t } from '../../../i18n';

export function votersText(summary: PollSummary): string {
  const count = summary.count.turnout;
  const eligible = summary.count.voters.length;
  return t('polls.voters', { count, eligible });
}

export function closingText(summary: PollSummary): string {
  const close = summary.count.chosenClose;
  if (close) return t('polls.closedAt', { when: formatDateTime(close.closedAt) });
  if (summary.count.status === 'provisional') return t('polls.deadlinePassed', { when: formatDateTime(summary.poll.closesAt) });
  return t('polls.closesAt', { when: formatDateTime(summary.poll.closesAt) });
}
