import { startEventMirror } from './event-mirror';
import type { FeatureDeps } from './feature-deps';
import { createFederationStore as createStore, type FederationStore } from './federation';

/**
 * The federation store, plus the mirror that copies shared events along its parent links into
 * every ancestor on this device: both live as long as the app, and the mirror needs the links.
 */
export function createFederationStore(deps: FeatureDeps): FederationStore {
  const store = createStore(deps);
  startEventMirror(deps, store.branchFederation);
  return store;
}
