import { createSignal, type JSX, Show } from 'solid-js';
import { useApp } from '../../../app/context';
import type { MemberActionError, MembersView } from '../../../app/members';
import { t } from '../../../i18n';
import { KeyQr } from '../../components/KeyQr';
import { ConfirmDialog } from './ConfirmDialog';

/** This device's key and safety code, linking another device, the admission rule, leaving. */
export function MembershipSettings(props: { readonly members: MembersView }) {
  const app = useApp();
  const [linkKey, setLinkKey] = createSignal('');
  const [linkMessage, setLinkMessage] = createSignal<{ readonly ok: boolean; readonly text: string } | null>(null);
  const [ruleN, setRuleN] = createSignal(2);
  const [leaving, setLeaving] = createSignal(false);
  const me = () => props.members.me();
  const canSetRule = () => !!me() && (me()!.founder || me()!.roles.includes('convener'));

  const link: JSX.EventHandler<HTMLFormElement, SubmitEvent> = async (event) => {
    event.preventDefault();
    const result = await props.members.linkDevice(linkKey());
    if (result.ok) {
      setLinkKey('');
      setLinkMessage({ ok: true, text: t('members.device.linked') });
    } else setLinkMessage({ ok: false, text: t(`members.error.${result.error as MemberActionError}`) });
  };

  return (
    <>
      <section class="card stack field" aria-labelledby="device-title">
        <h2 id="device-title">{t('members.device.title')}</h2>
        <KeyQr deviceKey={app.identity.deviceKey} safetyCode={app.identity.safetyCode} />
        <div>
          <label for="device-key">{t('members.device.key')}</label>
          <input id="device-key" class="mono" readOnly value={app.identity.deviceKey} onFocus={(e) => e.currentTarget.select()} data-testid="device-key" />
        </div>
        <Show when={me()}>
          <form class="stack" onSubmit={link} aria-labelledby="link-title" noValidate>
            <h3 id="link-title">{t('members.device.link')}</h3>
            <p class="muted">{t('members.device.linkHelp')}</p>
            <div>
              <label for="link-key">{t('members.device.linkKey')}</label>
              <input id="link-key" class="mono" value={linkKey()} onInput={(e) => setLinkKey(e.currentTarget.value)} data-testid="link-key" />
            </div>
            <div class="row">
              <button type="submit" class="button" data-testid="link-device">
                {t('members.device.linkSubmit')}
              </button>
              <span role={linkMessage()?.ok === false ? 'alert' : 'status'} class={linkMessage()?.ok === false ? 'field-error' : ''}>
                {linkMessage()?.text ?? ''}
              </span>
            </div>
          </form>
        </Show>
      </section>
      <Show when={canSetRule()}>
        <section class="card stack field" aria-labelledby="rule-title">
          <h2 id="rule-title">{t('members.rule.title')}</h2>
          <div class="row">
            <button type="button" class="button" onClick={() => void props.members.setAdmissionRule({ kind: 'any-member' })}>
              {t('members.rule.any')}
            </button>
          </div>
          <div class="row">
            <label for="rule-n">{t('members.rule.nLabel')}</label>
            <input id="rule-n" type="number" min="1" max="1000" value={ruleN()} onInput={(e) => setRuleN(Number(e.currentTarget.value) || 1)} class="narrow" />
            <button type="button" class="button" onClick={() => void props.members.setAdmissionRule({ kind: 'n-members', n: Math.max(1, Math.min(1000, Math.floor(ruleN()))) })}>
              {t('members.rule.n')}
            </button>
          </div>
          <div class="row">
            <button type="button" class="button" onClick={() => void props.members.setAdmissionRule({ kind: 'poll' })} data-testid="rule-poll">
              {t('members.rule.poll')}
            </button>
          </div>
        </section>
      </Show>
      <Show when={me()}>
        <div>
          <button type="button" class="button" onClick={() => setLeaving(true)} data-testid="leave">
            {t('members.leave')}
          </button>
        </div>
        <Show when={leaving()}>
          <ConfirmDialog
            title={t('members.leave.title')}
            body={t('members.leave.confirm')}
            confirmLabel={t('members.leave.submit')}
            onConfirm={async () => {
              await props.members.leave();
              return null;
            }}
            onClose={() => setLeaving(false)}
          />
        </Show>
      </Show>
    </>
  );
}
