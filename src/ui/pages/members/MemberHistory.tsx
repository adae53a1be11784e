import { For, Show } from 'solid-js';
import type { HistoryItem, MembersView } from '../../../app/members';
import { formatDate, type MessageKey, t } from '../../../i18n';

const historyText = (item: HistoryItem, codeOf: (key: string) => string): string => {
  const role = item.role ? t(`members.role.${item.role}`) : '';
  return t(`members.history.${item.type}` as MessageKey, {
    actor: item.actor,
    subject: item.subject ?? '',
    role,
    reason: item.reason ?? '',
    code: item.deviceKey ? codeOf(item.deviceKey) : '',
    max: item.maxUses ?? 0,
  });
};

/** Every counted membership event, newest first: joins, devices, roles, leaving and removals. */
export function MemberHistory(props: { readonly members: MembersView }) {
  return (
    <Show when={props.members.history().length > 0}>
      <section class="card stack" aria-labelledby="history-title">
        <h2 id="history-title">{t('members.history.title')}</h2>
        <ul class="history" data-testid="member-history">
          <For each={props.members.history()}>
            {(item) => (
              <li>
                <span>{historyText(item, props.members.codeOf)}</span>{' '}
                <Show when={!Number.isNaN(Date.parse(item.createdAt))}>
                  <time class="muted" datetime={item.createdAt}>
                    {formatDate(item.createdAt)}
                  </time>
                </Show>
              </li>
            )}
          </For>
        </ul>
      </section>
    </Show>
  );
}
