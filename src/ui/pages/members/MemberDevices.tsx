import { createSignal, For, Show } from 'solid-js';
import { useApp } from '../../../app/context';
import type { Member, MembersView } from '../../../app/members';
import type { DeviceKey } from '../../../domain/membership/types';
import { t } from '../../../i18n';
import { ConfirmDialog } from './ConfirmDialog';

/**
 * A member's devices with their safety codes (to compare in person). A member can revoke their
 * other devices from this one, e.g. a lost phone; the revocation is recorded, never deleted.
 */
export function MemberDevices(props: { readonly members: MembersView; readonly member: Member }) {
  const app = useApp();
  const [revoking, setRevoking] = createSignal<DeviceKey | null>(null);
  const mine = () => props.members.me()?.id === props.member.id;
  return (
    <details class="member-devices-list">
      <summary>{t('members.devices.summary')}</summary>
      <ul data-testid="device-list">
        <For each={props.member.devices}>
          {(device) => {
            const code = props.members.codeOf(device.key);
            return (
              <li class="row device" data-revoked={device.revokedBy !== null}>
                <span class="mono">{t('members.devices.code', { code })}</span>
                <Show when={device.key === app.identity.deviceKey}>
                  <span class="badge">{t('members.devices.thisDevice')}</span>
                </Show>
                <Show when={device.revokedBy !== null}>
                  <span class="badge badge-muted">{t('members.devices.revoked')}</span>
                </Show>
                <Show when={mine() && device.revokedBy === null && device.key !== app.identity.deviceKey}>
                  <button type="button" class="button" aria-label={t('members.devices.revokeLabel', { code })} onClick={() => setRevoking(device.key)}>
                    {t('members.devices.revoke')}
                  </button>
                </Show>
              </li>
            );
          }}
        </For>
      </ul>
      <Show when={revoking()}>
        {(key) => (
          <ConfirmDialog
            title={t('members.devices.revokeTitle', { code: props.members.codeOf(key()) })}
            body={t('members.devices.revokeBody')}
            confirmLabel={t('members.devices.revokeConfirm')}
            onConfirm={async () => {
              await props.members.revokeDevice(key());
              return null;
            }}
            onClose={() => setRevoking(null)}
          />
        )}
      </Show>
    </details>
  );
}
