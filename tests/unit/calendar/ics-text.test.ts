import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeText, foldLine, MAX_LINE_OCTETS } from '../../../src/domain/calendar/ics-text';
import { utf8Bytes, utf8Length } from '../../../src/domain/calendar/utf8';
import { expectedText } from './fixtures';
import { unescapeText, unfold } from './mini-ics';

/** Any code points, including astral ones and lone surrogates. */
const anyText = fc
  .array(fc.integer({ min: 0, max: 0x10ffff }), { maxLength: 300 })
  .map((codePoints) => String.fromCodePoint(...codePoints));

/** Text dense in multi-byte characters, so that fold points land next to them. */
const wideText = fc
  .array(fc.constantFrom('a', 'é', '€', '日', '😀', '𝄞', 'ß', ';', '\\'), { maxLength: 400 })
  .map((chars) => chars.join(''));

const bytesOf = (line: string) => Buffer.byteLength(line, 'utf8');

describe('utf8', () => {
  it('counts and encodes like Node (lone surrogates as U+FFFD)', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        expect(utf8Length(text)).toBe(Buffer.byteLength(text, 'utf8'));
        expect(Buffer.from(utf8Bytes(text)).equals(Buffer.from(text, 'utf8'))).toBe(true);
      }),
    );
    expect(utf8Length('a€😀')).toBe(1 + 3 + 4);
  });
});

describe('foldLine', () => {
  it('keeps every physical line within 75 octets and never splits a character', () => {
    fc.assert(
      fc.property(fc.oneof(anyText, wideText), (raw) => {
        // Folding sees escaped values, which never contain CR or LF.
        const text = raw.replace(/[\r\n]/g, '');
        const folded = foldLine(`DESCRIPTION:${text}`);
        const lines = folded.split('\r\n');
        lines.forEach((line, i) => {
          expect(bytesOf(line)).toBeLessThanOrEqual(MAX_LINE_OCTETS);
          if (i > 0) expect(line.startsWith(' ')).toBe(true);
        });
        // Breaks fall between code points: a split surrogate pair would give two code points instead of one.
        const pieces = lines.flatMap((line, i) => [...(i > 0 ? line.slice(1) : line)]);
        expect(pieces).toEqual([...`DESCRIPTION:${text}`]);
        expect(unfold(folded)).toBe(`DESCRIPTION:${text}`);
      }),
      { numRuns: 300 },
    );
  });

  it('keeps multi-byte characters whole as bytes, too', () => {
    const folded = foldLine(`SUMMARY:${'€'.repeat(60)}`);
    for (const line of folded.split('\r\n')) {
      const bytes = Buffer.from(line, 'utf8');
      expect(bytes.toString('utf8')).toBe(line);
      expect(bytes.length).toBeLessThanOrEqual(75);
    }
    // 'SUMMARY:' is 8 octets, so the first line holds 22 euro signs (8 + 66 = 74; a 23rd would make 77).
    expect(folded.split('\r\n')[0]).toBe(`SUMMARY:${'€'.repeat(22)}`);
    expect(folded.split('\r\n')[1]).toBe(` ${'€'.repeat(24)}`);
  });

  it('fills lines exactly to 75 octets with ASCII and leaves short lines alone', () => {
    const folded = foldLine('X'.repeat(75 + 74 + 10));
    expect(folded.split('\r\n').map(bytesOf)).toEqual([75, 75, 11]);
    expect(foldLine('VERSION:2.0')).toBe('VERSION:2.0');
    expect(foldLine('')).toBe('');
  });
});

describe('escapeText', () => {
  it('escapes backslash, semicolon, comma and line breaks', () => {
    expect(escapeText('a\\b;c,d\ne\r\nf\rg')).toBe('a\\\\b\\;c\\,d\\ne\\nf\\ng');
    expect(escapeText('path C:\\new; "x", y')).toBe('path C:\\\\new\\; "x"\\, y');
    expect(escapeText('tab\there, colon: fine')).toBe('tab\there\\, colon: fine');
  });

  it('drops control characters TEXT does not allow', () => {
    expect(escapeText('a\u0000b\u0007c\u001bd\u007fe')).toBe('abcde');
    expect(escapeText('x\u0080y\u009fz\u00a0')).toBe('xyz\u00a0');
  });

  it('never leaves a bare line break and unescapes back to the (normalised) original', () => {
    fc.assert(
      fc.property(fc.oneof(anyText, fc.string({ unit: fc.constantFrom('\\', ';', ',', '\n', '\r', 'n', 'a') })), (t) => {
        const escaped = escapeText(t);
        expect(/[\r\n]/.test(escaped)).toBe(false);
        expect(unescapeText(escaped)).toBe(expectedText(t));
      }),
      { numRuns: 300 },
    );
  });
});
