import * as Y from 'yjs';
import type { Offer, OfferStatus, Person, Project } from '../domain/organizing/types';
import { OFFER_CATEGORIES, OFFER_DIRECTIONS, OFFER_STATUSES, PROJECT_KINDS } from '../domain/organizing/types';
import type { ValidOffer, ValidProject } from '../domain/organizing/validate';
import { LOCAL_EDIT } from './shared-text';

/**
 * Projects and their offers/requests. One Y.Map per record, keyed by a random id, with flat
 * keys, so keys unknown to this version survive. Participants are `participant:<id>` keys
 * (name as value) so concurrent joins all survive; a claim is one atomic value.
 */
const projectsMap = (doc: Y.Doc): Y.Map<Y.Map<unknown>> => doc.getMap('projects');
const offersMap = (doc: Y.Doc): Y.Map<Y.Map<unknown>> => doc.getMap('projectOffers');

const PARTICIPANT = 'participant:';

const str = (map: Y.Map<unknown>, key: string): string => {
  const value = map.get(key);
  return typeof value === 'string' ? value : '';
};

const oneOf = <T extends string>(value: string, allowed: readonly T[], fallback: T): T =>
  (allowed as readonly string[]).includes(value) ? (value as T) : fallback;

function person(value: unknown): Person | null {
  if (typeof value !== 'object' || value === null) return null;
  const { id, name } = value as { id?: unknown; name?: unknown };
  return typeof id === 'string' && id.length > 0 ? { id, name: typeof name === 'string' ? name : '' } : null;
}

const byName = (a: Person, b: Person): number => a.name.localeCompare(b.name) || a.id.localeCompare(b.id);

function readProjectRecord(id: string, map: Y.Map<unknown>): Project | undefined {
  const title = str(map, 'title');
  if (!title) return undefined;
  const participants: Person[] = [];
  for (const [key, value] of map.entries()) {
    if (key.startsWith(PARTICIPANT)) participants.push({ id: key.slice(PARTICIPANT.length), name: typeof value === 'string' ? value : '' });
  }
  return {
    id,
    title,
    description: str(map, 'description'),
    kind: oneOf(str(map, 'kind'), PROJECT_KINDS, 'other'),
    createdAt: str(map, 'createdAt'),
    createdBy: { id: str(map, 'createdById'), name: str(map, 'createdByName') },
    participants: participants.sort(byName),
  };
}

/** Newest first. */
export function readProjects(doc: Y.Doc): readonly Project[] {
  const out: Project[] = [];
  for (const [id, map] of projectsMap(doc).entries()) {
    if (!(map instanceof Y.Map)) continue;
    const project = readProjectRecord(id, map);
    if (project) out.push(project);
  }
  return out.sort((a, b) => b.createdAt.localeCompare(a.createdAt) || a.id.localeCompare(b.id));
}

export function readProject(doc: Y.Doc, id: string): Project | undefined {
  const map = projectsMap(doc).get(id);
  return map instanceof Y.Map ? readProjectRecord(id, map) : undefined;
}

/** The creator joins their own project. */
export function createProject(doc: Y.Doc, id: string, project: ValidProject, by: Person, at: string): void {
  doc.transact(() => {
    const map = new Y.Map<unknown>();
    projectsMap(doc).set(id, map);
    map.set('title', project.title);
    map.set('description', project.description);
    map.set('kind', project.kind);
    map.set('createdAt', at);
    map.set('createdById', by.id);
    map.set('createdByName', by.name);
    map.set(`${PARTICIPANT}${by.id}`, by.name);
  }, LOCAL_EDIT);
}

/** Writes only changed keys, so concurrent edits of different fields both survive. */
export function updateProject(doc: Y.Doc, id: string, project: ValidProject): boolean {
  const map = projectsMap(doc).get(id);
  if (!(map instanceof Y.Map)) return false;
  doc.transact(() => {
    for (const [key, value] of Object.entries(project)) if (map.get(key) !== value) map.set(key, value);
  }, LOCAL_EDIT);
  return true;
}

export function setParticipation(doc: Y.Doc, projectId: string, who: Person, joined: boolean): boolean {
  const map = projectsMap(doc).get(projectId);
  if (!(map instanceof Y.Map)) return false;
  doc.transact(() => {
    if (joined) map.set(`${PARTICIPANT}${who.id}`, who.name);
    else map.delete(`${PARTICIPANT}${who.id}`);
  }, LOCAL_EDIT);
  return true;
}

function readOfferRecord(id: string, map: Y.Map<unknown>): Offer | undefined {
  const title = str(map, 'title');
  const projectId = str(map, 'projectId');
  if (!title || !projectId) return undefined;
  const claimedBy = person(map.get('claim'));
  const status = oneOf(str(map, 'status'), OFFER_STATUSES, 'open');
  return {
    id,
    projectId,
    direction: oneOf(str(map, 'direction'), OFFER_DIRECTIONS, 'offer'),
    category: oneOf(str(map, 'category'), OFFER_CATEGORIES, 'other'),
    title,
    details: str(map, 'details'),
    availability: str(map, 'availability'),
    // A claim without a claimer (a half-applied foreign write) counts as open.
    status: status === 'claimed' && !claimedBy ? 'open' : status,
    author: { id: str(map, 'authorId'), name: str(map, 'authorName') },
    claimedBy: status === 'open' ? null : claimedBy,
    createdAt: str(map, 'createdAt'),
  };
}

/** Offers and requests of one project, oldest first. */
export function readOffers(doc: Y.Doc, projectId: string): readonly Offer[] {
  const out: Offer[] = [];
  for (const [id, map] of offersMap(doc).entries()) {
    if (!(map instanceof Y.Map) || map.get('projectId') !== projectId) continue;
    const offer = readOfferRecord(id, map);
    if (offer) out.push(offer);
  }
  return out.sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
}

export function readOffer(doc: Y.Doc, id: string): Offer | undefined {
  const map = offersMap(doc).get(id);
  return map instanceof Y.Map ? readOfferRecord(id, map) : undefined;
}

export function addOffer(doc: Y.Doc, id: string, projectId: string, offer: ValidOffer, by: Person, at: string): void {
  doc.transact(() => {
    const map = new Y.Map<unknown>();
    offersMap(doc).set(id, map);
    map.set('projectId', projectId);
    for (const [key, value] of Object.entries(offer)) map.set(key, value);
    map.set('status', 'open');
    map.set('authorId', by.id);
    map.set('authorName', by.name);
    map.set('createdAt', at);
  }, LOCAL_EDIT);
}

/** Status and claimer change together; the claimer is one atomic value ({id, name}). */
export function setOfferStatus(doc: Y.Doc, id: string, status: OfferStatus, claimer: Person | null): boolean {
  const map = offersMap(doc).get(id);
  if (!(map instanceof Y.Map)) return false;
  doc.transact(() => {
    map.set('status', status);
    if (status === 'open') map.delete('claim');
    else if (claimer) map.set('claim', { id: claimer.id, name: claimer.name });
  }, LOCAL_EDIT);
  return true;
}

export function observeProjects(doc: Y.Doc, listener: () => void): () => void {
  const projects = projectsMap(doc);
  const offers = offersMap(doc);
  const handler = () => listener();
  projects.observeDeep(handler);
  offers.observeDeep(handler);
  return () => {
    projects.unobserveDeep(handler);
    offers.unobserveDeep(handler);
  };
}
