/**
 * Numeric helpers shared by the tally methods: ballot mass, tolerant comparison, output rounding.
 */
import type { Weighted } from './types';

/** Relative tolerance for "equal" totals (fractional weights make exact ties fragile). */
export const EPSILON = 1e-9;

/**
 * weight × count of a ballot (each defaults to 1). Anything that is not a finite number ≥ 0
 * counts as 0: the tallies never throw; `parseTallyInput` rejects such ballots up front.
 */
export function ballotMass(ballot: Weighted): number {
  const mass = (ballot.weight ?? 1) * (ballot.count ?? 1);
  return Number.isFinite(mass) && mass > 0 ? mass : 0;
}

const scale = (a: number, b: number): number => EPSILON * Math.max(1, Math.abs(a), Math.abs(b));

/** a and b are equal up to the tolerance. */
export const nearlyEqual = (a: number, b: number): boolean => Math.abs(a - b) <= scale(a, b);

/** a is greater than b by more than the tolerance. */
export const clearlyGreater = (a: number, b: number): boolean => a - b > scale(a, b);

/** a ≥ b up to the tolerance. */
export const atLeast = (a: number, b: number): boolean => !clearlyGreater(b, a);

/** Rounds to 6 decimals for output (computation always uses full precision); never returns -0. */
export function round6(value: number): number {
  const rounded = Math.round(value * 1e6) / 1e6;
  return rounded === 0 ? 0 : rounded;
}

/** A name-keyed record in candidate order (own data properties, even for names like "__proto__"). */
export function byName(names: readonly string[], values: ArrayLike<number>, keep?: (index: number) => boolean): Record<string, number> {
  const entries: [string, number][] = [];
  names.forEach((name, index) => {
    if (keep === undefined || keep(index)) entries.push([name, round6(values[index] ?? 0)]);
  });
  return Object.fromEntries(entries);
}
