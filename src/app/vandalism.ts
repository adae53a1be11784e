import { type Accessor, createSignal, onCleanup } from 'solid-js';
import type { DocId } from '../domain/ids';
import { openSignedHistory } from '../persistence/signed-history';
import type { OpenDocument } from './documents';
import type { FeatureDeps } from './feature-deps';
import { NO_VANDALISM, type VandalismReport, type VandalismWatch, watchSignedRecords } from './vandalism-watch';

export type { VandalismReport };

/** How many records of each kind a peer removed or altered, for the notice. */
export interface VandalismView {
  readonly report: Accessor<VandalismReport>;
  /** Records put back by the last restore on this screen, or null. */
  readonly restored: Accessor<number | null>;
  restore(): void;
}

/**
 * Watches every open branch document for signed records (members, polls, ballots, final minutes)
 * that a peer deleted or overwrote, and puts them back from this device's history on request.
 */
export function createVandalismStore(deps: FeatureDeps) {
  const history = openSignedHistory();
  // Keyed by the open document: a chapter reopened with a new secret gets a new watch.
  const watches = new WeakMap<OpenDocument, Promise<VandalismWatch>>();

  function watchFor(opened: OpenDocument): Promise<VandalismWatch> {
    let watch = watches.get(opened);
    if (!watch) {
      watch = watchSignedRecords({ docId: opened.docId, doc: opened.doc, loaded: opened.storage.loaded, history });
      watches.set(opened, watch);
    }
    return watch;
  }

  /** Call inside a reactive owner (a page) after the chapter's document was opened. */
  function view(docId: DocId): VandalismView {
    const [report, setReport] = createSignal<VandalismReport>(NO_VANDALISM);
    const [restored, setRestored] = createSignal<number | null>(null);
    const opened = deps.documents.get(docId);
    let current: VandalismWatch | null = null;
    let stop = () => {};
    let disposed = false;
    onCleanup(() => {
      disposed = true;
      stop();
    });
    if (opened) {
      void watchFor(opened).then((watch) => {
        if (disposed) return;
        current = watch;
        setReport(watch.report());
        stop = watch.onReport((next) => {
          setReport(next);
          if (next !== NO_VANDALISM) setRestored(null);
        });
      });
    }
    return {
      report,
      restored,
      restore() {
        if (current) void current.restore().then(setRestored);
      },
    };
  }

  return { view };
}

export type VandalismStore = ReturnType<typeof createVandalismStore>;
