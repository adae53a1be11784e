import { compareCodeUnits } from './compare';
import type { MemberId } from './ids';

export type QueueMode = 'fifo' | 'progressive';

/** One raised hand. `raisedAt` is a Lamport-style counter, so devices agree on order without trusting clocks. */
export interface HandRaise {
  readonly memberId: MemberId;
  readonly raisedAt: number;
  readonly lowered?: boolean;
}

export interface CurrentSpeaker {
  readonly memberId: MemberId;
  /** Epoch milliseconds when the floor was given. */
  readonly since: number;
}

export interface SpeakerQueue {
  readonly mode: QueueMode;
  readonly hands: readonly HandRaise[];
  /** One entry per turn taken, oldest first: an append-only log merges cleanly where a shared counter would not. */
  readonly turns: readonly MemberId[];
  readonly current: CurrentSpeaker | null;
}

export interface QueueEntry {
  readonly memberId: MemberId;
  readonly raisedAt: number;
  readonly timesSpoken: number;
}

/** NaN would make sorting inconsistent between engines; garbage stamps go last instead. */
const stamp = (raisedAt: number): number => (Number.isFinite(raisedAt) ? raisedAt : Number.POSITIVE_INFINITY);

function byRaise(a: QueueEntry, b: QueueEntry): number {
  if (a.raisedAt !== b.raisedAt) return a.raisedAt < b.raisedAt ? -1 : 1;
  return compareCodeUnits(a.memberId, b.memberId);
}

/** Progressive stack: fewer turns first (so those who have not spoken lead), then raise order. */
function byProgressive(a: QueueEntry, b: QueueEntry): number {
  if (a.timesSpoken !== b.timesSpoken) return a.timesSpoken - b.timesSpoken;
  return byRaise(a, b);
}

export function turnCounts(turns: readonly MemberId[]): ReadonlyMap<MemberId, number> {
  const counts = new Map<MemberId, number>();
  for (const id of turns) counts.set(id, (counts.get(id) ?? 0) + 1);
  return counts;
}

/** The waiting list, best first. Pure and total: the same hands and turns give the same order on every device. */
export function orderQueue(queue: SpeakerQueue): readonly QueueEntry[] {
  const counts = turnCounts(queue.turns);
  // A member appears once, at their earliest hand that is still up (double taps and re-syncs collapse).
  const earliest = new Map<MemberId, number>();
  for (const hand of queue.hands) {
    if (hand.lowered) continue;
    const at = stamp(hand.raisedAt);
    const known = earliest.get(hand.memberId);
    if (known === undefined || at < known) earliest.set(hand.memberId, at);
  }
  const entries = [...earliest].map(([memberId, raisedAt]) => ({ memberId, raisedAt, timesSpoken: counts.get(memberId) ?? 0 }));
  return entries.sort(queue.mode === 'progressive' ? byProgressive : byRaise);
}

export function nextSpeaker(queue: SpeakerQueue): QueueEntry | null {
  return orderQueue(queue)[0] ?? null;
}

/** Gives the floor to the next speaker: their hand goes down and the turn is logged. Nobody waiting ends the turn. */
export function callNext(queue: SpeakerQueue, now: number): SpeakerQueue {
  const next = nextSpeaker(queue);
  if (next === null) return { ...queue, current: null };
  return {
    ...queue,
    hands: queue.hands.map((hand) => (hand.memberId === next.memberId && !hand.lowered ? { ...hand, lowered: true } : hand)),
    turns: [...queue.turns, next.memberId],
    current: { memberId: next.memberId, since: now },
  };
}

/** The Lamport counter for a new raise: one past every stamp this device has seen. */
export function nextRaiseStamp(queue: SpeakerQueue, seen = 0): number {
  let max = Number.isFinite(seen) ? seen : 0;
  for (const hand of queue.hands) if (Number.isFinite(hand.raisedAt) && hand.raisedAt > max) max = hand.raisedAt;
  return Math.floor(max) + 1;
}

export function raiseHand(queue: SpeakerQueue, memberId: MemberId, raisedAt = nextRaiseStamp(queue)): SpeakerQueue {
  return { ...queue, hands: [...queue.hands, { memberId, raisedAt }] };
}

export function lowerHand(queue: SpeakerQueue, memberId: MemberId): SpeakerQueue {
  return { ...queue, hands: queue.hands.map((hand) => (hand.memberId === memberId ? { ...hand, lowered: true } : hand)) };
}
