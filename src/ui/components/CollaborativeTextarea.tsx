import { createEffect, createSignal, For, onCleanup, onMount, Show } from 'solid-js';
import type { SharedText } from '../../app/chapters';
import type { FieldPresence, RemoteCaret } from '../../app/presence';
import { diffText, transformIndex } from '../../domain/text-diff';
import type { CaretBox } from './caret-coordinates';
import { createCaretMirror } from './caret-coordinates';
import './CollaborativeTextarea.css';

interface Props {
  readonly text: SharedText;
  readonly label: string;
  readonly help?: string;
  readonly id: string;
  /** Others' carets and names in this text; the labels say who is here (e.g. "Also here: Sam"). */
  readonly presence?: FieldPresence;
  readonly presenceLabel?: (names: string) => string;
}

/** Past this length carets are listed by name only: positioning them costs O(text) each. */
const MIRROR_MAX_CHARS = 20_000;

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

  const report = () => {
    const presence = props.presence;
    if (!presence || document.activeElement !== area) return;
    const backward = area.selectionDirection === 'backward';
    presence.update(backward ? area.selectionEnd : area.selectionStart, backward ? area.selectionStart : area.selectionEnd);
  };

  const onInput = () => {
    const splice = diffText(shown, area.value);
    shown = area.value;
    if (splice) props.text.apply(splice);
    report();
  };

  const names = () => (props.presence?.carets() ?? []).map((c) => c.name || '?').join(', ');

  return (
    <div class="collab-text">
      <label for={props.id}>{props.label}</label>
      {props.help && (
        <p class="muted collab-help" id={`${props.id}-help`}>
          {props.help}
        </p>
      )}
      <div class="collab-field">
        <textarea
          id={props.id}
          ref={area}
          rows={10}
          onInput={onInput}
          onKeyUp={report}
          onClick={report}
          onSelect={report}
          onFocus={report}
          onBlur={() => props.presence?.leave()}
          aria-describedby={props.help ? `${props.id}-help` : undefined}
          data-testid={props.id}
        />
        <Show when={props.presence}>{(presence) => <CaretOverlay area={() => area} carets={presence().carets} />}</Show>
      </div>
      <Show when={props.presence && names()}>
        <p class="collab-present muted" data-testid={`${props.id}-present`}>
          {props.presenceLabel ? props.presenceLabel(names()) : names()}
        </p>
      </Show>
    </div>
  );
}

/** Thin coloured carets with name tags over the textarea; decorative (names are also listed as text). */
function CaretOverlay(props: { readonly area: () => HTMLTextAreaElement; readonly carets: () => readonly RemoteCaret[] }) {
  const mirror = createCaretMirror();
  const [boxes, setBoxes] = createSignal<readonly { readonly caret: RemoteCaret; readonly box: CaretBox }[]>([]);
  let scheduled = false;
  const layout = () => {
    scheduled = false;
    const area = props.area();
    if (!area || area.value.length > MIRROR_MAX_CHARS) return setBoxes([]);
    const visible = area.clientHeight;
    setBoxes(
      props
        .carets()
        .map((caret) => ({ caret, box: mirror.measure(area, Math.min(caret.head, area.value.length)) }))
        .filter(({ box }) => box.top + box.height > 0 && box.top < visible),
    );
  };
  const schedule = () => {
    if (scheduled) return;
    scheduled = true;
    requestAnimationFrame(layout);
  };
  onMount(() => {
    const area = props.area();
    area.addEventListener('scroll', schedule, { passive: true });
    const resize = new ResizeObserver(schedule);
    resize.observe(area);
    onCleanup(() => {
      area.removeEventListener('scroll', schedule);
      resize.disconnect();
    });
  });
  // Re-measure whenever the carets (or the text under them) change.
  createEffect(() => {
    props.carets();
    schedule();
  });
  onCleanup(() => mirror.dispose());
  return (
    <div class="collab-carets" aria-hidden="true">
      <For each={boxes()}>
        {({ caret, box }) => (
          <span class="collab-caret" style={{ top: `${box.top}px`, left: `${box.left}px`, height: `${box.height}px`, 'background-color': caret.color }}>
            <span class="collab-caret-name" classList={{ below: box.top < 18 }} style={{ 'background-color': caret.color }}>
              {caret.name || '?'}
            </span>
          </span>
        )}
      </For>
    </div>
  );
}
