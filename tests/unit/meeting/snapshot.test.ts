import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { JsonValue } from '../../../src/domain/meeting/canonical-json';
import { canonicalJson } from '../../../src/domain/meeting/canonical-json';
import { canonicalMinutes, finalizeMinutes, sameMinutes } from '../../../src/domain/meeting/snapshot';
import type { MinutesSnapshot } from '../../../src/domain/meeting/types';
import { sampleSnapshot } from './fixtures';

/** Rebuilds every object with its keys in a seeded random order (arrays keep their order). */
function permuteKeys<T>(value: T, seed: number): T {
  let s = seed | 0;
  const rand = () => {
    s = (s * 1_103_515_245 + 12_345) & 0x7fffffff;
    return s;
  };
  const walk = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(walk);
    if (v === null || typeof v !== 'object') return v;
    const entries = Object.entries(v).sort(() => (rand() % 2 === 0 ? -1 : 1));
    return Object.fromEntries(entries.map(([k, x]) => [k, walk(x)]));
  };
  return walk(value) as T;
}

const reversed = <T>(list: readonly T[]): T[] => [...list].reverse();

describe('canonicalJson', () => {
  it('sorts keys, drops undefined and uses no whitespace', () => {
    expect(canonicalJson({ b: 1, a: [true, null, 'x'], c: undefined, 'é': { z: 0, y: -0 } })).toBe(
      '{"a":[true,null,"x"],"b":1,"é":{"y":0,"z":0}}',
    );
    expect(canonicalJson({ n: Number.NaN })).toBe('{"n":null}');
    expect(canonicalJson('\ud800 lone surrogate')).toBe('"\\ud800 lone surrogate"');
  });

  it('is valid JSON for the same value, whatever the key order', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.integer(), (value, seed) => {
        const text = canonicalJson(value as JsonValue);
        expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(value)));
        expect(canonicalJson(permuteKeys(value, seed) as JsonValue)).toBe(text);
        expect(text).not.toMatch(/[\n\t]/);
      }),
      { numRuns: 500 },
    );
  });
});

describe('canonicalMinutes', () => {
  it('pins the layout of a tiny snapshot', () => {
    const tiny: MinutesSnapshot = { ...sampleSnapshot(), items: [], actionItems: [], quorum: null };
    expect(canonicalMinutes(tiny)).toBe(
      '{"actionItems":[],"attendance":{"guests":["Eve (coalition)"],"memberIds":["ana","bo","cy"]},"items":[],' +
        '"meeting":{"facilitatorId":"ana","id":"m1","link":"https://meet.example.org/ga","noteTakerIds":["bo"],' +
        '"place":"Union hall, room 2","startsAt":"2026-12-01T18:30:00+01:00","title":"General assembly"},' +
        '"quorum":null,"schema":1,"status":"draft"}',
    );
  });

  it('orders agenda items by order key and keeps decisions and dissent in recorded order', () => {
    const parsed = JSON.parse(canonicalMinutes(sampleSnapshot()));
    expect(parsed.items.map((i: { id: string }) => i.id)).toEqual(['a1', 'a2']);
    expect(parsed.items[0].decisions[0].dissent.map((d: { who: { memberId: string } }) => d.who.memberId)).toEqual(['bo', 'cy']);
  });

  it('is the same for any key order and any order of set-like collections', () => {
    const base = sampleSnapshot();
    const expected = canonicalMinutes(base);
    fc.assert(
      fc.property(fc.integer(), (seed) => {
        const shuffled: MinutesSnapshot = {
          ...base,
          attendance: { memberIds: reversed(base.attendance.memberIds), guests: reversed(base.attendance.guests) },
          items: reversed(base.items),
          actionItems: reversed(base.actionItems),
        };
        expect(canonicalMinutes(permuteKeys(shuffled, seed))).toBe(expected);
      }),
      { numRuns: 300 },
    );
  });

  it('ignores stray runtime properties and treats undefined like null', () => {
    const base = sampleSnapshot();
    const noisy = { ...base, meeting: { ...base.meeting, cursor: 42 }, extra: 'x' } as unknown as MinutesSnapshot;
    expect(canonicalMinutes(noisy)).toBe(canonicalMinutes(base));
    const withUndefined = { ...base, meeting: { ...base.meeting, facilitatorId: undefined } } as unknown as MinutesSnapshot;
    expect(canonicalMinutes(withUndefined)).toBe(canonicalMinutes({ ...base, meeting: { ...base.meeting, facilitatorId: null } }));
  });

  it('differs whenever any minuted text differs', () => {
    const base = sampleSnapshot();
    const baseText = canonicalMinutes(base);
    fc.assert(
      fc.property(fc.string(), fc.integer({ min: 0, max: 4 }), (text, where) => {
        const edits: MinutesSnapshot[] = [
          { ...base, meeting: { ...base.meeting, title: `${base.meeting.title}${text}!` } },
          { ...base, items: base.items.map((e, i) => (i === 0 ? { ...e, notes: `${e.notes}${text}.` } : e)) },
          {
            ...base,
            items: base.items.map((e) => ({
              ...e,
              decisions: e.decisions.map((d) => ({ ...d, dissent: d.dissent.map((x) => ({ ...x, position: `${x.position} ${text}?` })) })),
            })),
          },
          { ...base, attendance: { ...base.attendance, guests: [...base.attendance.guests, text] } },
          { ...base, actionItems: base.actionItems.map((a) => ({ ...a, what: `${a.what}${text}+` })) },
        ];
        expect(canonicalMinutes(edits[where]!)).not.toBe(baseText);
      }),
      { numRuns: 300 },
    );
    expect(canonicalMinutes(finalizeMinutes(base))).not.toBe(baseText);
    expect(sameMinutes(base, { ...base })).toBe(true);
  });
});
