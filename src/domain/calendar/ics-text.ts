import { codePointUtf8Length } from './utf8';

/** RFC 5545 §3.1: content lines end with CRLF. */
export const CRLF = '\r\n';

/** RFC 5545 §3.1: lines SHOULD NOT be longer than 75 octets, excluding the line break. */
export const MAX_LINE_OCTETS = 75;

/**
 * Escapes a TEXT value (RFC 5545 §3.3.11):
 * `\` → `\\`, `;` → `\;`, `,` → `\,`, and every line break (CRLF, CR or LF, each
 * counted once) → `\n`. Other control characters (U+0000–U+001F except TAB, and
 * U+007F) are not allowed in TEXT and are dropped; so are the C1 controls U+0080–U+009F,
 * which RFC 5545 tolerates but calendar apps render as garbage. Colons need no escaping.
 */
export function escapeText(value: string): string {
  let out = '';
  for (let i = 0; i < value.length; i++) {
    const ch = value[i]!;
    if (ch === '\r') {
      if (value[i + 1] === '\n') i++;
      out += '\\n';
    } else if (ch === '\n') out += '\\n';
    else if (ch === '\\') out += '\\\\';
    else if (ch === ';') out += '\\;';
    else if (ch === ',') out += '\\,';
    else if (ch === '\t' || (ch > '\u001f' && (ch < '\u007f' || ch > '\u009f'))) out += ch;
  }
  return out;
}

/**
 * Folds one content line (RFC 5545 §3.1): after at most 75 octets of UTF-8 a CRLF and
 * a single space are inserted; the space counts towards the next line's 75 octets, so
 * continuation lines carry at most 74 octets of content. Breaks fall only between code
 * points, so a multi-byte character (or a surrogate pair) is never split. Unfolding
 * (removing every CRLF followed by one space) gives back the original line.
 */
export function foldLine(line: string): string {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  let limit = MAX_LINE_OCTETS;
  for (const char of line) {
    const size = codePointUtf8Length(char.codePointAt(0) ?? 0);
    if (octets + size > limit) {
      parts.push(current);
      current = '';
      octets = 0;
      limit = MAX_LINE_OCTETS - 1;
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join(`${CRLF} `);
}

/** `NAME;PARAMS:value`, folded; `value` must already be escaped if it is TEXT. */
export function contentLine(name: string, value: string, params = ''): string {
  return foldLine(`${name}${params}:${value}`);
}

/** A TEXT property: the value is escaped, then the line is folded. */
export const textLine = (name: string, value: string): string => contentLine(name, escapeText(value));
