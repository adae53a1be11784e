import { createSignal, Match, Show, Switch } from 'solid-js';
import type { MembersView } from '../../../app/members';
import { type ScanVerdict, verifyScannedKey } from '../../../domain/membership/scan';
import { t } from '../../../i18n';
import { KeyQrScanner } from '../../components/KeyQrScanner';

/** Meeting in person: scan the other person's key QR and see whose device it is here, or that it is nobody's. */
export function VerifyMember(props: { readonly members: MembersView }) {
  const [scanning, setScanning] = createSignal(false);
  const [verdict, setVerdict] = createSignal<ScanVerdict | null>(null);
  const onCode = (text: string) => {
    setScanning(false);
    const state = props.members.state();
    setVerdict(state ? verifyScannedKey(state, text) : { kind: 'notAKey' });
  };
  const code = (key: string) => props.members.codeOf(key);
  return (
    <section class="card stack" aria-labelledby="verify-member-title">
      <h2 id="verify-member-title">{t('members.scan.title')}</h2>
      <p class="muted">{t('members.scan.help')}</p>
      <Show
        when={scanning()}
        fallback={
          <div>
            <button
              type="button"
              class="button"
              onClick={() => {
                setVerdict(null);
                setScanning(true);
              }}
              data-testid="scan-key"
            >
              {t('members.scan.start')}
            </button>
          </div>
        }
      >
        <KeyQrScanner onCode={onCode} onClose={() => setScanning(false)} />
      </Show>
      <Show when={verdict()}>
        {(current) => (
          <Switch>
            <Match when={current().kind === 'verified' && (current() as Extract<ScanVerdict, { kind: 'verified' }>)}>
              {(match) => (
                <p class="notice" role="status" data-testid="scan-result" data-verdict="verified">
                  {t(match().active ? 'members.scan.verified' : 'members.scan.verifiedFormer', { code: code(match().key), name: match().name })}
                </p>
              )}
            </Match>
            <Match when={current().kind === 'revoked' && (current() as Extract<ScanVerdict, { kind: 'revoked' }>)}>
              {(match) => (
                <p class="notice notice-error" role="alert" data-testid="scan-result" data-verdict="mismatch">
                  {t('members.scan.revoked', { code: code(match().key), name: match().name })}
                </p>
              )}
            </Match>
            <Match when={current().kind === 'unknownKey' && (current() as Extract<ScanVerdict, { kind: 'unknownKey' }>)}>
              {(match) => (
                <p class="notice notice-error" role="alert" data-testid="scan-result" data-verdict="mismatch">
                  {t('members.scan.unknown', { code: code(match().key) })}
                </p>
              )}
            </Match>
            <Match when={current().kind === 'notAKey'}>
              <p class="notice notice-error" role="alert" data-testid="scan-result" data-verdict="mismatch">
                {t('members.scan.notAKey')}
              </p>
            </Match>
          </Switch>
        )}
      </Show>
    </section>
  );
}
