import { type CatalogName, loadCatalog } from '../i18n';
import type { FeatureDeps } from './feature-deps';

/**
 * Feature stores whose code is loaded on first use, so the first screen never downloads
 * meetings, polls or organizing code. A page waits for `load(name)` (instant after the
 * first time, and local-only: no network is involved), then reads `get(name)`.
 */
export function createFeatures(deps: FeatureDeps) {
  // Each store loads with the strings its screens use.
  const withStrings = <T>(catalog: CatalogName, store: () => Promise<T>): Promise<T> =>
    Promise.all([store(), loadCatalog(catalog)]).then(([loaded]) => loaded);
  const loaders = {
    // Signature checks and the membership rules are needed only once a chapter's members are shown.
    members: () => withStrings('members', () => import('./members').then((m) => m.createMembersStore(deps))),
    meetings: () =>
      withStrings('meetings', async () => {
        const [m, members] = await Promise.all([import('./meetings'), load('members')]);
        return m.createMeetingsStore({ ...deps, members });
      }),
    polls: () =>
      withStrings('polls', async () => {
        const [m, members] = await Promise.all([import('./polls'), load('members')]);
        return m.createPollStore(deps, members);
      }),
    projects: () => withStrings('organizing', () => import('./projects').then((m) => m.createProjectStore(deps))),
    events: () => withStrings('organizing', () => import('./events').then((m) => m.createEventStore(deps))),
    news: () => withStrings('organizing', () => import('./news').then((m) => m.createNewsStore(deps))),
    dashboard: () => withStrings('organizing', () => import('./dashboard').then((m) => m.createDashboardStore(deps))),
    // Signed records a peer deleted or overwrote: watched per open chapter, restorable from this device.
    vandalism: () => import('./vandalism').then((m) => m.createVandalismStore(deps)),
    // Started once chapters exist: keeps every branch and ancestor document open and indexed, and shared events copied up.
    federation: () => withStrings('federation', () => import('./federation-with-events').then((m) => m.createFederationStore(deps))),
    directory: () => withStrings('federation', () => import('./directory').then((m) => m.createDirectoryStore(deps))),
  };
  type Stores = { [K in keyof typeof loaders]: Awaited<ReturnType<(typeof loaders)[K]>> };
  const loaded: Partial<Stores> = {};
  const pending = new Map<keyof Stores, Promise<unknown>>();

  function load<K extends keyof Stores>(name: K): Promise<Stores[K]> {
    let promise = pending.get(name) as Promise<Stores[K]> | undefined;
    if (!promise) {
      // Every store reads open documents, so the document code is loaded before any store is built.
      promise = deps.documents.ready().then(() => loaders[name]() as Promise<Stores[K]>).then((store) => {
        loaded[name] = store;
        return store;
      });
      pending.set(name, promise);
    }
    return promise;
  }

  function get<K extends keyof Stores>(name: K): Stores[K] {
    const store = loaded[name];
    if (!store) throw new Error(`The ${name} store is used before it was loaded`);
    return store as Stores[K];
  }

  return { load, get };
}

export type Features = ReturnType<typeof createFeatures>;
export type FeatureName = Parameters<Features['load']>[0];
