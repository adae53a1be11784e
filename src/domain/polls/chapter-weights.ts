/**
 * "Equal per affected chapter, split among its voters": each chapter with at least one counted
 * ballot has a total say of exactly 1, shared equally by its k voters.
 *
 * 1/k is rarely a double, and k copies of the nearest double do not always add up to 1 (k = 49
 * does not). So the split uses the two doubles around 1/k, a (≤ 1/k) and a + ulp: exactly
 * j = (1 − k·a) / ulp voters get the upper one, where j < k is a whole number, and the k shares
 * then add up to exactly 1. Who gets which is fixed by member id order, so every device agrees.
 * The two values differ by one unit in the 16th digit: shown rounded, every share reads 1/k.
 */

/** Exact value of a finite double as mantissa × 2^exponent (mantissa an integer). */
function parts(value: number): { mantissa: bigint; exponent: number } {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, value);
  const bits = view.getBigUint64(0);
  const biased = Number((bits >> 52n) & 0x7ffn);
  const fraction = bits & ((1n << 52n) - 1n);
  return biased === 0 ? { mantissa: fraction, exponent: -1074 } : { mantissa: fraction | (1n << 52n), exponent: biased - 1075 };
}

/** The k shares of 1 (k ≥ 1), in order: the larger ones first; their exact sum is 1. */
export function splitOne(k: number): number[] {
  if (!Number.isSafeInteger(k) || k < 1) return [];
  const count = BigInt(k);
  let lower = 1 / k;
  let { mantissa, exponent } = parts(lower);
  // 1 = one × 2^exponent, so 1 − k·lower = (one − k·mantissa) × 2^exponent, exactly.
  let one = 1n << BigInt(-exponent);
  if (mantissa * count > one) {
    // Rounded up: step one double down (1/k is not a power of two here, so the exponent stays).
    lower -= 2 ** exponent;
    ({ mantissa, exponent } = parts(lower));
    one = 1n << BigInt(-exponent);
  }
  const upperShares = Number(one - mantissa * count); // 0 ≤ j < k
  const upper = lower + 2 ** exponent;
  return Array.from({ length: k }, (_, i) => (i < upperShares ? upper : lower));
}

/**
 * Weight per voter key under 'perChapter': voters grouped by chapter, each group sorted by key,
 * and each group's shares from `splitOne`.
 */
export function perChapterWeights(voters: readonly { readonly key: string; readonly chapterId: string }[]): Map<string, number> {
  const byChapter = new Map<string, string[]>();
  for (const voter of voters) {
    const list = byChapter.get(voter.chapterId) ?? [];
    list.push(voter.key);
    byChapter.set(voter.chapterId, list);
  }
  const weights = new Map<string, number>();
  for (const keys of byChapter.values()) {
    keys.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    const shares = splitOne(keys.length);
    keys.forEach((key, i) => {
      weights.set(key, shares[i]!);
    });
  }
  return weights;
}
