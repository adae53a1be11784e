import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '../../src/i18n/languages';
import { argumentNames, type Part, parseStrict } from '../../src/i18n/message-format';

type Catalog = Readonly<Record<string, string>>;

// Every catalog file of every language (src/i18n/<lang>/<part>.ts), each exporting one object.
const modules = import.meta.glob<Record<string, Catalog>>('../../src/i18n/*/*.ts', { eager: true });
const catalogs = new Map<string, Map<string, Catalog>>();
for (const [path, module] of Object.entries(modules)) {
  const match = /i18n\/([^/]+)\/([^/]+)\.ts$/.exec(path);
  if (!match?.[1] || !match[2] || match[2] === 'index') continue;
  const [catalog] = Object.values(module);
  if (!catalog) continue;
  const parts = catalogs.get(match[1]) ?? new Map<string, Catalog>();
  parts.set(match[2], catalog);
  catalogs.set(match[1], parts);
}
const english = catalogs.get('en') ?? new Map<string, Catalog>();
const translations = LANGUAGES.map((language) => language.code).filter((code) => catalogs.has(code) && code !== 'en');

function pluralBlocks(parts: readonly Part[], into: Array<Readonly<Record<string, readonly Part[]>>> = []) {
  for (const part of parts) {
    if (typeof part === 'object' && 'plural' in part) {
      into.push(part.branches);
      for (const branch of Object.values(part.branches)) pluralBlocks(branch, into);
    }
  }
  return into;
}

describe('message catalogs', () => {
  it('has English catalogs and four translations at least', () => {
    expect(english.size).toBeGreaterThanOrEqual(6);
    expect(translations).toEqual(expect.arrayContaining(['eo', 'es', 'fr', 'de']));
  });

  for (const code of ['en', ...translations]) {
    describe(code, () => {
      const parts = catalogs.get(code) ?? new Map<string, Catalog>();

      it('has exactly the English catalog files and keys', () => {
        expect([...parts.keys()].sort()).toEqual([...english.keys()].sort());
        for (const [name, catalog] of english) {
          const keys = Object.keys(parts.get(name) ?? {});
          expect({ name, missing: Object.keys(catalog).filter((key) => !keys.includes(key)) }).toEqual({ name, missing: [] });
          expect({ name, extra: keys.filter((key) => !(key in catalog)) }).toEqual({ name, extra: [] });
        }
      });

      it('uses the same placeholders as English, in well-formed messages', () => {
        const mismatches: string[] = [];
        for (const [name, catalog] of parts) {
          for (const [key, message] of Object.entries(catalog)) {
            const source = english.get(name)?.[key];
            if (source === undefined) continue;
            const mine = [...argumentNames(parseStrict(message))].sort().join(',');
            const theirs = [...argumentNames(parseStrict(source))].sort().join(',');
            if (mine !== theirs) mismatches.push(`${key}: {${mine}} vs English {${theirs}}`);
          }
        }
        expect(mismatches).toEqual([]);
      });

      it('gives every plural the forms this language needs', () => {
        const rules = new Intl.PluralRules(code);
        const valid = new Set(rules.resolvedOptions().pluralCategories);
        // The categories whole numbers of everyday size fall into (millions may be "many": other covers them).
        const needed = new Set(Array.from({ length: 201 }, (_, n) => rules.select(n)));
        const problems: string[] = [];
        for (const catalog of parts.values()) {
          for (const [key, message] of Object.entries(catalog)) {
            for (const branches of pluralBlocks(parseStrict(message))) {
              const selectors = Object.keys(branches);
              const unknown = selectors.filter((s) => !s.startsWith('=') && !valid.has(s as Intl.LDMLPluralRule));
              const missing = [...needed, 'other'].filter((category) => !selectors.includes(category));
              if (unknown.length || missing.length) problems.push(`${key}: unknown ${unknown} missing ${missing}`);
            }
          }
        }
        expect(problems).toEqual([]);
      });
    });
  }
});

describe('English keys', () => {
  const sourceFiles = (dir: string): string[] =>
    readdirSync(dir).flatMap((name) => {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) return path.endsWith('i18n') ? [] : sourceFiles(path);
      return /\.(ts|tsx)$/.test(name) ? [path] : [];
    });
  const source = sourceFiles(join(__dirname, '../../src'))
    .map((path) => readFileSync(path, 'utf8'))
    .join('\n');
  // Keys built at run time, like t(`members.role.${role}`), use every key under their prefix.
  const dynamicPrefixes = [...source.matchAll(/`([a-zA-Z][\w.-]*\.)\$\{/g)].map((match) => match[1] ?? '');

  it('are each used somewhere in src/ (literally or under a dynamic prefix)', () => {
    const unused: string[] = [];
    for (const catalog of english.values()) {
      for (const key of Object.keys(catalog)) {
        const literal = source.includes(`'${key}'`) || source.includes(`"${key}"`) || source.includes(`\`${key}\``);
        if (!literal && !dynamicPrefixes.some((prefix) => key.startsWith(prefix))) unused.push(key);
      }
    }
    expect(unused).toEqual([]);
  });

  it('finds the dynamic prefixes the app uses (so the check above cannot pass vacuously)', () => {
    expect(dynamicPrefixes).toEqual(expect.arrayContaining(['members.role.', 'polls.method.', 'settings.persist.']));
  });
});
