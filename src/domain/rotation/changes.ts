/**
 * Recording swaps and membership changes: each returns a new Rotation with the entry
 * appended to its log, or typed errors. The logs are the source of truth; assignments
 * are always re-derived from them.
 */
import { parseInstant } from '../calendar/datetime';
import { err, ok } from '../result';
import type { ParticipantChange, Rotation, RotationResult, Swap } from './model';
import { isCycleIndex } from './model';
import { effectiveCycle, membersOf } from './rotation';

/** Members `a` and `b` exchange slots in `swap.cycle`; both must be members of that cycle. */
export function recordSwap(rotation: Rotation, swap: Swap): RotationResult<Rotation> {
  if (!isCycleIndex(swap.cycle)) return err([{ code: 'invalidCycle', cycle: swap.cycle }]);
  if (swap.a === swap.b) return err([{ code: 'sameMember', memberId: swap.a }]);
  const members = membersOf(rotation, swap.cycle);
  if (!members.ok) return members;
  const missing = [swap.a, swap.b].filter((id) => !members.value.includes(id));
  if (missing.length > 0) return err(missing.map((memberId) => ({ code: 'notMember', memberId, cycle: swap.cycle })));
  return ok({ ...rotation, swaps: [...rotation.swaps, { cycle: swap.cycle, a: swap.a, b: swap.b }] });
}

function recordChange(rotation: Rotation, change: ParticipantChange): RotationResult<Rotation> {
  if (change.memberId.length === 0) return err([{ code: 'required', field: 'memberId' }]);
  if (parseInstant(change.recordedAt) === undefined) return err([{ code: 'invalidDate', value: change.recordedAt }]);
  const cycle = effectiveCycle(rotation, change.recordedAt);
  if (!cycle.ok) return cycle;
  const members = membersOf(rotation, cycle.value);
  if (!members.ok) return members;
  const isMember = members.value.includes(change.memberId);
  if (change.kind === 'join' && isMember) {
    return err([{ code: 'alreadyMember', memberId: change.memberId, cycle: cycle.value }]);
  }
  if (change.kind === 'leave' && !isMember) {
    return err([{ code: 'notMember', memberId: change.memberId, cycle: cycle.value }]);
  }
  return ok({ ...rotation, changes: [...rotation.changes, change] });
}

/** `memberId` joins from the cycle after the one containing `recordedAt`. */
export const recordJoin = (rotation: Rotation, memberId: string, recordedAt: string): RotationResult<Rotation> =>
  recordChange(rotation, { kind: 'join', memberId, recordedAt });

/** `memberId` leaves from the cycle after the one containing `recordedAt`. */
export const recordLeave = (rotation: Rotation, memberId: string, recordedAt: string): RotationResult<Rotation> =>
  recordChange(rotation, { kind: 'leave', memberId, recordedAt });
