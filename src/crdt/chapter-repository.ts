import type * as Y from 'yjs';
import type { ChapterDetails } from '../domain/chapter';
import { isBranchLevel } from '../domain/chapter';
import { initMeta } from './schema';
import type { SharedText } from './shared-text';
import { LOCAL_EDIT, sharedText } from './shared-text';

/** Chapter details live as flat keys of one Y.Map, so keys unknown to this version survive edits. */
const chapterMap = (doc: Y.Doc): Y.Map<unknown> => doc.getMap('chapter');
const notesText = (doc: Y.Doc): Y.Text => doc.getText('chapterNotes');

const str = (map: Y.Map<unknown>, key: string): string => {
  const value = map.get(key);
  return typeof value === 'string' ? value : '';
};

/** Lists are stored as plain arrays; anything else (a peer's bad write) reads as empty. */
const strings = (map: Y.Map<unknown>, key: string): readonly string[] => {
  const value = map.get(key);
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
};

export function createChapterDocument(doc: Y.Doc, details: ChapterDetails, createdAt: string): void {
  doc.transact(() => {
    initMeta(doc, 'chapter', createdAt);
    writeChapter(doc, details);
  }, LOCAL_EDIT);
}

/** Undefined until the document holds a chapter (e.g. a joiner before the first sync). */
export function readChapter(doc: Y.Doc): ChapterDetails | undefined {
  const map = chapterMap(doc);
  if (!map.has('name')) return undefined;
  const level = map.get('level');
  return {
    name: str(map, 'name'),
    location: { city: str(map, 'city'), region: str(map, 'region'), country: str(map, 'country') },
    foundedOn: str(map, 'foundedOn'),
    description: str(map, 'description'),
    level: isBranchLevel(level) ? level : 'local',
    // Documents written before these fields existed simply lack the keys.
    ...(map.has('languages') ? { languages: strings(map, 'languages') } : {}),
    ...(map.has('links') ? { links: strings(map, 'links') } : {}),
  };
}

/** Writes only the keys that changed, so concurrent edits to different fields both survive. */
export function updateChapter(doc: Y.Doc, details: ChapterDetails): void {
  doc.transact(() => writeChapter(doc, details), LOCAL_EDIT);
}

function writeChapter(doc: Y.Doc, details: ChapterDetails): void {
  const map = chapterMap(doc);
  const flat: Record<string, string> = {
    name: details.name,
    city: details.location.city,
    region: details.location.region,
    country: details.location.country,
    foundedOn: details.foundedOn,
    description: details.description,
    level: details.level,
  };
  for (const [key, value] of Object.entries(flat)) if (map.get(key) !== value) map.set(key, value);
  const lists = { languages: details.languages, links: details.links };
  for (const [key, value] of Object.entries(lists)) {
    if (value !== undefined && JSON.stringify(map.get(key)) !== JSON.stringify(value)) map.set(key, [...value]);
  }
}

export function observeChapter(doc: Y.Doc, listener: () => void): () => void {
  const map = chapterMap(doc);
  map.observe(listener);
  return () => map.unobserve(listener);
}

export const chapterNotes = (doc: Y.Doc): SharedText => sharedText(notesText(doc));
