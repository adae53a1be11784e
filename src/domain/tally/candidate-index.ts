/**
 * Name → candidate index lookup tuned for ballots decoded from JSON or a CRDT, where every
 * name is a fresh string object: a Map would hash each whole string once more, so this table
 * hashes only the length and three characters and confirms the match with `===`.
 * The first occurrence of a duplicated name wins.
 */
export class CandidateIndex {
  private readonly slots: Int32Array;
  private readonly mask: number;

  constructor(private readonly candidates: readonly string[]) {
    let size = 8;
    while (size < candidates.length * 4) size *= 2;
    this.slots = new Int32Array(size);
    this.mask = size - 1;
    candidates.forEach((name, index) => {
      if (this.indexOf(name) >= 0) return;
      let slot = sampleHash(name) & this.mask;
      while (this.slots[slot] !== 0) slot = (slot + 1) & this.mask;
      this.slots[slot] = index + 1;
    });
  }

  /** The candidate's index, or -1 when the name is not a candidate. */
  indexOf(name: string): number {
    let slot = sampleHash(name) & this.mask;
    for (;;) {
      const entry = this.slots[slot]!;
      if (entry === 0) return -1;
      if (this.candidates[entry - 1] === name) return entry - 1;
      slot = (slot + 1) & this.mask;
    }
  }
}

function sampleHash(name: string): number {
  const length = name.length;
  if (length === 0) return 0;
  const mixed =
    Math.imul(length, 0x9e3779b1) ^
    Math.imul(name.charCodeAt(0), 0x85ebca6b) ^
    Math.imul(name.charCodeAt(length >> 1), 0xc2b2ae35) ^
    Math.imul(name.charCodeAt(length - 1), 0x27d4eb2d);
  return (mixed ^ (mixed >>> 15)) >>> 0;
}
