/**
 * Wall time ↔ instant in an IANA time zone, through Intl only (no tz database shipped). An event
 * keeps the zone it was planned in; its start/end are stored as UTC instants, so every device
 * agrees on when it happens and can show it both in its own zone and in the original one.
 */

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(zone: string): Intl.DateTimeFormat | null {
  let f = formatters.get(zone);
  if (!f) {
    try {
      f = new Intl.DateTimeFormat('en-US', {
        timeZone: zone,
        hourCycle: 'h23',
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        hour: '2-digit',
        minute: '2-digit',
        second: '2-digit',
      });
    } catch {
      return null;
    }
    if (formatters.size < 256) formatters.set(zone, f);
  }
  return f;
}

export const isTimeZoneName = (zone: string): boolean => zone.length > 0 && formatter(zone) !== null;

/** The wall-clock fields of an instant in the zone, as UTC milliseconds of that wall time. */
function wallMs(instant: number, f: Intl.DateTimeFormat): number {
  const parts: Record<string, number> = {};
  for (const part of f.formatToParts(new Date(instant))) if (part.type !== 'literal') parts[part.type] = Number(part.value);
  return Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour! % 24, parts.minute!, parts.second!);
}

/** Offset of the zone from UTC at an instant, in minutes (east positive). */
export function offsetMinutes(instant: number, zone: string): number | null {
  const f = formatter(zone);
  return f ? Math.round((wallMs(Math.floor(instant / 1000) * 1000, f) - Math.floor(instant / 1000) * 1000) / 60_000) : null;
}

const WALL = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}))?$/;

/**
 * `YYYY-MM-DDTHH:MM` (or a date, meaning midnight) read as wall time in the zone → RFC 3339 UTC
 * (`…Z`), or '' when invalid. In a gap (clocks spring forward) the later offset is used; in an
 * overlap (clocks fall back) the earlier of the two instants.
 */
export function wallTimeToInstant(wall: string, zone: string): string {
  const m = WALL.exec(wall);
  const f = formatter(zone);
  if (!m || !f) return '';
  const [y, mo, d, h, mi] = [Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4] ?? 0), Number(m[5] ?? 0)];
  const asUtc = Date.UTC(y, mo - 1, d, h, mi);
  const check = new Date(asUtc);
  if (check.getUTCFullYear() !== y || check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d || h > 23 || mi > 59) return '';
  // Try the offsets in force a day either side; keep the earliest instant whose wall time matches.
  const candidates = [...new Set([-1, 0, 1].map((days) => offsetMinutes(asUtc + days * 86_400_000, zone)!))]
    .map((offset) => asUtc - offset * 60_000)
    .sort((a, b) => a - b);
  const exact = candidates.find((instant) => wallMs(instant, f) === asUtc);
  const chosen = exact ?? asUtc - offsetMinutes(asUtc, zone)! * 60_000;
  return new Date(chosen).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** An instant as wall time `YYYY-MM-DDTHH:MM` in the zone ('' when invalid). */
export function instantToWallTime(iso: string, zone: string): string {
  const instant = Date.parse(iso);
  const f = formatter(zone);
  if (Number.isNaN(instant) || !f) return '';
  return new Date(wallMs(instant, f)).toISOString().slice(0, 16);
}

/** The calendar date `YYYY-MM-DD` of an instant in the zone. */
export const instantToDate = (iso: string, zone: string): string => instantToWallTime(iso, zone).slice(0, 10);
