/** Fractional order keys over [0-9a-z]: a key strictly between any two keys always exists. */
const DIGITS = '0123456789abcdefghijklmnopqrstuvwxyz';

function midpoint(a: string, b: string | null): string {
  if (b !== null) {
    let n = 0;
    while ((a[n] ?? '0') === b[n]) n++;
    if (n > 0) return b.slice(0, n) + midpoint(a.slice(n), b.slice(n));
  }
  const digitA = a.length > 0 ? DIGITS.indexOf(a[0] ?? '0') : 0;
  const digitB = b !== null && b.length > 0 ? DIGITS.indexOf(b[0] ?? '0') : DIGITS.length;
  if (digitB - digitA > 1) return DIGITS[Math.round((digitA + digitB) / 2)] ?? 'h';
  if (b !== null && b.length > 1) return b.slice(0, 1);
  return (DIGITS[digitA] ?? '0') + midpoint(a.slice(1), null);
}

const clean = (key: string | null): string | null => (key !== null && /^[0-9a-z]*[1-9a-z]$/.test(key) ? key : null);

/**
 * A key that sorts (by code units) after `before` and before `after`; either may be null for an
 * end. Malformed or out-of-order neighbours are ignored rather than thrown on (synced data).
 */
export function keyBetween(before: string | null, after: string | null): string {
  const a = clean(before) ?? '';
  let b = clean(after);
  if (b !== null && a >= b) b = null;
  return midpoint(a, b);
}
