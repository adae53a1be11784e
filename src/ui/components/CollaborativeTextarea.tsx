import { onCleanup, onMount } from 'solid-js';
import type { SharedText } from '../../app/chapters';
import { diffText, transformIndex } from '../../domain/text-diff';
import './CollaborativeTextarea.css';

interface Props {
  readonly text: SharedText;
  readonly label: string;
  readonly help?: string;
  readonly id: string;
}

/**
 * A plain textarea bound to a shared text: local keystrokes become minimal splices,
 * remote changes are applied in place and the caret is carried through them.
 */
export function CollaborativeTextarea(props: Props) {
  let area!: HTMLTextAreaElement;
  let shown = '';

  onMount(() => {
    shown = props.text.read();
    area.value = shown;
    const stop = props.text.observeRemote((delta) => {
      const start = transformIndex(area.selectionStart, delta);
      const end = transformIndex(area.selectionEnd, delta);
      const focused = document.activeElement === area;
      shown = props.text.read();
      area.value = shown;
      if (focused) area.setSelectionRange(start, end);
    });
    onCleanup(stop);
  });

  const onInput = () => {
    const splice = diffText(shown, area.value);
    shown = area.value;
    if (splice) props.text.apply(splice);
  };

  return (
    <div class="collab-text">
      <label for={props.id}>{props.label}</label>
      {props.help && (
        <p class="muted collab-help" id={`${props.id}-help`}>
          {props.help}
        </p>
      )}
      <textarea
        id={props.id}
        ref={area}
        rows={10}
        onInput={onInput}
        aria-describedby={props.help ? `${props.id}-help` : undefined}
        data-testid={props.id}
      />
    </div>
  );
}
