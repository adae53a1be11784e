import { For, Show } from 'solid-js';
import type { MembershipState } from '../../../app/members';
import { t } from '../../../i18n';

const issuer = (state: MembershipState, id: string): string => state.members.find((member) => member.id === id)?.name ?? '';

/** "invite used 2 of 5" for a member who came through a limited invite. */
export function InviteUsageNote(props: { readonly state: MembershipState; readonly inviteId: string | null }) {
  const usage = () => props.state.invites.find((invite) => invite.id === props.inviteId);
  return (
    <Show when={usage()}>
      {(invite) => (
        <span class="muted" data-testid="invite-usage">
          {t('members.invites.usage', { used: invite().used, max: invite().maxUses })}
        </span>
      )}
    </Show>
  );
}

/** Every limited invite of the chapter, who made it and how much of it is used. */
export function InviteUsageList(props: { readonly state: MembershipState }) {
  return (
    <Show when={props.state.invites.length > 0}>
      <section class="card stack" aria-labelledby="invites-title">
        <h2 id="invites-title">{t('members.invites.title')}</h2>
        <ul class="member-list" data-testid="invite-list">
          <For each={[...props.state.invites].reverse()}>
            {(invite) => (
              <li>
                {t('members.invites.item', { name: issuer(props.state, invite.issuer), used: invite.used, max: invite.maxUses })}
                <Show when={invite.blocked}>
                  {(blocked) => (
                    <>
                      {' '}
                      <span class="badge badge-muted">{t(blocked() === 'inviteUsedUp' ? 'members.invites.usedUp' : 'members.invites.withdrawn')}</span>
                    </>
                  )}
                </Show>
              </li>
            )}
          </For>
        </ul>
      </section>
    </Show>
  );
}
