import type { Rotation } from '../../../src/domain/rotation/model';
import type { Result } from '../../../src/domain/result';

export const rotation = (overrides: Partial<Rotation> = {}): Rotation => ({
  id: 'rot1',
  period: 'weekly',
  start: '2026-01-05',
  seed: 'rot1:blue-harbour',
  participants: ['ana', 'ben', 'chi'],
  changes: [],
  swaps: [],
  ...overrides,
});

export function unwrap<T, E>(result: Result<T, E>): T {
  if (!result.ok) throw new Error(`expected ok, got ${JSON.stringify(result.error)}`);
  return result.value;
}

export const ids = (slots: readonly { readonly memberId: string }[]): readonly string[] => slots.map((s) => s.memberId);

export const byId = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
