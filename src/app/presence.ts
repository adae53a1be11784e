import { type Accessor, createSignal, getOwner, onCleanup } from 'solid-js';
import type { Awareness } from 'y-protocols/awareness';
import type * as Y from 'yjs';
import { caretFromJson, caretToJson } from '../crdt/meeting-presence';
import type { PresenceState } from '../domain/meeting/presence';
import { othersIn, presenceColor } from '../domain/meeting/presence';

/** Someone else's caret in a text, resolved to indices in the text as it is now. */
export interface RemoteCaret {
  readonly clientId: number;
  readonly name: string;
  readonly color: string;
  readonly anchor: number;
  readonly head: number;
}

/** Presence in one collaborative text, without Y types in its signature (for the UI). */
export interface FieldPresence {
  /** This device's selection in the field; cheap to call on every keystroke (sent at most every SEND_MS). */
  update(anchor: number, head: number): void;
  /** This device left the field (blur). */
  leave(): void;
  readonly carets: Accessor<readonly RemoteCaret[]>;
}

/** Local caret updates are coalesced: a peer needs a few per second, not one per keystroke. */
export const SEND_MS = 120;

const nextFrame = (run: () => void): void => {
  if (typeof requestAnimationFrame === 'function') requestAnimationFrame(run);
  else setTimeout(run, 16);
};

const sameCarets = (a: readonly RemoteCaret[], b: readonly RemoteCaret[]): boolean =>
  a.length === b.length &&
  a.every((x, i) => {
    const y = b[i];
    return !!y && x.clientId === y.clientId && x.anchor === y.anchor && x.head === y.head && x.name === y.name && x.color === y.color;
  });

/**
 * Presence of this device in one document's awareness (one per open document, shared with the
 * sync transport). Call inside a reactive owner; it clears this device's state when disposed.
 */
export function createPresence(awareness: Awareness, name: () => string) {
  const selfId = awareness.clientID;
  const color = presenceColor(selfId);
  let wanted: PresenceState | null = null;
  let pending: { readonly field: string; readonly text: Y.Text; readonly anchor: number; readonly head: number } | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;

  const publish = (state: PresenceState | null) => {
    wanted = state;
    awareness.setLocalState(state);
  };
  const flush = () => {
    timer = null;
    if (!pending) return;
    const { field, text, anchor, head } = pending;
    pending = null;
    publish({ name: name(), color, field, anchor: caretToJson(text, anchor), head: caretToJson(text, head) });
  };
  const onChange = ({ removed }: { readonly removed: readonly number[] }) => {
    // y-webrtc drops this device's state whenever it leaves a room (pause, rejoin); put it back.
    if (!removed.includes(selfId) || !wanted) return;
    const again = wanted;
    queueMicrotask(() => {
      if (wanted === again && awareness.getLocalState() === null) awareness.setLocalState(again);
    });
  };
  awareness.on('change', onChange);

  function field(id: string, text: Y.Text): FieldPresence {
    const [carets, setCarets] = createSignal<readonly RemoteCaret[]>([], { equals: sameCarets });
    let scheduled = false;
    const resolve = () => {
      scheduled = false;
      const out: RemoteCaret[] = [];
      for (const { clientId, state } of othersIn(awareness.getStates(), selfId, id)) {
        const head = caretFromJson(text, state.head);
        if (head === null) continue;
        const anchor = caretFromJson(text, state.anchor) ?? head;
        out.push({ clientId, name: state.name, color: state.color, anchor, head });
      }
      setCarets(out);
    };
    // At most once a frame, whatever happens (remote carets move, text changes under them).
    const schedule = () => {
      if (scheduled) return;
      scheduled = true;
      nextFrame(resolve);
    };
    awareness.on('change', schedule);
    text.observe(schedule);
    schedule();
    const stop = () => {
      awareness.off('change', schedule);
      text.unobserve(schedule);
      if (pending?.field === id) pending = null;
      if (wanted?.field === id) publish({ ...wanted, field: null, anchor: null, head: null });
    };
    if (getOwner()) onCleanup(stop);
    return {
      update(anchor: number, head: number) {
        pending = { field: id, text, anchor, head };
        timer ??= setTimeout(flush, wanted?.field === id ? SEND_MS : 0);
      },
      leave() {
        if (pending?.field === id) pending = null;
        if (wanted?.field === id) publish({ ...wanted, field: null, anchor: null, head: null });
      },
      carets,
    };
  }

  function dispose() {
    if (timer) clearTimeout(timer);
    awareness.off('change', onChange);
    pending = null;
    publish(null);
  }
  if (getOwner()) onCleanup(dispose);

  return { field, dispose };
}

export type Presence = ReturnType<typeof createPresence>;
