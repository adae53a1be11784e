import * as Y from 'yjs';
import type { SignedBallot, SignedCloseRecord, SignedPoll } from '../domain/polls/types';
import { LOCAL_EDIT } from './shared-text';

/**
 * Polls: `polls` is a Y.Map from poll id to one Y.Map per poll holding
 *   definition: the signed poll definition (immutable; its id is its hash),
 *   ballots:    Y.Array of signed ballots (append-only),
 *   closes:     Y.Array of signed close records (append-only).
 * The creator makes the per-poll map and both arrays in one transaction, so two devices never race
 * to create the same nested type. Anyone with the room secret can write: readers get raw values
 * and check signatures and membership themselves (domain/polls/count.ts).
 */
const pollsMap = (doc: Y.Doc): Y.Map<unknown> => doc.getMap('polls');

export interface RawPoll {
  readonly definition: unknown;
  readonly ballots: readonly unknown[];
  readonly closes: readonly unknown[];
}

export function createPoll(doc: Y.Doc, poll: SignedPoll): void {
  doc.transact(() => {
    if (pollsMap(doc).has(poll.id)) return;
    const entry = new Y.Map<unknown>();
    pollsMap(doc).set(poll.id, entry);
    entry.set('definition', poll);
    entry.set('ballots', new Y.Array<unknown>());
    entry.set('closes', new Y.Array<unknown>());
  }, LOCAL_EDIT);
}

const arrayOf = (doc: Y.Doc, pollId: string, key: 'ballots' | 'closes'): Y.Array<unknown> | null => {
  const entry = pollsMap(doc).get(pollId);
  const array = entry instanceof Y.Map ? entry.get(key) : undefined;
  return array instanceof Y.Array ? array : null;
};

/** False when the poll is not in this document. */
export function appendBallot(doc: Y.Doc, ballot: SignedBallot): boolean {
  const array = arrayOf(doc, ballot.pollId, 'ballots');
  if (!array) return false;
  doc.transact(() => array.push([ballot]), LOCAL_EDIT);
  return true;
}

export function appendCloseRecord(doc: Y.Doc, record: SignedCloseRecord): boolean {
  const array = arrayOf(doc, record.pollId, 'closes');
  if (!array) return false;
  doc.transact(() => array.push([record]), LOCAL_EDIT);
  return true;
}

/** Raw values exactly as stored, by poll id. */
export function readPolls(doc: Y.Doc): ReadonlyMap<string, RawPoll> {
  const out = new Map<string, RawPoll>();
  for (const [id, entry] of pollsMap(doc).entries()) {
    if (!(entry instanceof Y.Map)) continue;
    const ballots = entry.get('ballots');
    const closes = entry.get('closes');
    out.set(id, {
      definition: entry.get('definition'),
      ballots: ballots instanceof Y.Array ? ballots.toArray() : [],
      closes: closes instanceof Y.Array ? closes.toArray() : [],
    });
  }
  return out;
}

export function observePolls(doc: Y.Doc, listener: () => void): () => void {
  const map = pollsMap(doc);
  const handler = () => listener();
  map.observeDeep(handler);
  return () => map.unobserveDeep(handler);
}
