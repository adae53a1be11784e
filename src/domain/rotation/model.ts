import type { Result } from '../result';
import { err, ok } from '../result';
import { parseDate, parseInstant } from '../calendar/datetime';

export type RotationPeriod = 'weekly' | 'monthly';

/**
 * A member joining or leaving. It takes effect from the cycle AFTER the one in which it
 * was recorded (recorded during cycle k → applies from cycle k + 1); one recorded before
 * the rotation starts applies from cycle 0.
 */
export interface ParticipantChange {
  readonly kind: 'join' | 'leave';
  readonly memberId: string;
  /** RFC 3339 date-time with offset, or YYYY-MM-DD (00:00 UTC). */
  readonly recordedAt: string;
}

/** Two members exchange their slots in one cycle, on top of the derived order. */
export interface Swap {
  readonly cycle: number;
  readonly a: string;
  readonly b: string;
}

/**
 * A fair rotation ("Magnifying Glass"). Cycle 0 begins on `start` (a UTC calendar day)
 * with `participants`; every member of a cycle gets exactly one slot of one period in it.
 */
export interface Rotation {
  readonly id: string;
  readonly period: RotationPeriod;
  /** First day of cycle 0, YYYY-MM-DD, in UTC. */
  readonly start: string;
  /** Published with the rotation, e.g. rotationSeed(id, value agreed at the meeting). */
  readonly seed: string;
  /** Members of cycle 0 (order irrelevant). */
  readonly participants: readonly string[];
  /** Join/leave log; order irrelevant (applied by recordedAt, then kind, then member id). */
  readonly changes: readonly ParticipantChange[];
  /** Swap log; swaps of the same cycle are applied in log order. */
  readonly swaps: readonly Swap[];
}

export type RotationError =
  | { readonly code: 'required'; readonly field: 'id' | 'seed' | 'memberId' }
  | { readonly code: 'invalidPeriod' }
  | { readonly code: 'invalidStart' }
  | { readonly code: 'duplicateParticipant'; readonly memberId: string }
  | { readonly code: 'invalidChange'; readonly index: number }
  | { readonly code: 'invalidSwap'; readonly index: number }
  | { readonly code: 'invalidCycle'; readonly cycle: number }
  | { readonly code: 'invalidDate'; readonly value: string }
  | { readonly code: 'invalidCount'; readonly count: number }
  | { readonly code: 'sameMember'; readonly memberId: string }
  | { readonly code: 'alreadyMember'; readonly memberId: string; readonly cycle: number }
  | { readonly code: 'notMember'; readonly memberId: string; readonly cycle: number };

export type RotationResult<T> = Result<T, readonly RotationError[]>;

const PERIODS: readonly string[] = ['weekly', 'monthly'];

export const isCycleIndex = (cycle: number): boolean => Number.isSafeInteger(cycle) && cycle >= 0;

/** The seed convention: rotation id and the value the group agreed at the meeting. */
export const rotationSeed = (rotationId: string, agreedValue: string): string => `${rotationId}:${agreedValue}`;

/** Structural checks; every function taking a Rotation runs them and returns their errors. */
export function validateRotation(rotation: Rotation): RotationResult<Rotation> {
  const errors: RotationError[] = [];
  if (rotation.id.length === 0) errors.push({ code: 'required', field: 'id' });
  if (rotation.seed.length === 0) errors.push({ code: 'required', field: 'seed' });
  if (!PERIODS.includes(rotation.period)) errors.push({ code: 'invalidPeriod' });
  if (parseDate(rotation.start) === undefined) errors.push({ code: 'invalidStart' });
  const seen = new Set<string>();
  for (const memberId of rotation.participants) {
    if (memberId.length === 0) errors.push({ code: 'required', field: 'memberId' });
    else if (seen.has(memberId)) errors.push({ code: 'duplicateParticipant', memberId });
    seen.add(memberId);
  }
  rotation.changes.forEach((change, index) => {
    const kindOk = change.kind === 'join' || change.kind === 'leave';
    if (!kindOk || change.memberId.length === 0 || parseInstant(change.recordedAt) === undefined) {
      errors.push({ code: 'invalidChange', index });
    }
  });
  rotation.swaps.forEach((swap, index) => {
    if (!isCycleIndex(swap.cycle) || swap.a.length === 0 || swap.b.length === 0 || swap.a === swap.b) {
      errors.push({ code: 'invalidSwap', index });
    }
  });
  return errors.length > 0 ? err(errors) : ok(rotation);
}
