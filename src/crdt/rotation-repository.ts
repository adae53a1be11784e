import * as Y from 'yjs';
import type { ParticipantChange, Rotation, RotationPeriod, Swap } from '../domain/rotation/model';
import { LOCAL_EDIT } from './shared-text';

/**
 * Fair rotations ("Magnifying Glass"). One Y.Map per rotation with flat keys; the cycle-0
 * participants, the join/leave log and the swap log are Y.Arrays, so entries appended on
 * two devices at once both survive (swaps of one cycle apply in the merged log order).
 */
const rotationsMap = (doc: Y.Doc): Y.Map<Y.Map<unknown>> => doc.getMap('rotations');

export interface StoredRotation {
  readonly rotation: Rotation;
  readonly projectId: string;
  readonly title: string;
  /** The value agreed at the meeting; seed = rotationSeed(id, agreedValue). */
  readonly agreedValue: string;
  readonly createdAt: string;
}

const str = (map: Y.Map<unknown>, key: string): string => {
  const value = map.get(key);
  return typeof value === 'string' ? value : '';
};

const arrayOf = (map: Y.Map<unknown>, key: string): readonly unknown[] => {
  const value = map.get(key);
  return value instanceof Y.Array ? value.toArray() : [];
};

function isChange(value: unknown): value is ParticipantChange {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (v.kind === 'join' || v.kind === 'leave') && typeof v.memberId === 'string' && typeof v.recordedAt === 'string';
}

function isSwap(value: unknown): value is Swap {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.cycle === 'number' && typeof v.a === 'string' && typeof v.b === 'string';
}

function readRecord(id: string, map: Y.Map<unknown>): StoredRotation | undefined {
  const period = str(map, 'period');
  if (period !== 'weekly' && period !== 'monthly') return undefined;
  const participants = [...new Set(arrayOf(map, 'participants').filter((v): v is string => typeof v === 'string' && v.length > 0))];
  return {
    projectId: str(map, 'projectId'),
    title: str(map, 'title'),
    agreedValue: str(map, 'agreedValue'),
    createdAt: str(map, 'createdAt'),
    rotation: {
      id,
      period: period as RotationPeriod,
      start: str(map, 'start'),
      seed: str(map, 'seed'),
      participants,
      changes: arrayOf(map, 'changes').filter(isChange),
      swaps: arrayOf(map, 'swaps').filter(isSwap),
    },
  };
}

export function readRotations(doc: Y.Doc, projectId: string): readonly StoredRotation[] {
  const out: StoredRotation[] = [];
  for (const [id, map] of rotationsMap(doc).entries()) {
    if (!(map instanceof Y.Map) || map.get('projectId') !== projectId) continue;
    const stored = readRecord(id, map);
    if (stored) out.push(stored);
  }
  return out.sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.rotation.id.localeCompare(b.rotation.id));
}

export function readRotation(doc: Y.Doc, id: string): StoredRotation | undefined {
  const map = rotationsMap(doc).get(id);
  return map instanceof Y.Map ? readRecord(id, map) : undefined;
}

export interface NewRotation {
  readonly projectId: string;
  readonly title: string;
  readonly agreedValue: string;
  readonly createdAt: string;
  readonly rotation: Rotation;
}

export function createRotation(doc: Y.Doc, input: NewRotation): void {
  const { rotation } = input;
  doc.transact(() => {
    const map = new Y.Map<unknown>();
    rotationsMap(doc).set(rotation.id, map);
    map.set('projectId', input.projectId);
    map.set('title', input.title);
    map.set('agreedValue', input.agreedValue);
    map.set('createdAt', input.createdAt);
    map.set('period', rotation.period);
    map.set('start', rotation.start);
    map.set('seed', rotation.seed);
    map.set('participants', Y.Array.from([...rotation.participants]));
    map.set('changes', Y.Array.from(rotation.changes.map((c) => ({ ...c }))));
    map.set('swaps', Y.Array.from(rotation.swaps.map((s) => ({ ...s }))));
  }, LOCAL_EDIT);
}

function appendTo(doc: Y.Doc, id: string, key: 'changes' | 'swaps', value: object): boolean {
  const map = rotationsMap(doc).get(id);
  if (!(map instanceof Y.Map)) return false;
  doc.transact(() => {
    let array = map.get(key);
    if (!(array instanceof Y.Array)) {
      array = new Y.Array<unknown>();
      map.set(key, array);
    }
    (array as Y.Array<unknown>).push([value]);
  }, LOCAL_EDIT);
  return true;
}

export const appendSwap = (doc: Y.Doc, id: string, swap: Swap): boolean => appendTo(doc, id, 'swaps', { cycle: swap.cycle, a: swap.a, b: swap.b });

export const appendChange = (doc: Y.Doc, id: string, change: ParticipantChange): boolean =>
  appendTo(doc, id, 'changes', { kind: change.kind, memberId: change.memberId, recordedAt: change.recordedAt });

export function observeRotations(doc: Y.Doc, listener: () => void): () => void {
  const rotations = rotationsMap(doc);
  const handler = () => listener();
  rotations.observeDeep(handler);
  return () => rotations.unobserveDeep(handler);
}
