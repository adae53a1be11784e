import { keyBetween } from './order-key';

interface Ordered {
  readonly id: string;
  readonly orderKey: string;
}

/**
 * The new order key that puts `id` just before `beforeId` (null: at the end), among items already
 * in agenda order. Null when nothing would change or an id is unknown. Only the moved item gets a
 * new key, so a concurrent move or insert elsewhere on another device still merges.
 */
export function keyToMove(items: readonly Ordered[], id: string, beforeId: string | null): string | null {
  const from = items.findIndex((item) => item.id === id);
  if (from < 0 || beforeId === id) return null;
  const rest = items.filter((item) => item.id !== id);
  const at = beforeId === null ? rest.length : rest.findIndex((item) => item.id === beforeId);
  if (at < 0) return null;
  const current = beforeId === null ? items.at(-1)?.id === id : items[from + 1]?.id === beforeId;
  if (current) return null;
  return keyBetween(rest[at - 1]?.orderKey ?? null, rest[at]?.orderKey ?? null);
}

/** Key for moving `id` one place up (-1) or down (+1); null at either end. */
export function keyToStep(items: readonly Ordered[], id: string, direction: -1 | 1): string | null {
  const index = items.findIndex((item) => item.id === id);
  if (index < 0) return null;
  if (direction < 0) return index === 0 ? null : keyToMove(items, id, items[index - 1]?.id ?? null);
  if (index === items.length - 1) return null;
  return keyToMove(items, id, items[index + 2]?.id ?? null);
}
