import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { speakerTimer } from '../../../src/domain/meeting/speaker-timer';

const SINCE = 1_000_000;
const at = (seconds: number, limitSeconds: number | null = 120) => speakerTimer({ speakingSince: SINCE, limitSeconds, now: SINCE + seconds * 1000 });

describe('speakerTimer', () => {
  it('counts down, reaches zero at the limit, then counts the overrun', () => {
    expect(at(0)).toEqual({ elapsedSeconds: 0, remainingSeconds: 120, overrunSeconds: 0, overrun: false });
    expect(at(0.4)).toEqual({ elapsedSeconds: 0, remainingSeconds: 120, overrunSeconds: 0, overrun: false });
    expect(at(119.5)).toEqual({ elapsedSeconds: 119, remainingSeconds: 1, overrunSeconds: 0, overrun: false });
    expect(at(120)).toEqual({ elapsedSeconds: 120, remainingSeconds: 0, overrunSeconds: 0, overrun: false });
    expect(at(120.5)).toEqual({ elapsedSeconds: 120, remainingSeconds: 0, overrunSeconds: 0, overrun: true });
    expect(at(185)).toEqual({ elapsedSeconds: 185, remainingSeconds: 0, overrunSeconds: 65, overrun: true });
  });

  it('never shows negative time when this clock is behind', () => {
    expect(at(-30)).toEqual({ elapsedSeconds: 0, remainingSeconds: 120, overrunSeconds: 0, overrun: false });
  });

  it('has no countdown for untimed turns', () => {
    expect(at(500, null)).toEqual({ elapsedSeconds: 500, remainingSeconds: null, overrunSeconds: 0, overrun: false });
  });

  it('keeps remaining and overrun consistent', () => {
    fc.assert(
      fc.property(fc.integer({ min: -100_000, max: 10_000_000 }), fc.integer({ min: 0, max: 3600 }), (offset, limit) => {
        const t = speakerTimer({ speakingSince: SINCE, limitSeconds: limit, now: SINCE + offset });
        expect(t.remainingSeconds).toBeGreaterThanOrEqual(0);
        expect(t.overrunSeconds).toBeGreaterThanOrEqual(0);
        expect(t.overrun ? t.remainingSeconds === 0 : t.overrunSeconds === 0).toBe(true);
        expect(t.elapsedSeconds).toBeLessThanOrEqual(limit + t.overrunSeconds);
      }),
    );
  });
});
