import { createEffect, createRoot, createSignal } from 'solid-js';
import type * as Y from 'yjs';
import { readChapter } from '../crdt/chapter-repository';
import { observeEvents, readEvents } from '../crdt/event-repository';
import { observeSharedCopies, readSharedCopies, writeSharedCopies } from '../crdt/shared-event-repository';
import type { DocId } from '../domain/ids';
import { planMirror } from '../domain/organizing/shared-events';
import type { CatalogEntry } from '../persistence/catalog';
import type { FeatureDeps } from './feature-deps';
import type { BranchFederation } from './federation';

/** Ancestors deeper than this are not followed (local → regional → national → international). */
const MAX_DEPTH = 8;

/** Each branch's ancestors held on this device, nearest first, from the signed parent links. */
export function ancestorChains(ids: readonly DocId[], federationOf: (id: DocId) => BranchFederation | null): ReadonlyMap<DocId, readonly DocId[]> {
  const chains = new Map<DocId, readonly DocId[]>();
  for (const id of ids) {
    const chain: DocId[] = [];
    let parent = federationOf(id)?.parent;
    while (parent?.onDevice && parent.id !== id && !chain.includes(parent.id) && chain.length < MAX_DEPTH) {
      chain.push(parent.id);
      parent = federationOf(parent.id)?.parent;
    }
    if (chain.length > 0) chains.set(id, chain);
  }
  return chains;
}

/**
 * Keeps copies of every shared event of every chapter on this device in each of its ancestors on
 * this device, in step with the originals. Any device holding both sides does it; deterministic
 * keys make their writes agree. `refresh` takes the catalog's branches (and re-reads the links).
 */
export function createEventMirror(deps: FeatureDeps, federationOf: (id: DocId) => BranchFederation | null) {
  let entries: readonly CatalogEntry[] = [];
  /** Stop functions by `events:<id>` (a source's events) or `copies:<id>` (an ancestor's copies). */
  const observed = new Map<string, () => void>();
  let chains: ReadonlyMap<DocId, readonly DocId[]> = new Map();
  let queued = false;

  const docOf = (id: DocId): Y.Doc | undefined => {
    const open = deps.documents.get(id);
    if (open) return open.doc;
    const entry = entries.find((item) => item.id === id);
    return entry ? deps.documents.openDocument(entry.id, entry.secret).doc : undefined;
  };

  function mirrorAll(): void {
    queued = false;
    for (const [sourceId, ancestors] of chains) {
      const source = docOf(sourceId);
      if (!source) continue;
      const name = readChapter(source)?.name ?? entries.find((entry) => entry.id === sourceId)?.title ?? '';
      const events = readEvents(source);
      for (const ancestorId of ancestors) {
        const ancestor = docOf(ancestorId);
        if (ancestor) writeSharedCopies(ancestor, planMirror(sourceId, name, events, readSharedCopies(ancestor)));
      }
    }
  }

  // A sync delivers many updates at once: one pass after them.
  const schedule = () => {
    if (queued) return;
    queued = true;
    queueMicrotask(mirrorAll);
  };

  function observe(what: 'events' | 'copies', id: DocId): void {
    const key = `${what}:${id}`;
    const doc = observed.has(key) ? undefined : docOf(id);
    if (doc) observed.set(key, what === 'events' ? observeEvents(doc, schedule) : observeSharedCopies(doc, schedule));
  }

  function refresh(next: readonly CatalogEntry[]): void {
    entries = next;
    chains = ancestorChains(
      next.flatMap((entry) => (entry.kind === 'chapter' ? [entry.id] : [])),
      federationOf,
    );
    for (const [sourceId, ancestors] of chains) {
      observe('events', sourceId);
      // A copy overwritten by a device holding an older original is written again.
      for (const ancestorId of ancestors) observe('copies', ancestorId);
    }
    schedule();
  }

  function stop(): void {
    for (const off of observed.values()) off();
    observed.clear();
    chains = new Map();
  }

  return { refresh, stop };
}

/** Runs the mirror for the app's life: again whenever the catalog or a parent link changes. */
export function startEventMirror(deps: FeatureDeps, federationOf: (id: DocId) => BranchFederation | null): () => void {
  const mirror = createEventMirror(deps, federationOf);
  return createRoot((dispose) => {
    const [entries, setEntries] = createSignal<readonly CatalogEntry[]>([]);
    const unsubscribe = deps.catalog.subscribe(setEntries);
    void deps.catalog.list().then(setEntries);
    // Reads the parent links inside, so a newly accepted join starts mirroring at once.
    createEffect(() => mirror.refresh(entries()));
    return () => {
      unsubscribe();
      mirror.stop();
      dispose();
    };
  });
}
