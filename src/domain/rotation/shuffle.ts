/**
 * The deterministic, publicly checkable shuffle behind fair rotations.
 *
 * To derive the order of cycle k (anyone can redo this by hand or in any language):
 *
 * 1. Hash input: the UTF-8 bytes of `seed + ':' + k`, with k written in decimal
 *    (no sign, no leading zeros). Example: seed `rot42:blue-harbour`, cycle 3 →
 *    `rot42:blue-harbour:3`.
 * 2. Digest: SHA-256 of those bytes (`printf '%s' 'rot42:blue-harbour:3' | sha256sum`).
 * 3. PRNG: sfc32 (Chris Doty-Humphrey's Small Fast Chaotic generator, 32-bit) with
 *    state a, b, c, d = the digest's bytes 0–3, 4–7, 8–11, 12–15, each read as a
 *    big-endian unsigned 32-bit integer. No outputs are discarded. Each step, in
 *    unsigned 32-bit arithmetic (all additions mod 2^32):
 *        out = a + b + d;  d = d + 1;  a = b XOR (b >> 9);
 *        b = c + (c << 3);  c = ((c << 21) | (c >> 11)) + out;  return out
 * 4. Uniform integer in [0, m): draw x; if x ≥ 2^32 − (2^32 mod m), reject it and
 *    draw again; else the result is x mod m (rejection sampling: no modulo bias).
 * 5. Members: the cycle's member ids sorted ascending by UTF-16 code units (JavaScript's
 *    `<` on strings; for ASCII ids this is plain byte order), so input order never matters.
 * 6. Fisher–Yates: for i = n−1 down to 1: j = uniform(i + 1); exchange items i and j.
 *    Position 0 of the result takes the cycle's first slot, position 1 the second, …
 */
import { sha256 } from './sha256';

export type Random32 = () => number;

/** sfc32 as specified above; returns unsigned 32-bit integers. */
export function sfc32(a0: number, b0: number, c0: number, d0: number): Random32 {
  let a = a0 >>> 0;
  let b = b0 >>> 0;
  let c = c0 >>> 0;
  let d = d0 >>> 0;
  return () => {
    const out = (a + b + d) >>> 0;
    d = (d + 1) >>> 0;
    a = (b ^ (b >>> 9)) >>> 0;
    b = (c + (c << 3)) >>> 0;
    c = (((c << 21) | (c >>> 11)) + out) >>> 0;
    return out;
  };
}

/** Steps 1–3: the generator for `seed` and `cycle`. */
export function cycleRandom(seed: string, cycle: number): Random32 {
  const digest = sha256(`${seed}:${cycle}`);
  const view = new DataView(digest.buffer);
  return sfc32(view.getUint32(0), view.getUint32(4), view.getUint32(8), view.getUint32(12));
}

const TWO_32 = 0x1_0000_0000;

/** Step 4: unbiased integer in [0, m), for 1 ≤ m ≤ 2^32. */
export function uniformInt(random: Random32, m: number): number {
  const limit = TWO_32 - (TWO_32 % m);
  for (;;) {
    const x = random();
    if (x < limit) return x % m;
  }
}

export const compareIds = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Steps 5–6: the order of `members` for `seed` and `cycle`. */
export function shuffledOrder(members: readonly string[], seed: string, cycle: number): readonly string[] {
  const order = [...members].sort(compareIds);
  const random = cycleRandom(seed, cycle);
  for (let i = order.length - 1; i > 0; i--) {
    const j = uniformInt(random, i + 1);
    const held = order[i]!;
    order[i] = order[j]!;
    order[j] = held;
  }
  return order;
}
