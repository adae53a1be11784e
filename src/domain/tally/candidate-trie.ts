/**
 * Candidate names as a byte trie over their UTF-8 forms, for the tally CLI's scanner
 * (ranked-scan.ts): a ballot's name is matched while its bytes are read, one table step per byte,
 * with no string decoded. next[(state << 8) | byte] is the following state (0: no candidate
 * spelled so); candidateAt[state] is candidate index + 1 where a whole name ends (0: none).
 *
 * Names with a quote, a backslash or a control character are left out on purpose (null): in a
 * JSON file they must be escaped, and the scanner reads only unescaped strings, so the bytes it
 * accepts are exactly the name. So are names with a lone surrogate (no exact UTF-8 form) and
 * candidate lists too long for a small table (MAX_STATES).
 */
export interface CandidateTrie {
  readonly candidates: readonly string[];
  readonly next: Uint16Array;
  readonly candidateAt: Int32Array;
}

export const ROOT = 1;

/** At most this many states (one per name byte): a 2 MB table at most. */
const MAX_STATES = 4096;

export function candidateTrie(candidates: readonly string[]): CandidateTrie | null {
  const encoded: Uint8Array[] = [];
  let states = ROOT + 1;
  const encoder = new TextEncoder();
  for (const name of candidates) {
    if (!isPlainName(name)) return null;
    const bytes = encoder.encode(name);
    states += bytes.length;
    encoded.push(bytes);
  }
  if (states > MAX_STATES) return null;
  const next = new Uint16Array(states << 8);
  const candidateAt = new Int32Array(states);
  let used = ROOT + 1;
  encoded.forEach((bytes, index) => {
    let state = ROOT;
    for (const byte of bytes) {
      const slot = (state << 8) | byte;
      if (next[slot] === 0) next[slot] = used++;
      state = next[slot]!;
    }
    // Names are distinct (parseCandidates checks), so no two end at the same state.
    candidateAt[state] = index + 1;
  });
  return { candidates, next, candidateAt };
}

/** No quote, backslash, control character or lone surrogate. */
function isPlainName(name: string): boolean {
  for (let i = 0; i < name.length; i++) {
    const c = name.charCodeAt(i);
    if (c < 0x20 || c === 0x22 || c === 0x5c) return false;
    if (c >= 0xd800 && c <= 0xdbff) {
      const low = name.charCodeAt(i + 1);
      if (!(low >= 0xdc00 && low <= 0xdfff)) return false;
      i++;
    } else if (c >= 0xdc00 && c <= 0xdfff) return false;
  }
  return true;
}
