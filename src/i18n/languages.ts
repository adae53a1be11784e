import type { LanguagePack } from './types';

/** The languages the interface speaks. Names are in the language itself, as pickers show them. */
export const LANGUAGES = [
  { code: 'en', name: 'English' },
  { code: 'eo', name: 'Esperanto' },
  { code: 'es', name: 'Español' },
  { code: 'fr', name: 'Français' },
  { code: 'de', name: 'Deutsch' },
  // English mirrored right to left: proves the RTL layout until a right-to-left catalog exists.
  { code: 'en-XB', name: 'English (RTL test)' },
] as const;

export type LocaleCode = (typeof LANGUAGES)[number]['code'];

export const RTL: ReadonlySet<LocaleCode> = new Set<LocaleCode>(['en-XB']);
export const PSEUDO: ReadonlySet<LocaleCode> = new Set<LocaleCode>(['en-XB']);

export const isLocaleCode = (value: unknown): value is LocaleCode => LANGUAGES.some((language) => language.code === value);

/** The first of the browser's preferred languages the app speaks, by exact tag or primary subtag. */
export function pickLocale(preferred: readonly string[]): LocaleCode {
  for (const tag of preferred) {
    const exact = LANGUAGES.find((language) => language.code.toLowerCase() === tag.toLowerCase());
    if (exact) return exact.code;
    const primary = tag.split('-')[0]?.toLowerCase();
    const match = LANGUAGES.find((language) => language.code === primary);
    if (match) return match.code;
  }
  return 'en';
}

/** Each language is its own chunk (and each of its features), so English users download none of them. */
export const languagePacks: { readonly [K in Exclude<LocaleCode, 'en' | 'en-XB'>]: () => Promise<LanguagePack> } = {
  eo: () => import('./eo/index').then((m) => m.pack),
  es: () => import('./es/index').then((m) => m.pack),
  fr: () => import('./fr/index').then((m) => m.pack),
  de: () => import('./de/index').then((m) => m.pack),
};
