import type { Result } from '../result';
import { err, ok } from '../result';
import type { MemberId } from './ids';
import type { Attendance, QuorumResult, QuorumRule } from './types';

export type QuorumRuleError = 'invalidMin' | 'invalidPercent';

export function validateQuorumRule(rule: QuorumRule): Result<QuorumRule, QuorumRuleError> {
  if (rule.kind === 'count') return Number.isSafeInteger(rule.min) && rule.min >= 0 ? ok(rule) : err('invalidMin');
  return Number.isFinite(rule.percent) && rule.percent >= 0 && rule.percent <= 100 ? ok(rule) : err('invalidPercent');
}

/** Ceiling that ignores floating-point dust, so 10% of 30 is 3 and not 4. */
function ceilClean(value: number): number {
  const rounded = Math.round(value);
  return Math.abs(value - rounded) < 1e-9 ? rounded : Math.ceil(value);
}

/**
 * How many admitted members must be present. Out-of-range rules are clamped rather than rejected
 * (validate them with validateQuorumRule when they are set). Any positive percent of an empty
 * chapter requires one member: a meeting with no members present can never be quorate.
 */
export function requiredForQuorum(rule: QuorumRule, admittedCount: number): number {
  const members = Math.max(0, Math.floor(admittedCount));
  if (rule.kind === 'count') return Number.isFinite(rule.min) ? Math.max(0, Math.ceil(rule.min)) : 0;
  const percent = Number.isFinite(rule.percent) ? Math.min(100, Math.max(0, rule.percent)) : 100;
  if (percent === 0) return 0;
  return Math.max(1, ceilClean((percent * members) / 100));
}

/** Counts checked-in admitted members only: guests and no-longer-admitted ids never count. */
export function checkQuorum(rule: QuorumRule, admitted: readonly MemberId[], attendance: Attendance): QuorumResult {
  const admittedSet = new Set(admitted);
  const present = new Set(attendance.memberIds.filter((id) => admittedSet.has(id))).size;
  const required = requiredForQuorum(rule, admittedSet.size);
  return { met: present >= required, present, required };
}
