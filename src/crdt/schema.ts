import type * as Y from 'yjs';
import type { DocumentKind } from '../domain/document-kind';

/**
 * Every branch document carries its schema version in `meta`. Devices running an
 * older release see a higher number and offer an update instead of misreading data.
 */
export const SCHEMA_VERSION = 1;

export type { DocumentKind } from '../domain/document-kind';

export type SchemaCheck =
  | { readonly kind: 'current' }
  | { readonly kind: 'empty' }
  | { readonly kind: 'newer'; readonly version: number };

export const metaMap = (doc: Y.Doc): Y.Map<unknown> => doc.getMap('meta');

/** Migrations run in order from the stored version; each must be idempotent (peers may race). */
const MIGRATIONS: ReadonlyArray<{ readonly to: number; readonly run: (doc: Y.Doc) => void }> = [];

export function checkSchema(doc: Y.Doc): SchemaCheck {
  const version = metaMap(doc).get('schemaVersion');
  if (typeof version !== 'number') return { kind: 'empty' };
  return version > SCHEMA_VERSION ? { kind: 'newer', version } : { kind: 'current' };
}

export function initMeta(doc: Y.Doc, kind: DocumentKind, createdAt: string): void {
  doc.transact(() => {
    const meta = metaMap(doc);
    meta.set('schemaVersion', SCHEMA_VERSION);
    meta.set('kind', kind);
    meta.set('createdAt', createdAt);
  });
}

export function migrate(doc: Y.Doc): void {
  const meta = metaMap(doc);
  const stored = meta.get('schemaVersion');
  if (typeof stored !== 'number' || stored >= SCHEMA_VERSION) return;
  doc.transact(() => {
    for (const migration of MIGRATIONS) if (migration.to > stored) migration.run(doc);
    meta.set('schemaVersion', SCHEMA_VERSION);
  });
}
