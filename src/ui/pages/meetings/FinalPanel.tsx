import { createSignal, For, Show } from 'solid-js';
import type { Amendment, MeetingDetail } from '../../../app/meeting-detail';
import { formatDateTime, t } from '../../../i18n';

/** One change in words; agenda items are named by their title so readers see which item changed. */
export const amendmentText = (a: Amendment, titleOf: (itemId: string) => string | undefined = () => undefined): string => {
  const title = a.entity === 'agendaItem' ? titleOf(a.itemId) : undefined;
  return t('meetings.amendment', {
    entity: title ? `"${title}"` : a.entity,
    field: a.field ?? '',
    kind: a.field === null ? (a.before === null ? 'added' : 'removed') : 'changed',
  });
};

/** Titles of the meeting's agenda items (removed ones included), by id. */
export const agendaTitles = (detail: MeetingDetail) => (itemId: string) => detail.agenda().find((item) => item.id === itemId)?.title;

const MISMATCH = ['hashMismatch', 'badSignature', 'notCanonical'];
const invalidText = (reason: string): string => {
  if (reason === 'notSecretary') return t('meetings.final.notSecretary');
  return MISMATCH.includes(reason) ? t('meetings.final.mismatch') : t('meetings.final.invalid', { reason });
};

/** The signature, co-signatures, signed amendments and changes not signed yet of finalized minutes. */
export function FinalPanel(props: { readonly detail: MeetingDetail }) {
  const status = () => props.detail.finalStatus();
  const valid = () => {
    const s = status();
    return s.kind === 'valid' ? s : null;
  };
  const invalid = () => {
    const s = status();
    return s.kind === 'invalid' ? s : null;
  };
  const signing = props.detail.signing;
  const [busy, setBusy] = createSignal(false);
  const run = async (action: () => Promise<unknown>) => {
    setBusy(true);
    await action();
    setBusy(false);
  };
  return (
    <>
      <Show when={status().kind === 'checking'}>
        <p class="notice">{t('meetings.final.checking')}</p>
      </Show>
      <Show when={valid()}>
        {(s) => (
          <div class="notice notice-ok stack" data-testid="signature" data-valid="true">
            <p>{t('meetings.final.valid', { name: s().signerName, date: formatDateTime(s().record.at) })}</p>
            <Show when={signing.approvals().length > 0}>
              <p data-testid="approvals">{t('meetings.approvedBy', { names: signing.approvals().map((a) => a.name).join(', ') })}</p>
            </Show>
            <p class="hash">{t('meetings.final.hash', { hash: s().record.hash })}</p>
            <Show when={signing.approvedByMe()}>
              <p class="muted">{t('meetings.approve.done')}</p>
            </Show>
            <Show when={signing.canApprove()}>
              <button type="button" class="button no-print" data-testid="approve" disabled={busy()} onClick={() => void run(signing.approve)}>
                {t('meetings.approve')}
              </button>
            </Show>
          </div>
        )}
      </Show>
      <Show when={invalid()}>
        {(s) => (
          <p class="notice notice-error" data-testid="signature" data-valid="false" data-reason={s().reason} role="alert">
            {invalidText(s().reason)}
          </p>
        )}
      </Show>
      <Show when={signing.signedAmendments().length > 0}>
        <ol class="stack signed-amendments" data-testid="signed-amendments">
          <For each={signing.signedAmendments()}>
            {(a) => (
              <li class="card" data-valid={a.valid ? 'true' : 'false'}>
                <Show when={a.valid} fallback={<p class="field-error">{t('meetings.amendment.invalid')}</p>}>
                  <p>
                    <strong>{t('meetings.amendment.signed', { name: a.signerName ?? t('meetings.amendment.unknownSigner'), date: formatDateTime(a.at) })}</strong>
                  </p>
                  <ul>
                    <For each={a.changes}>{(change) => <li>{amendmentText(change, agendaTitles(props.detail))}</li>}</For>
                  </ul>
                </Show>
              </li>
            )}
          </For>
        </ol>
      </Show>
      <Show when={props.detail.amendments().length > 0}>
        <details class="card" data-testid="amendments" open>
          <summary>{t('meetings.amendments.unsigned', { count: props.detail.amendments().length })}</summary>
          <ul>
            <For each={props.detail.amendments()}>{(a) => <li>{amendmentText(a, agendaTitles(props.detail))}</li>}</For>
          </ul>
          <Show when={props.detail.canSign()}>
            <button type="button" class="button no-print" data-testid="sign-amendment" disabled={busy()} onClick={() => void run(signing.signAmendment)}>
              {t('meetings.amendments.sign')}
            </button>
          </Show>
        </details>
      </Show>
    </>
  );
}
