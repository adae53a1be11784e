import type { EntryId, MembershipEntry } from './types';

export interface LogOrder {
  /** Every placeable entry, parents first; ties broken by (counter, id). */
  readonly ordered: readonly MembershipEntry[];
  /** Entries with a missing ancestor (or, impossible with real hashes, a cycle), by (counter, id). */
  readonly pending: readonly MembershipEntry[];
}

const before = (a: MembershipEntry, b: MembershipEntry): boolean =>
  a.counter !== b.counter ? a.counter < b.counter : a.id < b.id;

/**
 * Deterministic topological order of the causal DAG (Kahn's algorithm with a min-heap on
 * (counter, id)). The result depends only on the set of entries, never on arrival order.
 * `entries` must have unique ids; entries are handled by index for speed (10,000+ entries).
 */
export function orderLog(entries: ReadonlyMap<EntryId, MembershipEntry>): LogOrder {
  const list = [...entries.values()];
  const index = new Map<EntryId, number>();
  for (let i = 0; i < list.length; i += 1) index.set(list[i]!.id, i);
  const waiting = new Float64Array(list.length);
  const children: number[][] = new Array(list.length);
  const heap: number[] = [];
  const less = (a: number, b: number): boolean => before(list[a]!, list[b]!);
  for (let i = 0; i < list.length; i += 1) {
    for (const parent of list[i]!.parents) {
      const p = index.get(parent);
      if (p === undefined) {
        waiting[i] = Number.POSITIVE_INFINITY;
        break;
      }
      waiting[i]! += 1;
      const siblings = children[p];
      if (siblings === undefined) children[p] = [i];
      else siblings.push(i);
    }
    if (waiting[i] === 0) push(heap, i, less);
  }
  const ordered: MembershipEntry[] = [];
  for (let next = pop(heap, less); next !== undefined; next = pop(heap, less)) {
    ordered.push(list[next]!);
    for (const child of children[next] ?? []) {
      waiting[child]! -= 1;
      if (waiting[child] === 0) push(heap, child, less);
    }
  }
  const pending = list.filter((_, i) => waiting[i]! > 0).sort((a, b) => (before(a, b) ? -1 : 1));
  return { ordered, pending };
}

type Less = (a: number, b: number) => boolean;

function push(heap: number[], item: number, less: Less): void {
  heap.push(item);
  let i = heap.length - 1;
  while (i > 0) {
    const parent = (i - 1) >> 1;
    if (!less(heap[i]!, heap[parent]!)) break;
    [heap[i], heap[parent]] = [heap[parent]!, heap[i]!];
    i = parent;
  }
}

function pop(heap: number[], less: Less): number | undefined {
  const top = heap[0];
  const last = heap.pop();
  if (top === undefined || last === undefined || heap.length === 0) return top;
  heap[0] = last;
  let i = 0;
  for (;;) {
    const left = 2 * i + 1;
    const right = left + 1;
    let smallest = i;
    if (left < heap.length && less(heap[left]!, heap[smallest]!)) smallest = left;
    if (right < heap.length && less(heap[right]!, heap[smallest]!)) smallest = right;
    if (smallest === i) return top;
    [heap[i], heap[smallest]] = [heap[smallest]!, heap[i]!];
    i = smallest;
  }
}
