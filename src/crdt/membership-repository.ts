import type * as Y from 'yjs';
import type { MembershipEntry } from '../domain/membership/types';
import { LOCAL_EDIT } from './shared-text';

/**
 * The membership log: an append-only Y.Array of signed entries. Anyone holding the room
 * secret can write here, so readers get raw values and validate signatures themselves.
 */
const logArray = (doc: Y.Doc): Y.Array<unknown> => doc.getArray('membershipLog');

export function appendMembershipEntry(doc: Y.Doc, entry: MembershipEntry): void {
  doc.transact(() => logArray(doc).push([entry]), LOCAL_EDIT);
}

/** Raw, unvalidated values exactly as they sit in the document. */
export function readMembershipLog(doc: Y.Doc): readonly unknown[] {
  return logArray(doc).toArray();
}

export function observeMembershipLog(doc: Y.Doc, listener: () => void): () => void {
  const array = logArray(doc);
  array.observe(listener);
  return () => array.unobserve(listener);
}
