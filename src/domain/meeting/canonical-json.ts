import { compareCodeUnits } from './compare';

export type JsonValue = null | boolean | number | string | readonly JsonValue[] | JsonObject;
export interface JsonObject {
  readonly [key: string]: JsonValue | undefined;
}

const isJsonArray = (value: JsonValue): value is readonly JsonValue[] => Array.isArray(value);

/**
 * Canonical JSON: object keys sorted by code units, no whitespace, arrays in order, undefined members
 * dropped (so "absent" and "undefined" serialize alike). Strings and numbers go through JSON.stringify,
 * whose output the ECMAScript spec fixes exactly (lone surrogates become \u escapes, so the result is
 * always well-formed and its UTF-8 bytes are the same everywhere). Non-finite numbers become null.
 */
export function canonicalJson(value: JsonValue): string {
  if (value === null) return 'null';
  if (typeof value === 'number') return Number.isFinite(value) ? JSON.stringify(value) : 'null';
  if (typeof value === 'string' || typeof value === 'boolean') return JSON.stringify(value);
  if (isJsonArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const parts: string[] = [];
  for (const key of Object.keys(value).sort(compareCodeUnits)) {
    const member = value[key];
    if (member !== undefined) parts.push(`${JSON.stringify(key)}:${canonicalJson(member)}`);
  }
  return `{${parts.join(',')}}`;
}
