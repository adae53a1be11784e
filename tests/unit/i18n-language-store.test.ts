import { afterEach, describe, expect, it, vi } from 'vitest';
import { createLanguage } from '../../src/app/language';
import { setLocale, t } from '../../src/i18n';
import { createCatalog, languageSetting, openCatalog } from '../../src/persistence/catalog';

let counter = 0;
const freshCatalog = () => createCatalog(openCatalog(`language-test-${Date.now()}-${counter++}`));

describe('interface language store', () => {
  afterEach(async () => {
    vi.unstubAllGlobals();
    await setLocale('en');
  });

  it('follows the browser on first run without storing anything', async () => {
    vi.stubGlobal('navigator', { languages: ['fr-CA', 'en'] });
    const catalog = freshCatalog();
    const language = createLanguage(catalog);
    await language.start();
    expect(language.current()).toBe('fr');
    expect(t('home.title')).toBe('Vos sections');
    expect(await languageSetting.read(catalog)).toBeUndefined();
    catalog.close();
  });

  it('keeps the choice made in Settings over the browser language, across restarts', async () => {
    vi.stubGlobal('navigator', { languages: ['de-DE'] });
    const db = `language-choice-${Date.now()}`;
    const first = createCatalog(openCatalog(db));
    await createLanguage(first).start();
    expect(t('home.title')).toBe('Deine Gruppen');
    await createLanguage(first).choose('eo');
    expect(t('home.title')).toBe('Viaj filioj');
    first.close();

    await setLocale('en');
    const second = createCatalog(openCatalog(db));
    const restarted = createLanguage(second);
    await restarted.start();
    expect(restarted.current()).toBe('eo');
    expect(t('nav.settings')).toBe('Agordoj');
    second.close();
  });

  it('ignores a stored value that is not a language it speaks', async () => {
    vi.stubGlobal('navigator', { languages: ['es'] });
    const catalog = freshCatalog();
    await languageSetting.write(catalog, 'xx-unknown');
    const language = createLanguage(catalog);
    await language.start();
    expect(language.current()).toBe('es');
    catalog.close();
  });
});
