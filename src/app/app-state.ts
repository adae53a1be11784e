import { type Accessor, createSignal } from 'solid-js';
import type { DocId } from '../domain/ids';
import type { CatalogEntry } from '../persistence/catalog';
import { createCatalog } from '../persistence/catalog';
import { createChapterSummaries } from '../persistence/chapter-summaries';
import { createLazyTransport } from '../sync/lazy-transport';
import type { Bundles } from './bundles';
import { createChapterActions } from './chapters';
import type { OpenDocument, SaveState } from './documents';
import { createFeatures } from './features';
import { loadIdentity } from './identity';
import { createInvites } from './invites';
import { createLanguage } from './language';
import { createLazyDocumentRegistry } from './lazy-documents';
import { createPairing } from './pairing';
import { createStorageInfo } from './storage-info';
import { createSyncActivity, probeRelay } from './sync-activity';
import type { SyncSettings } from './sync-settings';
import { loadSyncSettings, saveSyncSettings } from './sync-settings';

declare const __APP_VERSION__: string;

/** A screen that never says it painted still gets its documents read. */
const FIRST_PAINT_FALLBACK_MS = 1_500;

/** The composition root: the only place that wires persistence, sync and stores together. */
export async function createAppState() {
  const catalog = createCatalog();
  const language = createLanguage(catalog);
  const languageReady = language.start();
  const storageInfo = createStorageInfo(catalog);
  // Stored documents are read once the first screen has painted (what is known paints first).
  let markPainted: () => void = () => undefined;
  const painted = new Promise<void>((resolve) => {
    markPainted = resolve;
  });
  const [syncSettings, identity] = await Promise.all([loadSyncSettings(catalog), loadIdentity(catalog)]);
  const documents = createLazyDocumentRegistry(async () => {
    const runtime = await import('./document-runtime');
    return runtime.createDocumentRegistry({
      catalog,
      transport: createLazyTransport('webrtc', async () => (await import('../sync/webrtc-transport')).createWebrtcTransport(syncSettings)),
      openStorage: (docId, doc) => runtime.openDocumentStorageAfter(painted, docId, doc),
      now: () => new Date().toISOString(),
      onFirstWrite: () => void storageInfo.requestPersistence(),
    });
  });
  const features = createFeatures({ documents, catalog, identity });
  const chapters = createChapterActions({ catalog, documents, loadMembers: () => features.load('members'), summaries: createChapterSummaries(catalog.summaryTable) });
  const now = () => new Date().toISOString();
  const syncActivity = createSyncActivity({ catalog, documents, now });
  void syncActivity.load();
  const pairing = createPairing({ catalog, documents, activity: syncActivity });
  // Export and import run from the Sync page only, so their code loads on first use.
  let loadBundles: Promise<Bundles> | null = null;
  const bundlesStore = () =>
    (loadBundles ??= import('./bundles').then((m) => m.createBundles({ catalog, documents, activity: syncActivity, appVersion: __APP_VERSION__, now })));
  const bundles: Bundles = {
    exportBundle: async (...args) => (await bundlesStore()).exportBundle(...args),
    readImport: async (...args) => (await bundlesStore()).readImport(...args),
  };

  const [entries, setEntries] = createSignal<readonly CatalogEntry[]>(await catalog.list());
  if (entries().length > 0) {
    // Documents to open soon: their code starts loading now (a device without chapters loads it on first need).
    void documents.ready();
    // Keeps every branch and its ancestors syncing; a device without chapters starts it on first view.
    // Not before the first screen has painted: it opens and reads every branch document.
    void painted.then(() => features.load('federation'));
  }
  catalog.subscribe(setEntries);

  const [summary, setSummary] = createSignal<SyncSummary>(summarize(documents.all()));
  const openIds = () => new Set(documents.all().map((entry) => entry.docId));
  // Sync and save states change often; the set of open documents rarely, so it has its own signal.
  const [openDocIds, setOpenDocIds] = createSignal<ReadonlySet<DocId>>(openIds(), { equals: sameMembers });
  documents.onChange(() => {
    setSummary(summarize(documents.all()));
    setOpenDocIds(openIds());
  });

  const [online, setOnline] = createSignal(navigator.onLine);
  const applyOnline = (next: boolean) => {
    setOnline(next);
    documents.setOnline(next);
  };
  window.addEventListener('online', () => applyOnline(true));
  window.addEventListener('offline', () => applyOnline(false));
  applyOnline(navigator.onLine);
  void storageInfo.load();
  await languageReady;
  setTimeout(() => markPainted(), FIRST_PAINT_FALLBACK_MS);

  return {
    /** The first screen has painted: documents may now be read (a busy one blocks the page a while). */
    painted: () => requestAnimationFrame(() => setTimeout(markPainted, 0)),
    language,
    identity,
    // Limited links are recorded in the membership log, so the members store loads only then.
    invites: createInvites(identity, async (...args) => (await features.load('members')).recordInvite(...args)),
    features,
    entries: entries as Accessor<readonly CatalogEntry[]>,
    /** Documents open on this device now: a section may read one only while it is open. */
    openDocIds: openDocIds as Accessor<ReadonlySet<DocId>>,
    online,
    summary,
    chapters,
    storageInfo,
    syncActivity,
    pairing,
    bundles,
    /** Whether the relay from `npm start` answers (it is the default transport when present). */
    probeRelay: () => probeRelay(syncSettings.signaling[0] ?? ''),
    syncSettings: (): SyncSettings => syncSettings,
    /** Takes effect on the next start: open rooms keep the relay they joined. */
    saveSyncSettings: (settings: SyncSettings) => saveSyncSettings(catalog, settings),
  };
}

export type AppState = Awaited<ReturnType<typeof createAppState>>;

/** What the header shows for all open documents together. */
export interface SyncSummary {
  readonly openDocuments: number;
  readonly peers: number;
  readonly connecting: boolean;
  readonly save: SaveState;
}

function summarize(open: readonly OpenDocument[]): SyncSummary {
  let peers = 0;
  let connecting = false;
  let save: SaveState = 'saved';
  for (const entry of open) {
    const state = entry.connection.state();
    if (state.kind === 'connected') peers = Math.max(peers, state.peers);
    if (state.kind === 'connecting') connecting = true;
    const saveState = entry.saveState();
    if (saveState === 'failed' || (saveState === 'saving' && save === 'saved')) save = saveState;
  }
  return { openDocuments: open.length, peers, connecting, save };
}

function sameMembers<T>(a: ReadonlySet<T>, b: ReadonlySet<T>): boolean {
  return a.size === b.size && [...a].every((item) => b.has(item));
}
