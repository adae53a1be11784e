import { createResource, createSignal, onMount, Show } from 'solid-js';
import { t } from '../../i18n';
import './InviteDialog.css';

interface Props {
  readonly chapterName: string;
  /** Signs a link valid for that many days (null: no expiry). */
  readonly makeUrl: (validDays: number | null) => Promise<string>;
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
  const [url] = createResource(() => ({ days: validity() }), ({ days }) => props.makeUrl(days));
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
        <Show when={qr()}>{(src) => <img src={src()} alt={t('invite.qrAlt')} width="240" height="240" data-testid="invite-qr" />}</Show>
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
