import { afterEach, describe, expect, it } from 'vitest';
import { formatBytes, formatDate, loadCatalog, locale, setLocale, t } from '../../src/i18n';
import { pickLocale } from '../../src/i18n/languages';
import { formatMessage, parseMessage, parseStrict } from '../../src/i18n/message-format';

const PEERS = '{count, plural, one {# peer connected} other {# peers connected}}';

describe('message format', () => {
  it('fills arguments and leaves unknown ones visible', () => {
    expect(formatMessage('Invite to {name}', { name: 'Dublin' }, { locale: 'en' })).toBe('Invite to Dublin');
    expect(formatMessage('Invite to {name}', {}, { locale: 'en' })).toBe('Invite to {name}');
  });

  it('picks plural forms with the locale’s rules and formats the number', () => {
    expect(formatMessage(PEERS, { count: 1 }, { locale: 'en' })).toBe('1 peer connected');
    expect(formatMessage(PEERS, { count: 0 }, { locale: 'en' })).toBe('0 peers connected');
    expect(formatMessage(PEERS, { count: 1234 }, { locale: 'en' })).toBe('1,234 peers connected');
    // French counts 0 as singular; German groups thousands with a dot.
    const fr = '{count, plural, one {# appareil connecté} other {# appareils connectés}}';
    expect(formatMessage(fr, { count: 0 }, { locale: 'fr' })).toBe('0 appareil connecté');
    expect(formatMessage(fr, { count: 2 }, { locale: 'fr' })).toBe('2 appareils connectés');
    expect(formatMessage('{count} Geräte', { count: 1234 }, { locale: 'de' })).toBe('1.234 Geräte');
  });

  it('prefers exact matches and keeps arguments inside branches', () => {
    const message = '{count, plural, =0 {Nobody yet} one {Signed by {closer}: # ballot} other {Signed by {closer}: # ballots}}';
    expect(formatMessage(message, { count: 0, closer: 'Ana' }, { locale: 'en' })).toBe('Nobody yet');
    expect(formatMessage(message, { count: 1, closer: 'Ana' }, { locale: 'en' })).toBe('Signed by Ana: 1 ballot');
    expect(formatMessage(message, { count: 3, closer: 'Ana' }, { locale: 'en' })).toBe('Signed by Ana: 3 ballots');
  });

  it('rejects malformed messages in strict mode and shows them as text otherwise', () => {
    expect(() => parseStrict('{count, plural, one {# x}')).toThrow();
    expect(() => parseStrict('{count, select, a {x}}')).toThrow();
    expect(() => parseStrict('stray } brace')).toThrow();
    expect(parseMessage('{count, plural, one {# x}')).toEqual(['{count, plural, one {# x}']);
  });

  it('mirrors only the catalog text in the pseudo-locale, never what members wrote', () => {
    const text = (s: string) => `<${s}>`;
    expect(formatMessage('Invite to {name}', { name: 'Dublin' }, { locale: 'en', text })).toBe('<Invite to >Dublin');
  });
});

describe('locale choice', () => {
  it('takes the first browser language the app speaks', () => {
    expect(pickLocale(['es-ES', 'en'])).toBe('es');
    expect(pickLocale(['pt-BR', 'de-AT', 'fr'])).toBe('de');
    expect(pickLocale(['EO'])).toBe('eo');
    expect(pickLocale(['ja', 'zh'])).toBe('en');
    expect(pickLocale([])).toBe('en');
  });
});

describe('switching languages', () => {
  afterEach(() => setLocale('en'));

  it('translates the shell and features already loaded, and falls back to English', async () => {
    await loadCatalog('meetings');
    expect(t('home.title')).toBe('Your chapters');
    await setLocale('eo');
    expect(locale()).toBe('eo');
    expect(t('home.title')).toBe('Viaj filioj');
    expect(t('meetings.title')).toBe('Kunvenoj');
    expect(t('sync.peers', { count: 3 })).toBe('3 aparatoj konektitaj');
    await loadCatalog('polls');
    expect(t('polls.title')).toBe('Voĉdonoj');
    await setLocale('de');
    expect(t('polls.title')).toBe('Abstimmungen');
    expect(formatBytes(1536)).toBe('1,5 KB');
    expect(formatDate('2026-03-01')).toBe('01.03.2026');
    await setLocale('en');
    expect(t('polls.title')).toBe('Polls');
    expect(formatDate('2026-03-01')).toBe('Mar 1, 2026');
  });

  it('mirrors English in the right-to-left test locale', async () => {
    await setLocale('en-XB');
    expect(t('home.title')).toBe('\u202eYour\u202c \u202echapters\u202c');
    expect(t('invite.title', { name: 'Dublin' })).toBe('\u202eInvite\u202c \u202eto\u202c Dublin');
  });
});

describe('quick successive switches', () => {
  afterEach(() => setLocale('en'));

  it('ends in the language chosen last, even when an earlier one downloads slower', async () => {
    // French is not loaded yet in this file; English needs no download and is chosen second.
    await Promise.all([setLocale('fr'), setLocale('en')]);
    expect(locale()).toBe('en');
    expect(t('home.title')).toBe('Your chapters');
  });
});
