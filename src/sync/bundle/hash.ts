/** SHA-256 via WebCrypto, present in browsers (secure contexts) and Node 20. */
export async function sha256(bytes: Uint8Array): Promise<Uint8Array> {
  // WebCrypto's typings want ArrayBuffer-backed views; copy only the rare shared-buffer case.
  const view = bytes.buffer instanceof ArrayBuffer ? (bytes as Uint8Array<ArrayBuffer>) : bytes.slice();
  return new Uint8Array(await crypto.subtle.digest('SHA-256', view));
}

export const toHex = (bytes: Uint8Array): string => Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');

export const sha256Hex = async (bytes: Uint8Array): Promise<string> => toHex(await sha256(bytes));

/** Compares digests without early exit (no timing oracle, cheap at 32 bytes). */
export function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a[i]! ^ b[i]!;
  return diff === 0;
}
