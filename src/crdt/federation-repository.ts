import type * as Y from 'yjs';
import type { SkillCard } from '../domain/federation/skill-card';
import type { FederationEntry } from '../domain/federation/types';
import { LOCAL_EDIT } from './shared-text';

/**
 * The federation log of a branch: an append-only Y.Array of signed entries (join requests and
 * acceptances in a higher branch, the parent link in the joining one). Readers get raw values and
 * validate signatures themselves, as with the membership log.
 */
const logArray = (doc: Y.Doc): Y.Array<unknown> => doc.getArray('federationLog');

export function appendFederationEntry(doc: Y.Doc, entry: FederationEntry): void {
  doc.transact(() => logArray(doc).push([entry]), LOCAL_EDIT);
}

/** Raw, unvalidated values exactly as they sit in the document. */
export function readFederationLog(doc: Y.Doc): readonly unknown[] {
  return logArray(doc).toArray();
}

export function observeFederationLog(doc: Y.Doc, listener: () => void): () => void {
  const array = logArray(doc);
  array.observe(listener);
  return () => array.unobserve(listener);
}

/** Members' opt-in skill cards (signed); append-only, the latest valid card per device counts. */
const cardArray = (doc: Y.Doc): Y.Array<unknown> => doc.getArray('skillCards');

export function appendSkillCard(doc: Y.Doc, card: SkillCard): void {
  doc.transact(() => cardArray(doc).push([card]), LOCAL_EDIT);
}

export function readSkillCards(doc: Y.Doc): readonly unknown[] {
  return cardArray(doc).toArray();
}

export function observeSkillCards(doc: Y.Doc, listener: () => void): () => void {
  const array = cardArray(doc);
  array.observe(listener);
  return () => array.unobserve(listener);
}
