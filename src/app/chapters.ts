import { type Accessor, createSignal, onCleanup } from 'solid-js';
import { chapterNotes, createChapterDocument, observeChapter, readChapter, updateChapter } from '../crdt/chapter-repository';
import { checkSchema, migrate } from '../crdt/schema';
import type { SharedText } from '../crdt/shared-text';
import type { ChapterDetails, ChapterError, ChapterInput } from '../domain/chapter';
import { validateChapter } from '../domain/chapter';
import type { DocId } from '../domain/ids';
import type { Invite } from '../domain/invite';
import type { Result } from '../domain/result';
import { err, ok } from '../domain/result';
import { type Catalog, type CatalogEntry, newCatalogEntry } from '../persistence/catalog';
import type { ChapterSummaries, ChapterSummary } from '../persistence/chapter-summaries';
import type { SyncState } from '../sync/transport';
import { fromCrdt } from './bridge';
import type { DocumentRegistry, SaveState } from './documents';
import type { MembersStore } from './members';
import { newDocId, newRoomSecret } from './random';

export type { ChapterSummary, SharedText };
export type CatalogEntryView = CatalogEntry;

export interface ChapterView {
  readonly docId: DocId;
  readonly entry: CatalogEntry;
  /** Undefined until the chapter's data arrived (a newcomer waiting for the first sync). */
  details: Accessor<ChapterDetails | undefined>;
  /** True once everything stored on this device has been read (seconds for a busy chapter). */
  loaded: Accessor<boolean>;
  /**
   * What this device last saw of the chapter, shown until the document is read; undefined once
   * the live document has details (the live document always wins). Never written back.
   */
  summary: Accessor<ChapterSummary | undefined>;
  /** True once the stored summary has been looked up (whether or not there was one). */
  summaryChecked: Accessor<boolean>;
  /** True when the document was written by a newer release of the app. */
  newerSchema: Accessor<boolean>;
  notes: SharedText;
  sync: Accessor<SyncState>;
  saveState: Accessor<SaveState>;
  save(input: ChapterInput): Result<ChapterDetails, readonly ChapterError[]>;
}

export const todayIso = (): string => new Date().toISOString().slice(0, 10);

export type CreateChapterError =
  | ChapterError
  | { readonly field: 'founderName'; readonly code: 'required' }
  | { readonly field: 'founderName'; readonly code: 'tooLong'; readonly max: number };

export function createChapterActions(deps: {
  readonly catalog: Catalog;
  readonly documents: DocumentRegistry;
  readonly loadMembers: () => Promise<MembersStore>;
  readonly summaries: ChapterSummaries;
}) {
  const { catalog, documents } = deps;

  /** Creates the chapter document and signs its founding entry with this device's key. */
  async function createChapter(input: ChapterInput, founderName: string): Promise<Result<DocId, readonly CreateChapterError[]>> {
    const checked = validateChapter(input, todayIso());
    const members = await deps.loadMembers();
    const name = members.checkName(founderName);
    const nameErrors: CreateChapterError[] = name.ok
      ? []
      : [name.error === 'nameRequired' ? { field: 'founderName', code: 'required' } : { field: 'founderName', code: 'tooLong', max: 120 }];
    if (!checked.ok) return err([...checked.error, ...nameErrors]);
    if (nameErrors.length > 0) return err(nameErrors);
    const docId = newDocId();
    const secret = newRoomSecret();
    const now = new Date().toISOString();
    await documents.ready();
    await catalog.put(newCatalogEntry({ id: docId, title: checked.value.name, secret }, now));
    const opened = documents.openDocument(docId, secret);
    createChapterDocument(opened.doc, checked.value, now);
    const founding = await members.foundChapter(docId, founderName);
    if (founding.ok) await catalog.touch(docId, { genesisId: founding.value });
    return ok(docId);
  }

  /** Joining only records the document on this device; its data arrives by sync. */
  async function joinChapter(invite: Invite): Promise<DocId> {
    const known = await catalog.get(invite.docId);
    if (!known) {
      await catalog.put(newCatalogEntry({ id: invite.docId, title: invite.title, secret: invite.secret, genesisId: invite.genesisId }, new Date().toISOString()));
    } else if (known.secret !== invite.secret) {
      // A newer invite for a known chapter replaces the secret this device uses.
      await catalog.put({ ...known, secret: invite.secret });
      await documents.close(invite.docId);
    }
    return invite.docId;
  }

  /** Call inside a reactive owner (a page); returns null for documents this device does not know. */
  async function loadChapter(docId: DocId): Promise<{ readonly entry: CatalogEntry } | null> {
    // viewChapter opens the document synchronously once this resolves.
    const [entry] = await Promise.all([catalog.get(docId), documents.ready()]);
    return entry ? { entry } : null;
  }

  function viewChapter(entry: CatalogEntry): ChapterView {
    const opened = documents.openDocument(entry.id, entry.secret);
    // "Last opened" is when a person opened it, not when background sync (ancestors, dashboard) did.
    void catalog.touch(entry.id, { lastOpenedAt: new Date().toISOString() });
    const { doc } = opened;
    migrate(doc);
    const details = fromCrdt(
      (onChange) => observeChapter(doc, onChange),
      () => ({ value: readChapter(doc) }),
    );
    const [loaded, setLoaded] = createSignal(false);
    const [stored, setStored] = createSignal<ChapterSummary>();
    const [summaryChecked, setSummaryChecked] = createSignal(false);
    void deps.summaries.read(entry.id).then((summary) => {
      setStored(summary);
      setSummaryChecked(true);
    });
    let stopSummary: (() => void) | null = null;
    let closed = false;
    void opened.storage.loaded.then(async () => {
      setLoaded(true);
      // The summary writer (and the meetings reader it needs) is not part of the first screen.
      const { keepChapterSummary } = await import('./chapter-summary');
      if (!closed) stopSummary = keepChapterSummary({ docId: entry.id, doc, summaries: deps.summaries, now: () => new Date().toISOString() });
    });
    const [newerSchema, setNewerSchema] = createSignal(checkSchema(doc).kind === 'newer');
    const onMeta = () => setNewerSchema(checkSchema(doc).kind === 'newer');
    doc.on('update', onMeta);
    const [sync, setSync] = createSignal<SyncState>(opened.connection.state());
    const [saveState, setSaveState] = createSignal<SaveState>(opened.saveState());
    const offSync = opened.connection.onState(setSync);
    const offSave = opened.onSaveState(setSaveState);
    // Keep the start screen's title in step with renames made on any device.
    const offTitle = observeChapter(doc, () => {
      const name = readChapter(doc)?.name;
      if (name && name !== entry.title) void catalog.touch(entry.id, { title: name });
    });
    onCleanup(() => {
      closed = true;
      stopSummary?.();
      doc.off('update', onMeta);
      offSync();
      offSave();
      offTitle();
    });
    return {
      docId: entry.id,
      entry,
      details: () => details().value,
      loaded,
      summary: () => (details().value ? undefined : stored()),
      summaryChecked,
      newerSchema,
      notes: chapterNotes(doc),
      sync,
      saveState,
      save(input) {
        const current = readChapter(doc);
        const checked = validateChapter(input, todayIso());
        if (!checked.ok) return checked;
        const next: ChapterDetails = { ...checked.value, level: current?.level ?? 'local' };
        updateChapter(doc, next);
        return ok(next);
      },
    };
  }

  return { createChapter, joinChapter, loadChapter, viewChapter };
}

export type ChapterActions = ReturnType<typeof createChapterActions>;
