import { createSignal, Show } from 'solid-js';
import type { Member, MembershipState, MembersView } from '../../../app/members';
import { t } from '../../../i18n';
import { ConfirmDialog } from './ConfirmDialog';

/** A convener removes a member: a signed decision with its reason, kept in the history. */
export function RemoveMember(props: { readonly members: MembersView; readonly member: Member; readonly state: MembershipState }) {
  const [open, setOpen] = createSignal(false);
  const agreed = () => props.state.pendingRemovals.find((removal) => removal.memberId === props.member.id)?.agreed.length ?? 0;
  const needed = () => {
    const rule = props.state.admissionRule;
    const active = props.state.members.filter((member) => member.status === 'active').length;
    return rule.kind === 'n-members' ? Math.min(rule.n, active - 1) : 1;
  };
  return (
    <>
      <Show when={agreed() > 0}>
        <span class="muted" data-testid="removal-agreed">
          {t('members.remove.agreed', { count: agreed(), needed: needed() })}
        </span>
      </Show>
      <button type="button" class="button" aria-label={t('members.remove.label', { name: props.member.name })} onClick={() => setOpen(true)}>
        {t('members.remove')}
      </button>
      <Show when={open()}>
        <ConfirmDialog
          title={t('members.remove.title', { name: props.member.name })}
          body={t('members.remove.body')}
          confirmLabel={t('members.remove.confirm')}
          reasonLabel={t('members.remove.reason')}
          onConfirm={async (reason) => {
            const result = await props.members.remove(props.member.id, reason);
            return result.ok ? null : t(`members.error.${result.error}`);
          }}
          onClose={() => setOpen(false)}
        />
      </Show>
    </>
  );
}
