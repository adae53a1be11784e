/**
 * Yjs state vectors (client id → clock) in Yjs's own encoding (lib0 var-uints: a count, then
 * client/clock pairs, highest client first), without Yjs: the sync history reads and writes the
 * vectors it stores on every start, also on a device whose documents (and Yjs) are not loaded.
 */
export type StateVector = ReadonlyMap<number, number>;

// Above 2^31 JavaScript's bit operators wrap, so the 7-bit groups are split with arithmetic.
function writeVarUint(out: number[], value: number): void {
  let rest = value;
  while (rest > 0x7f) {
    out.push(0x80 | (rest % 0x80));
    rest = Math.floor(rest / 0x80);
  }
  out.push(rest);
}

/** Encodes as `Y.encodeStateVector` does (byte for byte). */
export function encodeStateVector(vector: StateVector): Uint8Array {
  const out: number[] = [];
  writeVarUint(out, vector.size);
  for (const [client, clock] of [...vector].sort((a, b) => b[0] - a[0])) {
    writeVarUint(out, client);
    writeVarUint(out, clock);
  }
  return Uint8Array.from(out);
}

/** Decodes what `Y.encodeStateVector` wrote; null for bytes that are not a state vector. */
export function decodeStateVector(bytes: Uint8Array): Map<number, number> | null {
  let position = 0;
  const readVarUint = (): number | null => {
    let value = 0;
    let factor = 1;
    while (position < bytes.length) {
      const byte = bytes[position++] as number;
      value += (byte & 0x7f) * factor;
      if (byte < 0x80) return value;
      factor *= 0x80;
      if (value > Number.MAX_SAFE_INTEGER) return null;
    }
    return null;
  };
  const size = readVarUint();
  if (size === null) return null;
  const vector = new Map<number, number>();
  for (let index = 0; index < size; index++) {
    const client = readVarUint();
    const clock = readVarUint();
    if (client === null || clock === null) return null;
    vector.set(client, clock);
  }
  return vector;
}
