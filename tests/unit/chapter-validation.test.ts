import { describe, expect, it } from 'vitest';
import { type ChapterInput, formatLocation, isValidIsoDate, validateChapter } from '../../src/domain/chapter';

const TODAY = '2026-11-24';
const valid: ChapterInput = {
  name: 'Dublin',
  city: 'Dublin',
  region: 'Leinster',
  country: 'Ireland',
  foundedOn: '2012-05-01',
  description: 'Bookfairs and organizing.',
};

describe('validateChapter', () => {
  it('accepts a complete chapter and trims text', () => {
    const result = validateChapter({ ...valid, name: '  Dublin  ' }, TODAY);
    expect(result).toEqual({
      ok: true,
      value: {
        name: 'Dublin',
        location: { city: 'Dublin', region: 'Leinster', country: 'Ireland' },
        foundedOn: '2012-05-01',
        description: 'Bookfairs and organizing.',
        level: 'local',
      },
    });
  });

  it('rejects an empty or blank name with a typed error', () => {
    for (const name of ['', '   ', '\n\t']) {
      const result = validateChapter({ ...valid, name }, TODAY);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error).toContainEqual({ field: 'name', code: 'required' });
    }
  });

  it('rejects absurd dates', () => {
    const cases: ReadonlyArray<[string, string]> = [
      ['2012-02-30', 'invalidDate'],
      ['12-05-2012', 'invalidDate'],
      ['not a date', 'invalidDate'],
      ['0001-01-01', 'dateOutOfRange'],
      ['9999-12-31', 'dateOutOfRange'],
      ['2026-11-25', 'dateOutOfRange'],
      ['', 'required'],
    ];
    for (const [foundedOn, code] of cases) {
      const result = validateChapter({ ...valid, foundedOn }, TODAY);
      expect(result.ok, foundedOn).toBe(false);
      if (!result.ok) expect(result.error.map((e) => e.code)).toEqual([code]);
    }
  });

  it('accepts today and leap days', () => {
    expect(validateChapter({ ...valid, foundedOn: TODAY }, TODAY).ok).toBe(true);
    expect(validateChapter({ ...valid, foundedOn: '2024-02-29' }, TODAY).ok).toBe(true);
    expect(isValidIsoDate('2023-02-29')).toBe(false);
  });

  it('rejects 10 MB strings in every text field without echoing them back', () => {
    const huge = 'x'.repeat(10 * 1024 * 1024);
    for (const field of ['name', 'city', 'region', 'country', 'description'] as const) {
      const result = validateChapter({ ...valid, [field]: huge }, TODAY);
      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(result.error).toHaveLength(1);
        expect(result.error[0]).toMatchObject({ field, code: 'tooLong' });
        expect(JSON.stringify(result.error).length).toBeLessThan(200);
      }
    }
  });

  it('reports every bad field at once', () => {
    const result = validateChapter({ ...valid, name: '', foundedOn: 'x' }, TODAY);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.map((e) => e.field).sort()).toEqual(['foundedOn', 'name']);
  });
});

describe('formatLocation', () => {
  it('joins the parts that are present', () => {
    expect(formatLocation({ city: 'Vienna', region: '', country: 'Austria' })).toBe('Vienna, Austria');
    expect(formatLocation({ city: '', region: '', country: '' })).toBe('');
  });
});
