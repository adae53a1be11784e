/**
 * Periods of a rotation, numbered 0, 1, 2, … from its start day (UTC calendar days).
 *
 * - weekly:  period p starts on start + 7·p days.
 * - monthly: period p starts on start + p calendar months, computed from the start date
 *   each time, with the day of month clamped to the month's length. A rotation starting
 *   on Jan 31 has periods starting Jan 31, Feb 28 (Feb 29 in leap years), Mar 31, Apr 30,
 *   May 31, …: the clamping never accumulates. A period ends where the next one starts.
 */
import { addMonthsClamped, civilFromDays } from '../calendar/datetime';
import type { RotationPeriod } from './model';

/** Day number on which period `p` starts. */
export function periodStartDay(period: RotationPeriod, startDay: number, p: number): number {
  return period === 'weekly' ? startDay + 7 * p : addMonthsClamped(startDay, p);
}

/** Index of the period containing `day` (negative before the start). */
export function periodIndexOfDay(period: RotationPeriod, startDay: number, day: number): number {
  if (period === 'weekly') return Math.floor((day - startDay) / 7);
  const from = civilFromDays(startDay);
  const to = civilFromDays(day);
  const months = (to.year - from.year) * 12 + (to.month - from.month);
  return periodStartDay(period, startDay, months) > day ? months - 1 : months;
}
