import { describe, expect, it } from 'vitest';
import { checkQuorum, requiredForQuorum, validateQuorumRule } from '../../../src/domain/meeting/quorum';
import type { QuorumRule } from '../../../src/domain/meeting/types';
import { member } from './fixtures';

const members = (n: number) => Array.from({ length: n }, (_, i) => member(`m${i}`));

describe('requiredForQuorum', () => {
  const table: ReadonlyArray<[QuorumRule, number, number]> = [
    [{ kind: 'count', min: 5 }, 20, 5],
    [{ kind: 'count', min: 5 }, 3, 5],
    [{ kind: 'count', min: 0 }, 0, 0],
    [{ kind: 'count', min: 3 }, 0, 3],
    [{ kind: 'percent', percent: 50 }, 10, 5],
    [{ kind: 'percent', percent: 50 }, 11, 6],
    [{ kind: 'percent', percent: 10 }, 30, 3],
    [{ kind: 'percent', percent: 33 }, 3, 1],
    [{ kind: 'percent', percent: 100 / 3 }, 9, 3],
    [{ kind: 'percent', percent: 66.7 }, 3, 3],
    [{ kind: 'percent', percent: 100 }, 7, 7],
    [{ kind: 'percent', percent: 1 }, 1, 1],
    [{ kind: 'percent', percent: 0 }, 10, 0],
    [{ kind: 'percent', percent: 0 }, 0, 0],
    [{ kind: 'percent', percent: 50 }, 0, 1],
    [{ kind: 'percent', percent: 150 }, 4, 4],
    [{ kind: 'count', min: -2 }, 4, 0],
  ];
  for (const [rule, admitted, required] of table) {
    it(`${JSON.stringify(rule)} of ${admitted} members needs ${required}`, () => {
      expect(requiredForQuorum(rule, admitted)).toBe(required);
    });
  }
});

describe('checkQuorum', () => {
  const admitted = members(10);

  it('meets quorum exactly at the threshold', () => {
    const rule: QuorumRule = { kind: 'percent', percent: 50 };
    expect(checkQuorum(rule, admitted, { memberIds: admitted.slice(0, 5), guests: [] })).toEqual({ met: true, present: 5, required: 5 });
    expect(checkQuorum(rule, admitted, { memberIds: admitted.slice(0, 4), guests: [] })).toEqual({ met: false, present: 4, required: 5 });
  });

  it('never counts guests, strangers or double check-ins', () => {
    const attendance = {
      memberIds: [admitted[0]!, admitted[0]!, admitted[1]!, member('left-last-year')],
      guests: ['Eve', 'Frank', 'Gus', 'Hal'],
    };
    expect(checkQuorum({ kind: 'count', min: 3 }, admitted, attendance)).toEqual({ met: false, present: 2, required: 3 });
  });

  it('handles a chapter with no members', () => {
    const nobody = { memberIds: [], guests: ['Eve'] };
    expect(checkQuorum({ kind: 'percent', percent: 50 }, [], nobody)).toEqual({ met: false, present: 0, required: 1 });
    expect(checkQuorum({ kind: 'count', min: 0 }, [], nobody)).toEqual({ met: true, present: 0, required: 0 });
    expect(checkQuorum({ kind: 'percent', percent: 0 }, [], nobody)).toEqual({ met: true, present: 0, required: 0 });
  });
});

describe('validateQuorumRule', () => {
  it('accepts sane rules and rejects the rest', () => {
    expect(validateQuorumRule({ kind: 'count', min: 3 }).ok).toBe(true);
    expect(validateQuorumRule({ kind: 'percent', percent: 50 }).ok).toBe(true);
    expect(validateQuorumRule({ kind: 'count', min: -1 })).toEqual({ ok: false, error: 'invalidMin' });
    expect(validateQuorumRule({ kind: 'count', min: 2.5 })).toEqual({ ok: false, error: 'invalidMin' });
    expect(validateQuorumRule({ kind: 'percent', percent: 101 })).toEqual({ ok: false, error: 'invalidPercent' });
    expect(validateQuorumRule({ kind: 'percent', percent: Number.NaN })).toEqual({ ok: false, error: 'invalidPercent' });
  });
});
