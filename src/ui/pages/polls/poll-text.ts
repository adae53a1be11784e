import type { PollSummary, SignedPoll } from '../../../app/polls';
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

export function scopeText(poll: SignedPoll): string {
  if (poll.scope === 'chapter') return t('polls.voters.scope.chapter');
  if (poll.scope.kind === 'group') return t('polls.voters.scope.group', { name: poll.scope.name, count: poll.scope.members.length });
  return t('polls.voters.scope.chapters', { count: poll.scope.chapters.length, names: poll.scope.chapters.map((c) => c.name).sort((a, b) => a.localeCompare(b)).join(', ') });
}

export function weightRuleText(poll: SignedPoll): string {
  if (poll.weightRule === 'equal') return t('polls.voters.weightRule');
  if (poll.weightRule === 'perChapter') return t('polls.voters.weightRule.perChapter');
  return t('polls.voters.weightRule.custom', { reason: poll.weightRule.reason });
}
