import { describe, expect, it } from 'vitest';
import { parseTallyInput } from '../../../src/domain/tally/parse-input';
import { runTally } from '../../../src/domain/tally/run';
import { defaultSeed } from '../../../src/domain/tally/tie-break';

const errorOf = (raw: unknown): string => {
  const parsed = parseTallyInput(raw);
  if (parsed.ok) throw new Error('expected an error');
  return parsed.error;
};

const poll = (extra: Record<string, unknown>) => ({ method: 'irv', candidates: ['Alice', 'Bob'], ballots: [], ...extra });

describe('parseTallyInput', () => {
  it('accepts the minimal format with defaults (seats 1, count 1, weight 1, seed from candidates)', () => {
    const parsed = parseTallyInput({ method: 'IRV', candidates: ['Alice', 'Bob'], ballots: [{ ranking: ['Bob', 'Alice'], count: 3 }] });
    expect(parsed).toEqual({
      ok: true,
      value: { method: 'irv', candidates: ['Alice', 'Bob'], seats: 1, seed: defaultSeed(['Alice', 'Bob']), ballots: [{ ranking: ['Bob', 'Alice'], count: 3 }] },
    });
  });

  it('reads method names case-insensitively, with aliases', () => {
    for (const [name, method] of [
      ['Plurality', 'plurality'],
      ['APPROVAL', 'approval'],
      ['Score', 'score'],
      ['instant-runoff', 'irv'],
      ['STV', 'stv'],
      ['schulze', 'schulze'],
      ['Yes-No', 'yesno'],
      ['consent', 'consent'],
    ] as const) {
      const parsed = parseTallyInput({ method: name, candidates: ['A'], ballots: [] });
      expect(parsed.ok && parsed.value.method).toBe(method);
    }
  });

  it('plurality takes "choice" or the first entry of "ranking"; ranked methods take a single "choice" too', () => {
    const plurality = parseTallyInput({ method: 'plurality', candidates: ['A', 'B'], ballots: [{ choice: 'B' }, { ranking: ['A', 'B'] }, { choice: null }] });
    expect(plurality.ok && runTally(plurality.value)).toMatchObject({ tally: { A: 1, B: 1 }, blank: 1 });
    const irv = parseTallyInput({ method: 'irv', candidates: ['A', 'B'], ballots: [{ choice: 'B' }] });
    expect(irv.ok && runTally(irv.value)).toMatchObject({ winners: ['B'] });
  });

  it('parses yes/no and consent polls', () => {
    const yesno = parseTallyInput({ method: 'yesno', threshold: 'two-thirds', quorum: 3, ballots: [{ vote: 'Yes', count: 2 }, { vote: 'no' }] });
    expect(yesno.ok && runTally(yesno.value)).toMatchObject({ outcome: 'passed', yes: 2, no: 1 });
    const consent = parseTallyInput({
      method: 'consent',
      ballots: [{ response: 'agree', count: 4 }, { response: 'Stand aside', reason: 'busy' }, { vote: 'block', reason: 'unsafe' }],
    });
    expect(consent.ok && runTally(consent.value)).toMatchObject({ outcome: 'failed', blocked: true, blockReasons: [{ reason: 'unsafe', weight: 1 }] });
  });

  it('rejects bad input with one-line messages naming the field', () => {
    const cases: [unknown, string][] = [
      [[], 'input must be a JSON object'],
      [{ candidates: ['A'] }, 'no "method"'],
      [poll({ method: 'borda' }), 'unknown method "borda"'],
      [poll({ method: 42 }), '"method" must be a string'],
      [poll({ candidates: [] }), '"candidates" must be a non-empty array'],
      [poll({ candidates: ['A', 'B', 'A'] }), 'duplicate candidate "A" (candidates[0] and candidates[2])'],
      [poll({ candidates: ['A', ''] }), 'candidates[1] must be a non-empty name'],
      [poll({ seats: 0 }), '"seats" must be a whole number from 1 to 2'],
      [poll({ method: 'stv', seats: 3 }), '"seats" must be a whole number from 1 to 2'],
      [poll({ seats: 2 }), '"irv" elects one candidate'],
      [poll({ seed: 7 }), '"seed" must be a string'],
      [poll({ ballots: 'many' }), '"ballots" must be an array'],
      [poll({ ballots: [{ ranking: ['Alice'] }, { ranking: ['Zed'] }] }), 'ballots[1]: unknown candidate "Zed"'],
      [poll({ ballots: [{ ranking: ['Alice', 'Alice'] }] }), 'ballots[0].ranking lists "Alice" twice'],
      [poll({ ballots: [{ ranking: 'Alice' }] }), 'ballots[0].ranking must be an array'],
      [poll({ ballots: [{ ranking: ['Alice'], count: -1 }] }), 'ballots[0].count must be a whole number ≥ 0'],
      [poll({ ballots: [{ ranking: ['Alice'], count: '3' }] }), 'ballots[0].count must be a whole number ≥ 0 (got the string "3")'],
      [poll({ ballots: [{ ranking: ['Alice'], weight: -0.5 }] }), 'ballots[0].weight must be a number ≥ 0'],
      [poll({ ballots: [{ ranking: ['Alice'], weight: 'x' }] }), 'ballots[0].weight must be a number ≥ 0'],
      [poll({ ballots: [7] }), 'ballots[0] must be an object'],
      [poll({ method: 'plurality', ballots: [{ choice: 'Zed' }] }), 'ballots[0]: unknown candidate "Zed"'],
      [poll({ method: 'plurality', ballots: [{}] }), 'ballots[0] needs "choice"'],
      [poll({ method: 'approval', ballots: [{ approved: ['Bob', 'Zed'] }] }), 'ballots[0]: unknown candidate "Zed"'],
      [poll({ method: 'score', ballots: [{ scores: { Alice: 6 } }] }), 'ballots[0].scores["Alice"] must be a number from 0 to 5 (got 6)'],
      [poll({ method: 'score', ballots: [{ scores: { Alice: -1 } }] }), 'must be a number from 0 to 5'],
      [poll({ method: 'score', ballots: [{ scores: { Zed: 1 } }] }), 'ballots[0]: unknown candidate "Zed"'],
      [poll({ method: 'score', ballots: [{ scores: [1, 2] }] }), 'ballots[0].scores must be an object'],
      [{ method: 'yesno', ballots: [{ vote: 'maybe' }] }, 'ballots[0].vote must be "yes", "no" or "abstain"'],
      [{ method: 'yesno', threshold: 1.5, ballots: [] }, '"threshold" must be'],
      [{ method: 'yesno', quorum: -2, ballots: [] }, '"quorum" must be a number ≥ 0'],
      [{ method: 'consent', ballots: [{ response: 'veto' }] }, 'ballots[0].response must be "agree", "stand aside" or "block"'],
    ];
    for (const [raw, message] of cases) {
      const error = errorOf(raw);
      expect(error).toContain(message);
      expect(error).not.toContain('\n');
    }
  });

  it('never throws, whatever the input', () => {
    for (const raw of [null, 1, 'x', true, { method: null }, { method: 'irv', candidates: [null], ballots: [] }, { method: 'score', candidates: ['a'], ballots: [{ scores: null }] }]) {
      expect(parseTallyInput(raw).ok).toBe(false);
    }
  });

  it('does not confuse candidate names with Object.prototype members', () => {
    expect(errorOf(poll({ method: 'score', ballots: [{ scores: { constructor: 1 } }] }))).toContain('unknown candidate "constructor"');
    const parsed = parseTallyInput({ method: 'plurality', candidates: ['__proto__', 'toString'], ballots: [{ choice: '__proto__', count: 2 }, { choice: 'toString' }] });
    expect(parsed.ok && runTally(parsed.value)).toMatchObject({ winners: ['__proto__'], tally: { ['__proto__']: 2, toString: 1 } });
  });
});
