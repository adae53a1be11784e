import type * as Y from 'yjs';
import type { TextDeltaStep, TextSplice } from '../domain/text-diff';

/** A collaborative text without Y types in its signature, so the UI can bind it to a field. */
export interface SharedText {
  read(): string;
  apply(splice: TextSplice): void;
  /** Calls back with the delta of every change made by someone else (peer or storage). */
  observeRemote(listener: (delta: readonly TextDeltaStep[]) => void): () => void;
}

/** Origin tag for edits typed on this device, so observers can tell local from remote. */
export const LOCAL_EDIT = Symbol('local-edit');

export function sharedText(text: Y.Text): SharedText {
  return {
    read: () => text.toString(),
    apply: (splice) => {
      const doc = text.doc;
      const run = () => {
        if (splice.deleteCount > 0) text.delete(splice.index, splice.deleteCount);
        if (splice.insert.length > 0) text.insert(splice.index, splice.insert);
      };
      if (doc) doc.transact(run, LOCAL_EDIT);
      else run();
    },
    observeRemote: (listener) => {
      const handler = (event: Y.YTextEvent, transaction: Y.Transaction) => {
        if (transaction.origin === LOCAL_EDIT) return;
        listener(event.delta as TextDeltaStep[]);
      };
      text.observe(handler);
      return () => text.unobserve(handler);
    },
  };
}
