import { createSignal, type JSX, onMount, Show } from 'solid-js';
import { t } from '../../../i18n';

interface Props {
  readonly title: string;
  readonly body: string;
  readonly confirmLabel: string;
  /** When set, the dialog asks for a reason (required) under this label. */
  readonly reasonLabel?: string;
  /** Returns an error message to show, or null when done (the dialog then closes). */
  readonly onConfirm: (reason: string) => Promise<string | null>;
  readonly onClose: () => void;
}

/** A modal confirmation for changes that are recorded for good (revoke, remove, leave). */
export function ConfirmDialog(props: Props) {
  let dialog!: HTMLDialogElement;
  const [reason, setReason] = createSignal('');
  const [error, setError] = createSignal<string | null>(null);
  const [busy, setBusy] = createSignal(false);
  onMount(() => dialog.showModal());

  const submit: JSX.EventHandler<HTMLFormElement, SubmitEvent> = async (event) => {
    event.preventDefault();
    setBusy(true);
    const message = await props.onConfirm(reason());
    setBusy(false);
    if (message === null) dialog.close();
    else setError(message);
  };

  return (
    <dialog ref={dialog} class="confirm-dialog" aria-labelledby="confirm-title" aria-describedby="confirm-body" onClose={() => props.onClose()}>
      <form class="stack field" onSubmit={submit} noValidate>
        <h2 id="confirm-title">{props.title}</h2>
        <p id="confirm-body">{props.body}</p>
        <Show when={props.reasonLabel}>
          {(label) => (
            <div>
              <label for="confirm-reason">{label()}</label>
              <textarea
                id="confirm-reason"
                rows={3}
                value={reason()}
                onInput={(e) => setReason(e.currentTarget.value)}
                aria-invalid={error() ? true : undefined}
                aria-describedby={error() ? 'confirm-error' : undefined}
                data-testid="confirm-reason"
              />
            </div>
          )}
        </Show>
        <Show when={error()}>
          {(message) => (
            <p class="field-error" id="confirm-error" role="alert">
              {message()}
            </p>
          )}
        </Show>
        <div class="row">
          <button type="submit" class="button button-danger" disabled={busy()} data-testid="confirm-submit">
            {props.confirmLabel}
          </button>
          <button type="button" class="button" onClick={() => dialog.close()}>
            {t('members.cancel')}
          </button>
        </div>
      </form>
    </dialog>
  );
}
