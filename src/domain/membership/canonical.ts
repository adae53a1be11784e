import type { MembershipEntry, UnsignedEntry } from './types';

/**
 * Canonical JSON: object keys sorted by UTF-16 code unit order, no whitespace, `undefined`
 * members omitted, strings escaped by JSON.stringify (which escapes lone surrogates, so two
 * different strings never share a canonical form). Only JSON values are accepted: anything else
 * (non-finite numbers, functions, bigint, cycles) is a programming error and throws.
 */
export function canonicalJson(value: unknown): string {
  return write(value, 0);
}

/** Deeper nesting than any entry has: treated as a cycle. */
const MAX_DEPTH = 32;

function write(value: unknown, depth: number): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return JSON.stringify(value);
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError('canonicalJson: non-finite number');
      return JSON.stringify(value);
    case 'object':
      return writeObject(value, depth + 1);
    default:
      throw new TypeError(`canonicalJson: unsupported ${typeof value}`);
  }
}

function writeObject(value: object, depth: number): string {
  if (depth > MAX_DEPTH) throw new TypeError('canonicalJson: too deep (cycle?)');
  if (Array.isArray(value)) {
    let out = '[';
    for (let i = 0; i < value.length; i += 1) out += (i > 0 ? ',' : '') + write(value[i] ?? null, depth);
    return `${out}]`;
  }
  const record = value as Readonly<Record<string, unknown>>;
  let out = '{';
  for (const key of Object.keys(record).sort()) {
    const item = record[key];
    if (item !== undefined) out += `${out.length > 1 ? ',' : ''}${JSON.stringify(key)}:${write(item, depth)}`;
  }
  return `${out}}`;
}

/**
 * The exact string an entry's signature covers and its id hashes (as UTF-8): every field except
 * `id` and `signature`. Deterministic for any well-formed entry, whatever its key order.
 */
export function canonicalEntry(entry: MembershipEntry | UnsignedEntry): string {
  const { id: _id, signature: _signature, ...unsigned } = entry as Partial<MembershipEntry>;
  return canonicalJson(unsigned);
}
