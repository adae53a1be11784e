import type { CatalogName, eagerEn, featureCatalogs } from './en/index';

/** A translation of one English catalog: every key, nothing else (checked by the compiler). */
export type Translation<T> = { readonly [K in keyof T]: string };

type FeatureStrings<K extends CatalogName> = Awaited<ReturnType<(typeof featureCatalogs)[K]>>;

/** What a language chunk provides: the shell's strings now, each feature's strings on demand (all typed complete). */
export interface LanguagePack {
  readonly eager: Translation<typeof eagerEn>;
  readonly features: { readonly [K in CatalogName]: () => Promise<Translation<FeatureStrings<K>>> };
}
