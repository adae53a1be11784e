import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { MemberId } from '../../../src/domain/meeting/ids';
import type { HandRaise, QueueMode, SpeakerQueue } from '../../../src/domain/meeting/speaker-queue';
import { callNext, lowerHand, nextRaiseStamp, nextSpeaker, orderQueue, raiseHand } from '../../../src/domain/meeting/speaker-queue';
import { member } from './fixtures';

const hand = (id: string, raisedAt: number, lowered?: boolean): HandRaise => ({ memberId: member(id), raisedAt, lowered });
const queue = (mode: QueueMode, hands: HandRaise[], turns: string[] = []): SpeakerQueue => ({
  mode,
  hands,
  turns: turns.map(member),
  current: null,
});
const order = (q: SpeakerQueue) => orderQueue(q).map((e) => e.memberId as string);

describe('orderQueue', () => {
  const hands = [hand('ana', 1), hand('bo', 2), hand('cy', 3), hand('dee', 4)];
  const turns = ['ana', 'ana', 'bo', 'dee', 'x'];

  it('fifo orders by raise stamp only', () => {
    expect(order(queue('fifo', hands, turns))).toEqual(['ana', 'bo', 'cy', 'dee']);
  });

  it('progressive stack puts first-time speakers first, then fewer turns, then raise order', () => {
    expect(order(queue('progressive', hands, turns))).toEqual(['cy', 'bo', 'dee', 'ana']);
  });

  it('breaks equal stamps by member id, by code units not locale', () => {
    expect(order(queue('fifo', [hand('b', 5), hand('a', 5), hand('B', 5), hand('ä', 5)]))).toEqual(['B', 'a', 'b', 'ä']);
  });

  it('ignores lowered hands and lists each member once, at the earliest raised hand', () => {
    const q = queue('fifo', [hand('ana', 1, true), hand('bo', 2), hand('ana', 5), hand('bo', 9), hand('cy', 3, true)]);
    expect(orderQueue(q)).toEqual([
      { memberId: 'bo', raisedAt: 2, timesSpoken: 0 },
      { memberId: 'ana', raisedAt: 5, timesSpoken: 0 },
    ]);
  });

  it('sorts garbage stamps last instead of scrambling the order', () => {
    expect(order(queue('fifo', [hand('z', Number.NaN), hand('y', 2), hand('x', Number.POSITIVE_INFINITY)]))).toEqual(['y', 'x', 'z']);
  });

  it('gives the same order for any arrival order of the same data (every device agrees)', () => {
    const ids = ['ana', 'bo', 'cy', 'dee', 'eve', 'fay'];
    const entry = fc.record({
      memberId: fc.constantFrom(...ids).map(member),
      raisedAt: fc.integer({ min: 0, max: 6 }),
      lowered: fc.option(fc.boolean(), { nil: undefined }),
    });
    fc.assert(
      fc.property(
        fc.array(entry, { maxLength: 20 }),
        fc.array(fc.constantFrom(...ids).map(member), { maxLength: 12 }),
        fc.constantFrom<QueueMode>('fifo', 'progressive'),
        fc.integer(),
        (raised, turns, mode, seed) => {
          const shuffle = <T>(list: readonly T[]): T[] => {
            const copy = [...list];
            let s = seed;
            for (let i = copy.length - 1; i > 0; i--) {
              s = (s * 1_103_515_245 + 12_345) & 0x7fffffff;
              const j = s % (i + 1);
              [copy[i], copy[j]] = [copy[j]!, copy[i]!];
            }
            return copy;
          };
          const a = orderQueue({ mode, hands: raised, turns, current: null });
          const b = orderQueue({ mode, hands: shuffle(raised), turns: shuffle(turns), current: null });
          expect(b).toEqual(a);
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('progressive order never puts someone with more turns ahead of someone with fewer', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.constantFrom('a', 'b', 'c', 'd', 'e'), { minLength: 1 }),
        fc.array(fc.constantFrom('a', 'b', 'c', 'd', 'e'), { maxLength: 15 }),
        (raisers, turns) => {
          const entries = orderQueue(queue('progressive', raisers.map((id, i) => hand(id, raisers.length - i)), turns));
          for (let i = 1; i < entries.length; i++) expect(entries[i - 1]!.timesSpoken).toBeLessThanOrEqual(entries[i]!.timesSpoken);
        },
      ),
    );
  });
});

describe('callNext', () => {
  it('gives the floor, lowers the hand, logs the turn and leaves the input untouched', () => {
    const before = queue('progressive', [hand('ana', 1), hand('bo', 2)], ['ana']);
    const after = callNext(before, 1000);
    expect(after.current).toEqual({ memberId: 'bo', since: 1000 });
    expect(after.turns).toEqual(['ana', 'bo']);
    expect(order(after)).toEqual(['ana']);
    expect(before.current).toBeNull();
    expect(order(before)).toEqual(['bo', 'ana']);
  });

  it('runs a whole progressive round', () => {
    let q = queue('progressive', [hand('ana', 1), hand('bo', 2), hand('cy', 3)]);
    const spoken: MemberId[] = [];
    q = callNext(q, 0);
    spoken.push(q.current!.memberId);
    q = raiseHand(q, member('ana'));
    q = callNext(q, 1);
    spoken.push(q.current!.memberId);
    q = callNext(q, 2);
    spoken.push(q.current!.memberId);
    q = callNext(q, 3);
    spoken.push(q.current!.memberId);
    // Ana raised again at once, but bo and cy had not spoken yet.
    expect(spoken).toEqual(['ana', 'bo', 'cy', 'ana']);
    expect(nextSpeaker(q)).toBeNull();
    expect(callNext(q, 4).current).toBeNull();
  });

  it('stamps new raises after everything seen and can lower a hand', () => {
    const q = queue('fifo', [hand('ana', 7), hand('bo', Number.NaN)]);
    expect(nextRaiseStamp(q)).toBe(8);
    expect(nextRaiseStamp(q, 12)).toBe(13);
    expect(order(lowerHand(raiseHand(q, member('cy')), member('ana')))).toEqual(['cy', 'bo']);
  });
});
