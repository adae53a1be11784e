import { createResource, createSignal, onMount, Show } from 'solid-js';
import type { InviteLinkError } from '../../app/invites';
import type { Result } from '../../domain/result';
import { t } from '../../i18n';
import './InviteDialog.css';

interface Props {
  readonly chapterName: string;
  /** Signs a link valid for that many days (null: no expiry), admitting at most maxUses people (null: no limit). */
  readonly makeUrl: (validDays: number | null, maxUses: number | null) => Promise<Result<string, InviteLinkError>>;
  readonly onClose: () => void;
}

// The QR encoder is loaded only when someone invites: the first screen never needs it.
const renderQr = async (url: string): Promise<string> => {
  const { toDataURL } = await import('qrcode');
  return toDataURL(url, { errorCorrectionLevel: 'M', margin: 2, width: 320 });
};

/** Invite link and QR code; the secret is in the link's fragment, which no server ever sees. */
export function InviteDialog(props: Props) {
  let dialog!: HTMLDialogElement;
  const [validity, setValidity] = createSignal<number | null>(7);
  const [uses, setUses] = createSignal<number | null>(null);
  // Each limited link is its own signed record in the chapter, so a new choice makes a new link.
  const [made] = createResource(() => ({ days: validity(), maxUses: uses() }), ({ days, maxUses }) => props.makeUrl(days, maxUses));
  const url = (): string | undefined => {
    const result = made();
    return result?.ok ? result.value : undefined;
  };
  const error = (): InviteLinkError | null => {
    const result = made();
    return result && !result.ok ? result.error : null;
  };
  const [qr] = createResource(url, renderQr);
  const [copied, setCopied] = createSignal(false);

  onMount(() => dialog.showModal());

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(url() ?? '');
      setCopied(true);
    } catch {
      // Clipboard can be refused; select the text so the user can copy it by hand.
      (dialog.querySelector('#invite-url') as HTMLInputElement | null)?.select();
    }
  };

  return (
    <dialog ref={dialog} class="invite-dialog" aria-labelledby="invite-title" onClose={() => props.onClose()}>
      <h2 id="invite-title">{t('invite.title', { name: props.chapterName })}</h2>
      <p class="muted">{t('invite.body')}</p>
      <div class="invite-qr">
        <Show when={url() && qr()}>{(src) => <img src={src()} alt={t('invite.qrAlt')} width="240" height="240" data-testid="invite-qr" />}</Show>
      </div>
      <label for="invite-validity">{t('invite.validity')}</label>
      <select
        id="invite-validity"
        class="invite-validity"
        data-testid="invite-validity"
        onChange={(event) => setValidity(event.currentTarget.value === 'never' ? null : Number(event.currentTarget.value))}
      >
        <option value="1">{t('invite.validity.1')}</option>
        <option value="7" selected>
          {t('invite.validity.7')}
        </option>
        <option value="30">{t('invite.validity.30')}</option>
        <option value="never">{t('invite.validity.never')}</option>
      </select>
      <label for="invite-uses">{t('invite.uses')}</label>
      <select
        id="invite-uses"
        class="invite-validity"
        data-testid="invite-uses"
        aria-describedby={error() ? 'invite-error' : undefined}
        onChange={(event) => setUses(event.currentTarget.value === 'none' ? null : Number(event.currentTarget.value))}
      >
        <option value="none" selected>
          {t('invite.uses.none')}
        </option>
        <option value="1">{t('invite.uses.1')}</option>
        <option value="5">{t('invite.uses.5')}</option>
        <option value="20">{t('invite.uses.20')}</option>
      </select>
      <Show when={error()}>
        {(code) => (
          <p class="field-error" id="invite-error" role="alert" data-testid="invite-error">
            {t(code() === 'notAMember' ? 'invite.error.notAMember' : 'invite.error.badLimit')}
          </p>
        )}
      </Show>
      <label for="invite-url">{t('invite.link')}</label>
      <input id="invite-url" class="invite-url" readOnly value={url() ?? ''} data-testid="invite-url" onFocus={(event) => event.currentTarget.select()} />
      <div class="row">
        <button type="button" class="button button-primary" onClick={copy}>
          {t('invite.copy')}
        </button>
        <button type="button" class="button" onClick={() => dialog.close()}>
          {t('invite.close')}
        </button>
        <span role="status">{copied() ? t('invite.copied') : ''}</span>
      </div>
    </dialog>
  );
}
