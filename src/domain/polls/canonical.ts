/** The exact strings signatures cover and ids hash (UTF-8): every field but `id` and `signature`. */
import { canonicalJson } from '../membership/canonical';
import type { PollDefinition, UnsignedBallot, UnsignedCloseRecord } from './types';

export function canonicalSigned(record: PollDefinition | UnsignedBallot | UnsignedCloseRecord): string {
  const { id: _id, signature: _signature, ...unsigned } = record as typeof record & { id?: unknown; signature?: unknown };
  return canonicalJson(unsigned);
}
