/**
 * Cycles of a rotation laid out on its periods.
 *
 * Cycle k has n_k members and lasts n_k periods (one slot each); a cycle with no members
 * lasts one period and has no slots, so time keeps moving until someone joins. Cycle k
 * starts at period P(k) = L_0 + … + L_{k−1}, where L_j = max(1, n_j); slot i of cycle k
 * is period P(k) + i. With unchanging membership of n ≥ 1 that is period k·n + i.
 *
 * Membership changes only between cycles, so the timeline is a short list of *runs*:
 * stretches of consecutive cycles with the same members. A change recorded at instant t
 * is applied at the first cycle boundary after t. The last run repeats forever.
 */
import { DAY_MS, dayOfInstant, parseDate, parseInstant } from '../calendar/datetime';
import { err, ok } from '../result';
import type { ParticipantChange, Rotation, RotationResult } from './model';
import { validateRotation } from './model';
import { periodIndexOfDay, periodStartDay } from './periods';
import { compareIds } from './shuffle';

interface Run {
  readonly firstCycle: number;
  readonly firstPeriod: number;
  /** Sorted by compareIds. */
  readonly members: readonly string[];
  /** Periods per cycle: max(1, members.length). */
  readonly length: number;
}

export interface Timeline {
  readonly rotation: Rotation;
  readonly startDay: number;
  readonly runs: readonly Run[];
}

export interface CycleInfo {
  readonly index: number;
  readonly members: readonly string[];
  readonly firstPeriod: number;
  readonly periodCount: number;
}

interface TimedChange {
  readonly change: ParticipantChange;
  readonly at: number;
}

const kindOrder = (kind: ParticipantChange['kind']): number => (kind === 'join' ? 0 : 1);

function sortedChanges(changes: readonly ParticipantChange[]): readonly TimedChange[] {
  return changes
    .map((change) => ({ change, at: parseInstant(change.recordedAt) ?? 0 }))
    .sort(
      (x, y) =>
        x.at - y.at ||
        kindOrder(x.change.kind) - kindOrder(y.change.kind) ||
        compareIds(x.change.memberId, y.change.memberId),
    );
}

function apply(members: Set<string>, { change }: TimedChange): void {
  if (change.kind === 'join') members.add(change.memberId);
  else members.delete(change.memberId);
}

export const periodStartInstant = (timeline: Timeline, p: number): number =>
  periodStartDay(timeline.rotation.period, timeline.startDay, p) * DAY_MS;

export const periodOfInstant = (timeline: Timeline, instant: number): number =>
  periodIndexOfDay(timeline.rotation.period, timeline.startDay, dayOfInstant(instant));

export function buildTimeline(rotation: Rotation): RotationResult<Timeline> {
  const valid = validateRotation(rotation);
  if (!valid.ok) return err(valid.error);
  const startDay = parseDate(rotation.start) ?? 0;
  const changes = sortedChanges(rotation.changes);
  const members = new Set(rotation.participants);
  const timeline = { rotation, startDay, runs: [] as Run[] };
  let i = 0;
  while (i < changes.length && changes[i]!.at < startDay * DAY_MS) apply(members, changes[i++]!);
  let cycle = 0;
  let period = 0;
  for (;;) {
    const run = { firstCycle: cycle, firstPeriod: period, members: [...members].sort(compareIds) };
    const length = Math.max(1, run.members.length);
    timeline.runs.push({ ...run, length });
    const next = changes[i];
    if (next === undefined) break;
    // The cycle in which the next change was recorded; everything recorded in it applies after it.
    const recordedIn = cycle + Math.floor((periodOfInstant(timeline, next.at) - period) / length);
    period += (recordedIn + 1 - cycle) * length;
    cycle = recordedIn + 1;
    const boundary = periodStartInstant(timeline, period);
    while (i < changes.length && changes[i]!.at < boundary) apply(members, changes[i++]!);
  }
  return ok(timeline);
}

function runIndexForCycle(timeline: Timeline, cycle: number): number {
  let index = 0;
  while (index + 1 < timeline.runs.length && timeline.runs[index + 1]!.firstCycle <= cycle) index++;
  return index;
}

export function cycleInfo(timeline: Timeline, cycle: number): CycleInfo {
  const run = timeline.runs[runIndexForCycle(timeline, cycle)]!;
  return {
    index: cycle,
    members: run.members,
    firstPeriod: run.firstPeriod + (cycle - run.firstCycle) * run.length,
    periodCount: run.length,
  };
}

/** The cycle containing period `p`; −1 for periods before the start. */
export function cycleOfPeriod(timeline: Timeline, p: number): number {
  if (p < 0) return -1;
  let run = timeline.runs[0]!;
  for (const candidate of timeline.runs) if (candidate.firstPeriod <= p) run = candidate;
  return run.firstCycle + Math.floor((p - run.firstPeriod) / run.length);
}

/** The first cycle after `cycle` that has members, or undefined if there is none. */
export function nextCycleWithMembers(timeline: Timeline, cycle: number): number | undefined {
  if (cycleInfo(timeline, cycle + 1).members.length > 0) return cycle + 1;
  const later = timeline.runs.find((run) => run.firstCycle > cycle + 1 && run.members.length > 0);
  return later?.firstCycle;
}
