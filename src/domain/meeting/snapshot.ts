import { canonicalJson } from './canonical-json';
import { minutesJson } from './snapshot-json';
import type { MinutesSnapshot } from './types';

/**
 * The byte-stable text of the minutes: any device given the same minutes produces the identical
 * string, so its UTF-8 bytes can be hashed and signed. Hashing and signing stay with the caller
 * (the domain has no crypto); validate the parts first, non-finite numbers serialize as null.
 */
export function canonicalMinutes(snapshot: MinutesSnapshot): string {
  return canonicalJson(minutesJson(snapshot));
}

/** Freezes draft minutes; from here on, changes are recorded as amendments (see snapshot-diff). */
export function finalizeMinutes(snapshot: MinutesSnapshot): MinutesSnapshot {
  return { ...snapshot, status: 'final' };
}

/** Two snapshots say the same thing exactly when their canonical forms match. */
export function sameMinutes(a: MinutesSnapshot, b: MinutesSnapshot): boolean {
  return canonicalMinutes(a) === canonicalMinutes(b);
}
