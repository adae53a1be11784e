import { createSignal } from 'solid-js';
import { type CatalogName, eagerEn, featureCatalogs, type MessageKey, type Messages } from './en/index';
import { isLocaleCode, LANGUAGES, type LocaleCode, languagePacks, PSEUDO, pickLocale, RTL } from './languages';
import { formatMessage, type Params } from './message-format';
import type { LanguagePack } from './types';

export type { CatalogName, LocaleCode, MessageKey };
export { isLocaleCode, LANGUAGES, pickLocale };

type Strings = Partial<Record<MessageKey, string>>;

// English is always loaded underneath, so a string a translation lacks still reads sensibly.
const english: Strings = { ...eagerEn };
const loadedEnglish = new Map<CatalogName, Promise<void>>();
let current: LocaleCode = 'en';
let translated: Strings = {};
const packs = new Map<LocaleCode, Promise<LanguagePack>>();
const translatedFeatures = new Map<string, Promise<Strings>>();
// Reading it in t() makes every rendered string follow a language switch, without a reload.
const [revision, setRevision] = createSignal(0);
let switches = 0;

/** Loads a feature's strings; features call it before their screens render. */
export async function loadCatalog(name: CatalogName): Promise<void> {
  let englishLoad = loadedEnglish.get(name);
  if (!englishLoad) {
    englishLoad = featureCatalogs[name]().then((messages) => {
      Object.assign(english, messages);
      // Anything rendered before its strings arrived shows them now instead of the key.
      setRevision((value) => value + 1);
    });
    loadedEnglish.set(name, englishLoad);
  }
  await englishLoad;
  // A switch may happen while this loads: translate for whichever language is current at the end.
  for (let code = current; ; code = current) {
    const strings = await featureStrings(code, name);
    if (code !== current) continue;
    if (Object.keys(strings).length > 0 && !Object.keys(strings).every((key) => key in translated)) {
      translated = { ...translated, ...strings };
      setRevision((value) => value + 1);
    }
    return;
  }
}

function pack(code: LocaleCode): Promise<LanguagePack> | null {
  if (code === 'en' || code === 'en-XB') return null;
  let promise = packs.get(code);
  if (!promise) {
    promise = languagePacks[code]();
    packs.set(code, promise);
  }
  return promise;
}

function featureStrings(code: LocaleCode, name: CatalogName): Promise<Strings> {
  const key = `${code}/${name}`;
  let promise = translatedFeatures.get(key);
  if (!promise) {
    // Widened to the common shape: each feature's strings are typed complete in its own file.
    const load = (loaded: LanguagePack): Promise<Strings> => (loaded.features[name] as () => Promise<Strings>)();
    // Offline before a language's chunk was ever cached: keep English for it, try again next time.
    promise = (pack(code)?.then(load) ?? Promise.resolve({})).catch((): Strings => {
      translatedFeatures.delete(key);
      return {};
    });
    translatedFeatures.set(key, promise);
  }
  return promise;
}

/**
 * Switches the interface language: loads its strings for the shell and every feature already
 * open, then re-renders. English needs no download, so the first paint never waits for it.
 */
export async function setLocale(code: LocaleCode): Promise<void> {
  const switchId = ++switches;
  const names = [...loadedEnglish.keys()];
  const [loaded, ...features] = await Promise.all([pack(code), ...names.map((name) => featureStrings(code, name))]);
  // Two quick switches: the last one chosen wins, whichever download finishes first.
  if (switchId !== switches) return;
  current = code;
  translated = Object.assign({}, loaded?.eager, ...features);
  if (typeof document !== 'undefined') {
    document.documentElement.lang = code;
    document.documentElement.dir = RTL.has(code) ? 'rtl' : 'ltr';
  }
  setRevision((value) => value + 1);
}

/** The language in use (reactive). */
export const locale = (): LocaleCode => {
  revision();
  return current;
};

// Right-to-left override marks around each word: English shown mirrored, the way RTL scripts flow.
const mirror = (text: string) => text.replace(/\S+/g, (word) => `\u202e${word}\u202c`);

/** Looks up a message and fills `{name}` and plural placeholders (the key itself if its catalog is not loaded). */
export function t(key: MessageKey, params: Params = {}): string {
  const code = locale();
  const message = translated[key] ?? english[key] ?? key;
  return formatMessage(message, params, { locale: code, text: PSEUDO.has(code) ? mirror : undefined });
}

/** Every key of every catalog, for completeness tests. */
export type { Messages };

export function formatDate(iso: string): string {
  const date = new Date(iso.length === 10 ? `${iso}T00:00:00Z` : iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(locale(), { dateStyle: 'medium', timeZone: iso.length === 10 ? 'UTC' : undefined }).format(date);
}

export function formatDateTime(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(locale(), { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}

export function formatBytes(bytes: number): string {
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${new Intl.NumberFormat(locale(), { maximumFractionDigits: 1 }).format(value)} ${units[unit]}`;
}
