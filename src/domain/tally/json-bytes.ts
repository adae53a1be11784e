/**
 * JSON token steps over UTF-8 bytes for the tally CLI's scanner (ranked-scan.ts). Each takes the
 * position where a token starts and returns where it ends, or -1 when the bytes there are not the
 * token (the scanner then leaves the file to JSON.parse).
 */
export const QUOTE = 0x22;
export const BACKSLASH = 0x5c;

const isDigit = (c: number | undefined): boolean => c !== undefined && c >= 0x30 && c <= 0x39;

const isDelimiter = (c: number): boolean => c === 0x2c || c === 0x7d || c === 0x5d || c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;

/** Past spaces, tabs and line breaks. */
export function skipSpace(s: Uint8Array, p: number): number {
  let c = s[p];
  while (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) c = s[++p];
  return p;
}

/** The closing quote of a string (p: just after the opening one) without escapes or control characters. */
export function plainStringEnd(s: Uint8Array, p: number): number {
  for (;;) {
    const c = s[p];
    if (c === QUOTE) return p;
    if (c === BACKSLASH || c === undefined || c < 0x20) return -1;
    p++;
  }
}

/** The end of a number token in JSON's grammar: -?(0|[1-9]d*)(.d+)?([eE][+-]?d+)?. */
export function numberEnd(s: Uint8Array, p: number): number {
  if (s[p] === 0x2d) p++;
  const first = s[p];
  if (first === 0x30) p++;
  else if (first !== undefined && first >= 0x31 && first <= 0x39) while (isDigit(s[p])) p++;
  else return -1;
  if (s[p] === 0x2e) {
    p++;
    if (!isDigit(s[p])) return -1;
    while (isDigit(s[p])) p++;
  }
  const e = s[p];
  if (e === 0x65 || e === 0x45) {
    p++;
    const sign = s[p];
    if (sign === 0x2b || sign === 0x2d) p++;
    if (!isDigit(s[p])) return -1;
    while (isDigit(s[p])) p++;
  }
  return p;
}

/** The value of the number token s[start … end - 1], as JSON.parse decodes it. */
export function numberValue(s: Uint8Array, start: number, end: number): number {
  if (end - start <= 15) {
    // Up to 15 plain digits: exact in a double, no string needed.
    let value = 0;
    let k = start;
    while (k < end && isDigit(s[k])) value = value * 10 + (s[k++]! - 0x30);
    if (k === end) return value;
  }
  return Number(String.fromCharCode(...s.subarray(start, end)));
}

/**
 * The end of one JSON value of any kind, found by brackets and strings only: the value is then
 * checked by JSON.parse.
 */
export function valueEnd(s: Uint8Array, p: number): number {
  let depth = 0;
  do {
    const c = s[p];
    if (c === undefined) return -1;
    if (c === QUOTE) {
      p++;
      for (;;) {
        const d = s[p];
        if (d === undefined) return -1;
        if (d === QUOTE) break;
        p += d === BACKSLASH ? 2 : 1;
      }
      p++;
    } else if (c === 0x5b || c === 0x7b) {
      depth++;
      p++;
    } else if (c === 0x5d || c === 0x7d) {
      depth--;
      p++;
    } else if (depth > 0) p++;
    // A number or literal: up to the next delimiter.
    else while (p < s.length && !isDelimiter(s[p]!)) p++;
  } while (depth > 0);
  return p;
}

/** Whether s[start … end - 1] are exactly `key`'s bytes (ASCII keys). */
export function bytesAre(s: Uint8Array, start: number, end: number, key: Uint8Array): boolean {
  if (end - start !== key.length) return false;
  for (let k = 0; k < key.length; k++) if (s[start + k] !== key[k]) return false;
  return true;
}

export const asciiBytes = (text: string): Uint8Array => Uint8Array.from(text, (c) => c.charCodeAt(0));
