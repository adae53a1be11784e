import type * as Y from 'yjs';
import type { DocId } from '../domain/ids';
import type { Catalog } from '../persistence/catalog';
import type { DocumentRegistry } from './documents';
import type { Identity } from './identity';

/** What every feature store (meetings, polls, projects…) is built from in the composition root. */
export interface FeatureDeps {
  readonly documents: DocumentRegistry;
  readonly catalog: Catalog;
  readonly identity: Identity;
}

/** The open branch document; sections render inside a chapter page, which has opened it. */
export function openDoc(deps: FeatureDeps, docId: DocId): Y.Doc {
  const opened = deps.documents.get(docId);
  if (!opened) throw new Error(`Document ${docId} is not open: open the chapter first`);
  return opened.doc;
}
