import { describe, expect, it } from 'vitest';
import { keyToMove, keyToStep } from '../../../src/domain/meeting/agenda-order';
import { keyBetween } from '../../../src/domain/meeting/order-key';

const items = (...ids: string[]) => {
  let key: string | null = null;
  return ids.map((id) => {
    key = keyBetween(key, null);
    return { id, orderKey: key };
  });
};

/** Applies a move and returns the new order of ids. */
function order(list: { id: string; orderKey: string }[], id: string, key: string | null): string[] {
  const moved = list.map((item) => (item.id === id && key !== null ? { ...item, orderKey: key } : item));
  return moved.sort((x, y) => (x.orderKey < y.orderKey ? -1 : x.orderKey > y.orderKey ? 1 : 0)).map((item) => item.id);
}

describe('agenda order', () => {
  it('drops an item before another, or at the end', () => {
    const list = items('a', 'b', 'c', 'd');
    expect(order(list, 'd', keyToMove(list, 'd', 'a'))).toEqual(['d', 'a', 'b', 'c']);
    expect(order(list, 'a', keyToMove(list, 'a', 'c'))).toEqual(['b', 'a', 'c', 'd']);
    expect(order(list, 'a', keyToMove(list, 'a', null))).toEqual(['b', 'c', 'd', 'a']);
  });

  it('returns null when nothing would change or ids are unknown', () => {
    const list = items('a', 'b', 'c');
    expect(keyToMove(list, 'a', 'b')).toBeNull();
    expect(keyToMove(list, 'c', null)).toBeNull();
    expect(keyToMove(list, 'b', 'b')).toBeNull();
    expect(keyToMove(list, 'x', 'a')).toBeNull();
    expect(keyToMove(list, 'a', 'x')).toBeNull();
  });

  it('steps one place up or down, not past either end (keyboard)', () => {
    const list = items('a', 'b', 'c');
    expect(order(list, 'b', keyToStep(list, 'b', -1))).toEqual(['b', 'a', 'c']);
    expect(order(list, 'b', keyToStep(list, 'b', 1))).toEqual(['a', 'c', 'b']);
    expect(order(list, 'a', keyToStep(list, 'a', 1))).toEqual(['b', 'a', 'c']);
    expect(keyToStep(list, 'a', -1)).toBeNull();
    expect(keyToStep(list, 'c', 1)).toBeNull();
  });

  it('keeps working after many moves to the same place (keys stay between their neighbours)', () => {
    let list = items('a', 'b', 'c');
    // Always the last item to the front: keys get squeezed below the first one again and again.
    for (let i = 0; i < 60; i++) {
      const id = list.at(-1)?.id as string;
      const key = keyToMove(list, id, list[0]?.id ?? null);
      expect(key).not.toBeNull();
      list = list.map((item) => (item.id === id ? { ...item, orderKey: key as string } : item)).sort((x, y) => (x.orderKey < y.orderKey ? -1 : 1));
      expect(list[0]?.id).toBe(id);
    }
  });
});
