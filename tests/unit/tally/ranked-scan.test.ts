import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BENCH_CANDIDATES, benchBallots } from '../../../src/cli/bench-ballots';
import { rankedProfileFromIndices } from '../../../src/domain/tally/indexed-profile';
import { parseTallyInput } from '../../../src/domain/tally/parse-input';
import { scanRankedInput } from '../../../src/domain/tally/ranked-scan';
import { rankedProfile } from '../../../src/domain/tally/ranked-profile';
import { runRankedScan, runTally } from '../../../src/domain/tally/run';

const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);

/** What the CLI printed before the scanner existed: JSON.parse, validate, count. */
function slowPath(text: string): unknown {
  const request = parseTallyInput(JSON.parse(text));
  if (!request.ok) throw new Error(request.error);
  return runTally(request.value);
}

/** The scanner's answer must be the normal path's answer, whenever it gives one. */
function expectSame(text: string): boolean {
  const scan = scanRankedInput(bytes(text));
  if (scan === null) return false;
  expect(runRankedScan(scan)).toEqual(slowPath(text));
  return true;
}

const NAMES = ['Ana', 'Ben', 'Cleo', 'Dev', 'Eli', 'Fay', 'Zoë', 'say "hi"', 'back\\slash', '\u2028line', '𝒜lpha'];

const weightArb = fc.oneof(
  fc.constant(undefined),
  fc.integer({ min: 0, max: 6 }).map((n) => n / 3),
  fc.integer({ min: 0, max: 30 }).map((n) => n / 10),
  fc.constantFrom(1e-7, 2.5e3, 0),
);
const countArb = fc.oneof(fc.constant(undefined), fc.integer({ min: 0, max: 5 }), fc.constant(123456789012345));

const inputArb = fc
  .record({
    method: fc.constantFrom('irv', 'IRV', 'schulze', 'Beatpath', 'stv', 'ranked-choice'),
    candidates: fc.shuffledSubarray(NAMES, { minLength: 2, maxLength: 7 }),
    seedKind: fc.constantFrom('none', 'seed'),
  })
  .chain(({ method, candidates, seedKind }) =>
    fc.record({
      method: fc.constant(method),
      candidates: fc.constant(candidates),
      seats: fc.oneof(fc.constant(undefined), fc.integer({ min: 1, max: candidates.length })),
      seed: seedKind === 'seed' ? fc.string() : fc.constant(undefined),
      ballots: fc.array(
        fc.record(
          { ranking: fc.shuffledSubarray(candidates), count: countArb, weight: weightArb },
          { requiredKeys: ['ranking'] },
        ),
        { maxLength: 30 },
      ),
      indent: fc.constantFrom(undefined, 0, 2, '\t', ' \r\n'),
      ballotsFirst: fc.boolean(),
    }),
  );

const textOf = (input: { readonly indent: string | number | undefined; readonly ballotsFirst: boolean } & Record<string, unknown>): string => {
  const { indent, ballotsFirst, ballots, ...rest } = input;
  const clean = Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined));
  const ordered = ballotsFirst ? { ballots, ...clean } : { ...clean, ballots };
  return JSON.stringify(ordered, null, indent as string | number | undefined);
};

describe('ranked scan (tally CLI fast path)', () => {
  it('counts the bench data exactly as JSON.parse + parseTallyInput + runTally', () => {
    for (const method of ['schulze', 'irv', 'stv']) {
      const text = JSON.stringify({ method, candidates: BENCH_CANDIDATES, seats: method === 'stv' ? 3 : 1, ballots: benchBallots(3000, 9) });
      expect(expectSame(text)).toBe(true);
    }
  });

  it('gives the same result as the normal path for any valid ranked input, and takes every plain one', () => {
    let taken = 0;
    fc.assert(
      fc.property(inputArb, (input) => {
        const text = textOf(input);
        const request = parseTallyInput(JSON.parse(text));
        // Never accepts what the normal path refuses.
        if (!request.ok) expect(scanRankedInput(bytes(text))).toBeNull();
        else {
          const same = expectSame(text);
          // Plain: ballots after the candidates and no escaped character in the ballots' names.
          const plain = !input.ballotsFirst && input.candidates.every((name) => !/["\\]/.test(name));
          if (plain) expect(same).toBe(true);
          if (same) taken++;
        }
      }),
      { numRuns: 400 },
    );
    expect(taken).toBeGreaterThan(40);
  });

  it('gives up on anything it does not fully understand or that is invalid', () => {
    const base = { method: 'irv', candidates: ['A', 'B'], ballots: [{ ranking: ['A', 'B'], count: 2 }] };
    expect(scanRankedInput(bytes(JSON.stringify(base)))).not.toBeNull();
    const refused = [
      JSON.stringify({ ...base, method: 'plurality' }),
      JSON.stringify({ ...base, extra: 1 }),
      JSON.stringify({ ...base, ballots: [{ ranking: ['A', 'A'] }] }),
      JSON.stringify({ ...base, ballots: [{ ranking: ['C'] }] }),
      JSON.stringify({ ...base, ballots: [{ ranking: ['A'], count: 1.5 }] }),
      JSON.stringify({ ...base, ballots: [{ ranking: ['A'], count: -1 }] }),
      JSON.stringify({ ...base, ballots: [{ ranking: ['A'], weight: 1e308, count: 10 }] }),
      JSON.stringify({ ...base, ballots: [{ choice: 'A' }] }),
      JSON.stringify({ ...base, ballots: [{ ranking: ['A'], voter: 'x' }] }),
      JSON.stringify({ ...base, ballots: [{}] }),
      JSON.stringify({ ...base, seats: 2 }),
      JSON.stringify({ ...base, seed: 3 }),
      '{"method":"irv","method":"irv","candidates":["A"],"ballots":[]}',
      '{"method":"irv","candidates":["A","B"],"ballots":[{"ranking":["\\u0041"]}]}',
      '{"method":"irv","candidates":["A","B"],"ballots":[{"ranking":["A"],"ranking":["B"]}]}',
      '{"method":"irv","candidates":["A","B"],"ballots":[{"ranking":["A"]},]}',
      '{"method":"irv","candidates":["A","B"],"ballots":[{"ranking":["A"]}]} x',
      '{"method":"irv","candidates":["A","B"],"ballots":[{"ranking":["A"],"count":01}]}',
      '{"method":"irv","candidates":["A","B",],"ballots":[]}',
      '{"method":"irv","candidates":["A","B"],"ballots":[{"ranking":["A"]}]',
    ];
    for (const text of refused) expect(scanRankedInput(bytes(text)), text).toBeNull();
  });

  it('reads raw UTF-8: skips a byte order mark, matches names by their exact bytes, refuses broken ones', () => {
    const text = JSON.stringify({ method: 'schulze', candidates: ['Zoë', 'Ana'], ballots: [{ ranking: ['Zoë', 'Ana'] }, { ranking: ['Ana'] }] });
    const withBom = new Uint8Array([0xef, 0xbb, 0xbf, ...bytes(text)]);
    expect(runRankedScan(scanRankedInput(withBom)!)).toEqual(slowPath(text));
    // "Zo" + a lone continuation byte: decodes to "Zo\uFFFD", never to "Zoë".
    const broken = bytes(text.replace('["Zoë","Ana"]', '["Zo\u0001","Ana"]'));
    broken[broken.indexOf(0x01)] = 0xab;
    expect(scanRankedInput(broken)).toBeNull();
    // A candidate spelled with an escape is still matched by its decoded bytes.
    expect(scanRankedInput(bytes(text.replace('"candidates":["Zoë"', '"candidates":["Zo\\u00eb"')))).not.toBeNull();
  });

  it('never accepts a mutated file that JSON.parse or parseTallyInput refuses, nor counts it differently', () => {
    const seedText = JSON.stringify(
      { method: 'schulze', candidates: ['Ana', 'Ben', 'Zoë'], seats: 2, ballots: [{ ranking: ['Ana', 'Zoë'], count: 3, weight: 0.5 }, { ranking: ['Ben'] }, { ranking: [] }] },
      null,
      1,
    );
    const pieces = ['"', ',', ':', '[', ']', '{', '}', ' ', '\\', '0', '1', '-', '.', 'e', 'Ana', '"Ben"', '\n', 'null', '\u0000'];
    fc.assert(
      fc.property(
        fc.array(fc.record({ at: fc.nat(), cut: fc.nat({ max: 3 }), piece: fc.constantFrom('', ...pieces) }), { minLength: 1, maxLength: 4 }),
        (edits) => {
          let text = seedText;
          for (const { at, cut, piece } of edits) {
            const p = at % (text.length + 1);
            text = text.slice(0, p) + piece + text.slice(p + cut);
          }
          const scan = scanRankedInput(bytes(text));
          if (scan === null) return;
          expect(runRankedScan(scan)).toEqual(slowPath(text));
        },
      ),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 3000) },
    );
  });
});

describe('ranked profile from candidate indices', () => {
  it('equals the profile of the same ballots as names, with repeats, unknown indices, blanks and fractions', () => {
    const names = ['A', 'B', 'C', 'D'];
    const ballotArb = fc.record({
      ranking: fc.array(fc.integer({ min: -1, max: 4 }), { maxLength: 6 }),
      mass: fc.oneof(fc.integer({ min: 0, max: 4 }), fc.constantFrom(0.1, 1 / 3, 2.5)),
    });
    fc.assert(
      fc.property(fc.array(ballotArb, { maxLength: 20 }), fc.constantFrom('always', 'fractional' as const), (ballots, mergeWhen) => {
        const offsets = new Int32Array(ballots.length + 1);
        const prefs: number[] = [];
        ballots.forEach((ballot, b) => {
          prefs.push(...ballot.ranking);
          offsets[b + 1] = prefs.length;
        });
        const indexed = { count: ballots.length, offsets, prefs: Int32Array.from(prefs), masses: Float64Array.from(ballots, (b) => b.mass) };
        const asNames = ballots.map((b) => ({ ranking: b.ranking.map((c) => names[c] ?? 'nobody'), weight: b.mass }));
        const expected = rankedProfile(names, asNames, { mergeWhen });
        const actual = rankedProfileFromIndices(names, indexed, { mergeWhen });
        const plainOf = (profile: typeof expected) => ({ ...profile, offsets: [...profile.offsets], prefs: [...profile.prefs], mass: [...profile.mass] });
        expect(plainOf(actual)).toEqual(plainOf(expected));
      }),
      { numRuns: 300 },
    );
  });
});
