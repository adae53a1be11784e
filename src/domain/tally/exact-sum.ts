/**
 * Exact floating-point summation (Shewchuk's algorithm, as in Python's `math.fsum`).
 *
 * The result is the exact sum of the inputs rounded once to the nearest double, so it does
 * not depend on the order in which values are added. Tallies use it wherever fractional
 * weights are summed: two devices that receive the same ballots in a different order (CRDT
 * merge order) therefore compute bit-identical totals.
 */

/** Running partial sums: non-overlapping doubles in increasing magnitude. Start with `[]`. */
export type ExactSum = number[];

export function addExact(partials: ExactSum, value: number): void {
  let x = value;
  let used = 0;
  for (let k = 0; k < partials.length; k++) {
    let y = partials[k]!;
    if (Math.abs(x) < Math.abs(y)) {
      const swap = x;
      x = y;
      y = swap;
    }
    const hi = x + y;
    const lo = y - (hi - x);
    if (lo !== 0) partials[used++] = lo;
    x = hi;
  }
  if (used === partials.length) partials.push(x);
  else {
    partials[used] = x;
    if (partials.length !== used + 1) partials.length = used + 1;
  }
}

/** The correctly rounded value of the partials (half-even across partials, like fsum). */
export function exactValue(partials: Readonly<ExactSum>): number {
  let n = partials.length;
  if (n === 0) return 0;
  let hi = partials[--n]!;
  let lo = 0;
  while (n > 0) {
    const x = hi;
    const y = partials[--n]!;
    hi = x + y;
    lo = y - (hi - x);
    if (lo !== 0) break;
  }
  const next = n > 0 ? partials[n - 1]! : 0;
  if ((lo < 0 && next < 0) || (lo > 0 && next > 0)) {
    const y = lo * 2;
    const x = hi + y;
    if (y === x - hi) hi = x;
  }
  return hi;
}

export function exactSum(values: ArrayLike<number>): number {
  // Fast path: safe integers whose running sum stays safe are added exactly in any order.
  let plain = 0;
  let k = 0;
  for (; k < values.length; k++) {
    const value = values[k]!;
    plain += value;
    if (!Number.isSafeInteger(value) || !Number.isSafeInteger(plain)) break;
  }
  if (k === values.length) return plain;
  const partials: ExactSum = [];
  for (let i = 0; i < values.length; i++) addExact(partials, values[i]!);
  return exactValue(partials);
}
