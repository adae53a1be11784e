import * as Y from 'yjs';
import { LOCAL_EDIT } from './shared-text';

/**
 * Member chapters' membership logs mirrored into a higher branch's document: chapter id → an
 * append-only Y.Array of the chapter's own signed membership entries, copied unchanged (never
 * re-signed) by devices that hold both documents. Readers validate each mirror themselves with
 * the membership rules, pinned to the chapter's founding entry named in the signed federation
 * records, so a forged or altered copy never counts.
 */
const mirrorsMap = (doc: Y.Doc, name = 'memberMirrors'): Y.Map<unknown> => doc.getMap(name);

/**
 * Member branches' own federation logs (branch id → its signed join requests and acceptances),
 * mirrored the same way: with them a higher branch can tell which chapters its member branches
 * accepted, and so reach chapters several levels down (polls put to them need their members).
 */
const FEDERATION_MIRRORS = 'federationMirrors';

const signatureOf = (value: unknown): string | null => {
  const signature = typeof value === 'object' && value !== null ? (value as { signature?: unknown }).signature : undefined;
  return typeof signature === 'string' && signature.length > 0 ? signature : null;
};

/** Raw, unvalidated mirrored entries per chapter id. */
export function readMemberMirrors(doc: Y.Doc, name = 'memberMirrors'): ReadonlyMap<string, readonly unknown[]> {
  const out = new Map<string, readonly unknown[]>();
  for (const [chapterId, array] of mirrorsMap(doc, name).entries()) if (array instanceof Y.Array) out.set(chapterId, array.toArray());
  return out;
}

/** Raw, unvalidated mirrored federation entries per member branch id. */
export const readFederationMirrors = (doc: Y.Doc): ReadonlyMap<string, readonly unknown[]> => readMemberMirrors(doc, FEDERATION_MIRRORS);

/** Appends the federation entries the mirror of `branchId` lacks; returns how many were added. */
export const mirrorFederationEntries = (doc: Y.Doc, branchId: string, entries: readonly unknown[]): number =>
  mirrorMembershipEntries(doc, branchId, entries, FEDERATION_MIRRORS);

/**
 * Appends the entries the mirror of `chapterId` lacks (same signature = same entry); returns how
 * many were added. Concurrent first mirrors of one chapter may create two arrays: Y.Map keeps
 * one, and the entries of the other are mirrored again on the next pass.
 */
export function mirrorMembershipEntries(doc: Y.Doc, chapterId: string, entries: readonly unknown[], name = 'memberMirrors'): number {
  const existing = mirrorsMap(doc, name).get(chapterId);
  const have = new Set(existing instanceof Y.Array ? existing.toArray().map(signatureOf) : []);
  const missing = entries.filter((entry) => {
    const signature = signatureOf(entry);
    if (signature === null || have.has(signature)) return false;
    have.add(signature);
    return true;
  });
  if (missing.length === 0) return 0;
  doc.transact(() => {
    let array = mirrorsMap(doc, name).get(chapterId);
    if (!(array instanceof Y.Array)) {
      array = new Y.Array<unknown>();
      mirrorsMap(doc, name).set(chapterId, array);
    }
    (array as Y.Array<unknown>).push([...missing]);
  }, LOCAL_EDIT);
  return missing.length;
}

/** Either mirror changed (membership logs or member branches' federation logs). */
export function observeMemberMirrors(doc: Y.Doc, listener: () => void): () => void {
  const maps = [mirrorsMap(doc), mirrorsMap(doc, FEDERATION_MIRRORS)];
  const handler = () => listener();
  for (const map of maps) map.observeDeep(handler);
  return () => {
    for (const map of maps) map.unobserveDeep(handler);
  };
}
