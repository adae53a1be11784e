import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { instantToDate, instantToWallTime, isTimeZoneName, offsetMinutes, wallTimeToInstant } from '../../../src/domain/calendar/zone';

describe('wall time in an IANA zone', () => {
  it('converts both ways in and out of daylight saving time', () => {
    expect(wallTimeToInstant('2026-07-01T18:30', 'Europe/Lisbon')).toBe('2026-07-01T17:30:00Z');
    expect(wallTimeToInstant('2026-12-01T18:30', 'Europe/Lisbon')).toBe('2026-12-01T18:30:00Z');
    expect(wallTimeToInstant('2026-12-01T18:30', 'America/Sao_Paulo')).toBe('2026-12-01T21:30:00Z');
    expect(wallTimeToInstant('2026-12-01', 'Asia/Kolkata')).toBe('2026-11-30T18:30:00Z');
    expect(instantToWallTime('2026-07-01T17:30:00Z', 'Europe/Lisbon')).toBe('2026-07-01T18:30');
    expect(instantToDate('2026-11-30T18:30:00Z', 'Asia/Kolkata')).toBe('2026-12-01');
    expect(offsetMinutes(Date.parse('2026-07-01T00:00:00Z'), 'America/New_York')).toBe(-240);
  });

  it('handles the spring-forward gap and the fall-back overlap deterministically', () => {
    // 02:30 does not exist in New York on 2026-03-08: the later offset (EDT) is used.
    expect(wallTimeToInstant('2026-03-08T02:30', 'America/New_York')).toBe('2026-03-08T07:30:00Z');
    // 01:30 happens twice on 2026-11-01: the first one (EDT).
    expect(wallTimeToInstant('2026-11-01T01:30', 'America/New_York')).toBe('2026-11-01T05:30:00Z');
  });

  it('refuses impossible dates and unknown zones', () => {
    expect(wallTimeToInstant('2026-02-30T10:00', 'Europe/Berlin')).toBe('');
    expect(wallTimeToInstant('2026-02-10T24:00', 'Europe/Berlin')).toBe('');
    expect(wallTimeToInstant('2026-02-10T10:00', 'Mars/Olympus_Mons')).toBe('');
    expect(isTimeZoneName('Mars/Olympus_Mons')).toBe(false);
    expect(isTimeZoneName('')).toBe(false);
    expect(isTimeZoneName('Europe/Berlin')).toBe(true);
  });

  it('property: wall time → instant → wall time is the identity outside gaps', () => {
    const zones = ['Europe/Berlin', 'America/New_York', 'Asia/Kolkata', 'Australia/Adelaide', 'Pacific/Chatham', 'UTC'];
    fc.assert(
      fc.property(fc.integer({ min: Date.parse('2000-01-01T00:00:00Z') / 60_000, max: Date.parse('2040-01-01T00:00:00Z') / 60_000 }), fc.constantFrom(...zones), (minute, zone) => {
        const instant = new Date(minute * 60_000).toISOString();
        const wall = instantToWallTime(instant, zone);
        const back = wallTimeToInstant(wall, zone);
        // In an overlap two instants share a wall time; the earlier is chosen, so it maps back to the same wall time.
        expect(instantToWallTime(back, zone)).toBe(wall);
        expect(Date.parse(back)).toBeLessThanOrEqual(Date.parse(instant));
      }),
      { numRuns: 300 },
    );
  });
});
