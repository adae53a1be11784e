/**
 * Fair rotation ("Magnifying Glass"): who takes which slot in each cycle.
 *
 * - Order: derived from the published seed by the shuffle documented in ./shuffle
 *   (SHA-256 of `seed:cycle` → sfc32 → Fisher–Yates over the members sorted by id),
 *   then the cycle's swaps are applied in log order. A swap naming someone who is not a
 *   member of that cycle is ignored.
 * - Dates (UTC, see ./periods and ./timeline): slot i of cycle k covers period P(k) + i,
 *   where P(k) is the number of periods in all earlier cycles, i.e. slot i of cycle k
 *   starts at start + (k·n + i) periods while the n members do not change. `slotStart`
 *   is the slot's first day and `slotEnd` the first day of the next slot (exclusive),
 *   both YYYY-MM-DD; a slot runs from 00:00 UTC on slotStart up to 00:00 UTC on slotEnd.
 * - Members: join/leave entries recorded during cycle k apply from cycle k + 1.
 */
import { dayOfInstant, formatDate, parseInstant } from '../calendar/datetime';
import { err, ok } from '../result';
import type { Rotation, RotationResult } from './model';
import { isCycleIndex } from './model';
import { periodStartDay } from './periods';
import { shuffledOrder } from './shuffle';
import type { Timeline } from './timeline';
import { buildTimeline, cycleInfo, cycleOfPeriod, nextCycleWithMembers, periodOfInstant } from './timeline';

export interface SlotDates {
  readonly slotStart: string;
  readonly slotEnd: string;
}

export interface Slot extends SlotDates {
  readonly memberId: string;
}

export interface UpcomingSlot extends Slot {
  readonly cycle: number;
  readonly position: number;
}

/** Largest `count` accepted by upcomingSlots. */
export const MAX_UPCOMING = 10_000;

function withCycle<T>(rotation: Rotation, cycle: number, f: (t: Timeline) => T): RotationResult<T> {
  if (!isCycleIndex(cycle)) return err([{ code: 'invalidCycle', cycle }]);
  const timeline = buildTimeline(rotation);
  return timeline.ok ? ok(f(timeline.value)) : timeline;
}

function datesOf(timeline: Timeline, cycle: number): readonly SlotDates[] {
  const info = cycleInfo(timeline, cycle);
  const day = (p: number) => formatDate(periodStartDay(timeline.rotation.period, timeline.startDay, p));
  return info.members.map((_, i) => ({
    slotStart: day(info.firstPeriod + i),
    slotEnd: day(info.firstPeriod + i + 1),
  }));
}

function assignmentOf(timeline: Timeline, cycle: number): readonly Slot[] {
  const { rotation } = timeline;
  const order = [...shuffledOrder(cycleInfo(timeline, cycle).members, rotation.seed, cycle)];
  for (const swap of rotation.swaps) {
    if (swap.cycle !== cycle) continue;
    const i = order.indexOf(swap.a);
    const j = order.indexOf(swap.b);
    if (i < 0 || j < 0 || i === j) continue;
    order[i] = swap.b;
    order[j] = swap.a;
  }
  return datesOf(timeline, cycle).map((dates, i) => ({ memberId: order[i]!, ...dates }));
}

/** The cycle containing `at` (date-time with offset, or YYYY-MM-DD); −1 before the start. */
export function cycleOf(rotation: Rotation, at: string): RotationResult<number> {
  const instant = parseInstant(at);
  if (instant === undefined) return err([{ code: 'invalidDate', value: at }]);
  const timeline = buildTimeline(rotation);
  if (!timeline.ok) return timeline;
  return ok(cycleOfPeriod(timeline.value, periodOfInstant(timeline.value, instant)));
}

/** The first cycle a join/leave recorded at `recordedAt` applies to. */
export function effectiveCycle(rotation: Rotation, recordedAt: string): RotationResult<number> {
  const cycle = cycleOf(rotation, recordedAt);
  return cycle.ok ? ok(cycle.value + 1) : cycle;
}

/** Members of `cycle`, sorted by id. */
export const membersOf = (rotation: Rotation, cycle: number): RotationResult<readonly string[]> =>
  withCycle(rotation, cycle, (t) => cycleInfo(t, cycle).members);

/** Start and (exclusive) end day of each slot of `cycle`, in slot order. */
export const slotDates = (rotation: Rotation, cycle: number): RotationResult<readonly SlotDates[]> =>
  withCycle(rotation, cycle, (t) => datesOf(t, cycle));

/** Who has which slot in `cycle`, in slot order, swaps applied. */
export const assignment = (rotation: Rotation, cycle: number): RotationResult<readonly Slot[]> =>
  withCycle(rotation, cycle, (t) => assignmentOf(t, cycle));

/**
 * The next `count` slots not yet over at `from` (the running slot first), across cycles;
 * fewer when the rotation runs out of members for good.
 */
export function upcomingSlots(rotation: Rotation, from: string, count: number): RotationResult<readonly UpcomingSlot[]> {
  const instant = parseInstant(from);
  if (instant === undefined) return err([{ code: 'invalidDate', value: from }]);
  if (!Number.isInteger(count) || count < 0 || count > MAX_UPCOMING) return err([{ code: 'invalidCount', count }]);
  const built = buildTimeline(rotation);
  if (!built.ok) return built;
  const timeline = built.value;
  const slots: UpcomingSlot[] = [];
  const fromDay = formatDate(dayOfInstant(instant));
  let cycle: number | undefined = Math.max(0, cycleOfPeriod(timeline, periodOfInstant(timeline, instant)));
  if (cycleInfo(timeline, cycle).members.length === 0) cycle = nextCycleWithMembers(timeline, cycle);
  while (cycle !== undefined && slots.length < count) {
    const current: number = cycle;
    assignmentOf(timeline, current).forEach((slot, position) => {
      if (slots.length < count && slot.slotEnd > fromDay) slots.push({ ...slot, cycle: current, position });
    });
    cycle = nextCycleWithMembers(timeline, current);
  }
  return ok(slots);
}

/**
 * True when `claimed` is exactly the assignment of `cycle`: either the member ids in slot
 * order, or full slots (member and dates). Lets anyone check a published rota.
 */
export function verifyAssignment(rotation: Rotation, cycle: number, claimed: readonly (string | Slot)[]): boolean {
  const actual = assignment(rotation, cycle);
  if (!actual.ok || actual.value.length !== claimed.length) return false;
  return actual.value.every((slot, i) => {
    const claim = claimed[i]!;
    if (typeof claim === 'string') return claim === slot.memberId;
    return claim.memberId === slot.memberId && claim.slotStart === slot.slotStart && claim.slotEnd === slot.slotEnd;
  });
}
