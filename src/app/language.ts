import { isLocaleCode, LANGUAGES, type LocaleCode, locale, pickLocale, setLocale } from '../i18n';
import { type Catalog, languageSetting } from '../persistence/catalog';

/**
 * The interface language: the one chosen in Settings, else the browser's first supported one.
 * Switching re-renders in place (no reload), so forms keep what is being typed.
 */
export function createLanguage(catalog: Catalog) {
  return {
    languages: LANGUAGES,
    current: locale,
    /** Before the first render; English needs no download, other languages load from the cache. */
    async start(): Promise<void> {
      const stored = await languageSetting.read(catalog).catch(() => undefined);
      const code = isLocaleCode(stored) ? stored : pickLocale(typeof navigator === 'undefined' ? [] : navigator.languages);
      await setLocale(code).catch(() => setLocale('en'));
    },
    async choose(code: LocaleCode): Promise<void> {
      await setLocale(code);
      await languageSetting.write(catalog, code);
    },
  };
}

export type Language = ReturnType<typeof createLanguage>;
