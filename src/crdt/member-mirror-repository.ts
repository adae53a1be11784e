import * as Y from 'yjs';
import { LOCAL_EDIT } from './shared-text';

/**
 * Member chapters' membership logs mirrored into a higher branch's document: chapter id → an
 * append-only Y.Array of the chapter's own signed membership entries, copied unchanged (never
 * re-signed) by devices that hold both documents. Readers validate each mirror themselves with
 * the membership rules, pinned to the chapter's founding entry named in the signed federation
 * records, so a forged or altered copy never counts.
 */
const mirrorsMap = (doc: Y.Doc): Y.Map<unknown> => doc.getMap('memberMirrors');

const signatureOf = (value: unknown): string | null => {
  const signature = typeof value === 'object' && value !== null ? (value as { signature?: unknown }).signature : undefined;
  return typeof signature === 'string' && signature.length > 0 ? signature : null;
};

/** Raw, unvalidated mirrored entries per chapter id. */
export function readMemberMirrors(doc: Y.Doc): ReadonlyMap<string, readonly unknown[]> {
  const out = new Map<string, readonly unknown[]>();
  for (const [chapterId, array] of mirrorsMap(doc).entries()) if (array instanceof Y.Array) out.set(chapterId, array.toArray());
  return out;
}

/**
 * Appends the entries the mirror of `chapterId` lacks (same signature = same entry); returns how
 * many were added. Concurrent first mirrors of one chapter may create two arrays: Y.Map keeps
 * one, and the entries of the other are mirrored again on the next pass.
 */
export function mirrorMembershipEntries(doc: Y.Doc, chapterId: string, entries: readonly unknown[]): number {
  const existing = mirrorsMap(doc).get(chapterId);
  const have = new Set(existing instanceof Y.Array ? existing.toArray().map(signatureOf) : []);
  const missing = entries.filter((entry) => {
    const signature = signatureOf(entry);
    if (signature === null || have.has(signature)) return false;
    have.add(signature);
    return true;
  });
  if (missing.length === 0) return 0;
  doc.transact(() => {
    let array = mirrorsMap(doc).get(chapterId);
    if (!(array instanceof Y.Array)) {
      array = new Y.Array<unknown>();
      mirrorsMap(doc).set(chapterId, array);
    }
    (array as Y.Array<unknown>).push([...missing]);
  }, LOCAL_EDIT);
  return missing.length;
}

export function observeMemberMirrors(doc: Y.Doc, listener: () => void): () => void {
  const map = mirrorsMap(doc);
  const handler = () => listener();
  map.observeDeep(handler);
  return () => map.unobserveDeep(handler);
}
