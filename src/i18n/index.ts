import { type CatalogName, eagerEn, featureCatalogs, type MessageKey, type Messages } from './en/index';

export type { CatalogName, MessageKey };

const catalog: Partial<Record<MessageKey, string>> = { ...eagerEn };
const loading = new Map<CatalogName, Promise<void>>();

/** Loads a feature's strings; features call it before their screens render. */
export function loadCatalog(name: CatalogName): Promise<void> {
  let promise = loading.get(name);
  if (!promise) {
    promise = featureCatalogs[name]().then((messages) => {
      Object.assign(catalog, messages);
    });
    loading.set(name, promise);
  }
  return promise;
}

/** Looks up a message and fills `{name}` placeholders (the key itself if its catalog is not loaded). */
export function t(key: MessageKey, params: Readonly<Record<string, string | number>> = {}): string {
  const message = catalog[key] ?? key;
  return message.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/** Every key of every catalog, for completeness tests. */
export type { Messages };

export const locale = (): string => 'en';

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
