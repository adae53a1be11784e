export interface SpeakerTimerInput {
  /** Epoch milliseconds when the speaker got the floor. */
  readonly speakingSince: number;
  /** Null for an untimed turn. */
  readonly limitSeconds: number | null;
  readonly now: number;
}

export interface SpeakerTimer {
  readonly elapsedSeconds: number;
  /** Counts down in whole seconds (rounded up, so "1" shows until the limit is reached); null when untimed. */
  readonly remainingSeconds: number | null;
  readonly overrunSeconds: number;
  readonly overrun: boolean;
}

export function speakerTimer(input: SpeakerTimerInput): SpeakerTimer {
  // Another device's clock may be behind the one that set speakingSince: never show negative time.
  const elapsedMs = Number.isFinite(input.now - input.speakingSince) ? Math.max(0, input.now - input.speakingSince) : 0;
  const elapsedSeconds = Math.floor(elapsedMs / 1000);
  const limit = input.limitSeconds;
  if (limit === null || !Number.isFinite(limit)) {
    return { elapsedSeconds, remainingSeconds: null, overrunSeconds: 0, overrun: false };
  }
  const limitMs = Math.max(0, limit) * 1000;
  return {
    elapsedSeconds,
    remainingSeconds: Math.ceil(Math.max(0, limitMs - elapsedMs) / 1000),
    overrunSeconds: Math.floor(Math.max(0, elapsedMs - limitMs) / 1000),
    overrun: elapsedMs > limitMs,
  };
}
