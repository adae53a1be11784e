import { createSignal } from 'solid-js';
import { t } from '../../../i18n';

interface Props {
  readonly id: string;
  readonly label: string;
  readonly code: string;
  readonly testId: string;
}

/** The code as text: the copy-paste fallback that works everywhere. */
export function CodeBox(props: Props) {
  const [copied, setCopied] = createSignal(false);
  let area!: HTMLTextAreaElement;
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(props.code);
      setCopied(true);
    } catch {
      area.select();
    }
  };
  return (
    <div class="code-box stack">
      <label for={props.id}>{props.label}</label>
      <textarea
        ref={area}
        id={props.id}
        class="code-text"
        readOnly
        rows="4"
        value={props.code}
        data-testid={props.testId}
        onFocus={(event) => event.currentTarget.select()}
      />
      <div class="row">
        <button type="button" class="button" onClick={copy}>
          {t('pairing.copy')}
        </button>
        <span role="status">{copied() ? t('pairing.copied') : ''}</span>
      </div>
    </div>
  );
}
