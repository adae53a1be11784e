import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diffText, transformIndex } from '../../src/domain/text-diff';

const applySplice = (text: string, splice: ReturnType<typeof diffText>) =>
  splice ? text.slice(0, splice.index) + splice.insert + text.slice(splice.index + splice.deleteCount) : text;

describe('diffText', () => {
  it('finds the minimal single splice', () => {
    expect(diffText('hello world', 'hello brave world')).toEqual({ index: 6, deleteCount: 0, insert: 'brave ' });
    expect(diffText('abc', 'abc')).toBeNull();
    expect(diffText('abc', '')).toEqual({ index: 0, deleteCount: 3, insert: '' });
  });

  it('always turns before into after', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (before, after) => {
        expect(applySplice(before, diffText(before, after))).toBe(after);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('transformIndex', () => {
  it('moves the caret past text inserted before it', () => {
    expect(transformIndex(5, [{ insert: 'abc' }])).toBe(8);
    expect(transformIndex(5, [{ retain: 6 }, { insert: 'abc' }])).toBe(5);
    expect(transformIndex(5, [{ retain: 2 }, { delete: 2 }])).toBe(3);
    expect(transformIndex(3, [{ retain: 1 }, { delete: 5 }])).toBe(1);
  });
});
