/**
 * A small subset of ICU MessageFormat: `{name}` arguments and plural choices
 * `{count, plural, =0 {none} one {# item} other {# items}}` (`#` is the formatted number).
 * Each language lists the plural categories it needs (Intl.PluralRules picks one).
 */
export type Part =
  | string
  | { readonly arg: string }
  | { readonly pound: true }
  | { readonly plural: string; readonly branches: Readonly<Record<string, readonly Part[]>> };

export type Params = Readonly<Record<string, string | number>>;

export interface FormatContext {
  readonly locale: string;
  /** Applied to the catalog's own text only, never to arguments (pseudo-locales use it). */
  readonly text?: (text: string) => string;
}

const parsed = new Map<string, readonly Part[]>();

/** Parses a catalog message; a malformed one is shown as plain text (the catalog tests catch it). */
export function parseMessage(message: string): readonly Part[] {
  let parts = parsed.get(message);
  if (!parts) {
    try {
      parts = parseStrict(message);
    } catch {
      parts = [message];
    }
    parsed.set(message, parts);
  }
  return parts;
}

/** Parses a message or throws on malformed syntax (for catalog checks). */
export function parseStrict(message: string): readonly Part[] {
  const [result, end] = parseParts(message, 0, false);
  if (end !== message.length) throw new Error(`unexpected "}" at ${end}`);
  return result;
}

function parseParts(src: string, start: number, nested: boolean): [Part[], number] {
  const parts: Part[] = [];
  let text = '';
  let pos = start;
  const flush = () => {
    if (text) parts.push(text);
    text = '';
  };
  while (pos < src.length) {
    const ch = src[pos];
    if (ch === '}') break;
    if (ch === '#' && nested) {
      flush();
      parts.push({ pound: true });
      pos++;
    } else if (ch === '{') {
      flush();
      const [part, end] = parseArgument(src, pos + 1);
      parts.push(part);
      pos = end;
    } else {
      text += ch;
      pos++;
    }
  }
  flush();
  return [parts, pos];
}

function parseArgument(src: string, start: number): [Part, number] {
  const close = src.indexOf('}', start);
  const comma = src.indexOf(',', start);
  if (close < 0) throw new Error('unclosed argument');
  if (comma < 0 || close < comma) return [{ arg: src.slice(start, close).trim() }, close + 1];
  const name = src.slice(start, comma).trim();
  const kind = /^\s*plural\s*,/.exec(src.slice(comma + 1));
  if (!kind) throw new Error('unknown argument type');
  let pos = comma + 1 + kind[0].length;
  const branches: Record<string, readonly Part[]> = {};
  for (;;) {
    while (/\s/.test(src[pos] ?? '')) pos++;
    if (src[pos] === '}') return [{ plural: name, branches }, pos + 1];
    const selector = /^(=\d+|\w+)\s*\{/.exec(src.slice(pos));
    if (!selector?.[1]) throw new Error('bad plural branch');
    const [branch, end] = parseParts(src, pos + selector[0].length, true);
    if (src[end] !== '}') throw new Error('unclosed plural branch');
    branches[selector[1]] = branch;
    pos = end + 1;
  }
}

const numberFormats = new Map<string, Intl.NumberFormat>();
const pluralRules = new Map<string, Intl.PluralRules>();

function cached<T>(cache: Map<string, T>, locale: string, make: (locale: string) => T): T {
  const hit = cache.get(locale);
  if (hit) return hit;
  const made = make(locale);
  cache.set(locale, made);
  return made;
}

export function formatNumber(value: number, locale: string): string {
  return cached(numberFormats, locale, (code) => new Intl.NumberFormat(code)).format(value);
}

function pluralCategory(value: number, locale: string): string {
  return cached(pluralRules, locale, (code) => new Intl.PluralRules(code)).select(value);
}

/** Fills a message; numbers are formatted for the locale, plural branches chosen by its rules. */
export function formatMessage(message: string, params: Params, context: FormatContext): string {
  return formatParts(parseMessage(message), params, context, undefined);
}

function formatParts(parts: readonly Part[], params: Params, context: FormatContext, pound: number | undefined): string {
  let out = '';
  for (const part of parts) {
    if (typeof part === 'string') out += context.text ? context.text(part) : part;
    else if ('pound' in part) out += pound === undefined ? '#' : formatNumber(pound, context.locale);
    else if ('arg' in part) {
      const value = params[part.arg];
      out += value === undefined ? `{${part.arg}}` : typeof value === 'number' ? formatNumber(value, context.locale) : value;
    } else {
      const value = Number(params[part.plural]);
      const branch = part.branches[`=${value}`] ?? part.branches[pluralCategory(value, context.locale)] ?? part.branches.other ?? [];
      out += formatParts(branch, params, context, value);
    }
  }
  return out;
}

/** The argument names a message uses (plural selectors included), for catalog checks. */
export function argumentNames(parts: readonly Part[], into: Set<string> = new Set()): Set<string> {
  for (const part of parts) {
    if (typeof part === 'string' || 'pound' in part) continue;
    if ('arg' in part) into.add(part.arg);
    else {
      into.add(part.plural);
      for (const branch of Object.values(part.branches)) argumentNames(branch, into);
    }
  }
  return into;
}
