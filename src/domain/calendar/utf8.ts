/**
 * UTF-8 without platform APIs (no TextEncoder in the pure domain).
 *
 * Strings are walked by code point. A lone surrogate (invalid UTF-16) is encoded as
 * U+FFFD (EF BF BD), exactly as TextEncoder and Node's Buffer do, so byte counts and
 * hashes agree with every standard encoder.
 */

const REPLACEMENT = 0xfffd;

/** The code point as it will be encoded: lone surrogates become U+FFFD. */
function encodable(codePoint: number): number {
  return codePoint >= 0xd800 && codePoint <= 0xdfff ? REPLACEMENT : codePoint;
}

/** Octets needed for one code point: 1 (U+0000–U+007F), 2 (–U+07FF), 3 (–U+FFFF) or 4. */
export function codePointUtf8Length(codePoint: number): number {
  const cp = encodable(codePoint);
  if (cp < 0x80) return 1;
  if (cp < 0x800) return 2;
  if (cp < 0x10000) return 3;
  return 4;
}

/** Length of `text` in UTF-8 octets. */
export function utf8Length(text: string): number {
  let length = 0;
  for (const char of text) length += codePointUtf8Length(char.codePointAt(0) ?? 0);
  return length;
}

/** The UTF-8 encoding of `text`. */
export function utf8Bytes(text: string): Uint8Array {
  const bytes = new Uint8Array(utf8Length(text));
  let at = 0;
  for (const char of text) {
    const cp = encodable(char.codePointAt(0) ?? 0);
    if (cp < 0x80) {
      bytes[at++] = cp;
    } else if (cp < 0x800) {
      bytes[at++] = 0xc0 | (cp >> 6);
      bytes[at++] = 0x80 | (cp & 0x3f);
    } else if (cp < 0x10000) {
      bytes[at++] = 0xe0 | (cp >> 12);
      bytes[at++] = 0x80 | ((cp >> 6) & 0x3f);
      bytes[at++] = 0x80 | (cp & 0x3f);
    } else {
      bytes[at++] = 0xf0 | (cp >> 18);
      bytes[at++] = 0x80 | ((cp >> 12) & 0x3f);
      bytes[at++] = 0x80 | ((cp >> 6) & 0x3f);
      bytes[at++] = 0x80 | (cp & 0x3f);
    }
  }
  return bytes;
}
