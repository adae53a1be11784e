/**
 * Fast path for the tally CLI's commonest big input: the minimal format with irv, stv or schulze
 * and ballots of only "ranking", "count" and "weight". It reads the file's UTF-8 bytes once and
 * turns each ranking straight into candidate indices (a name matches when its bytes are exactly a
 * candidate's UTF-8 form), instead of JSON.parse building 100,000 objects of fresh strings.
 * Only valid input it fully understands is taken; anything else (another method or key, escapes in
 * ballot strings, a duplicate key, "ballots" before "candidates", an unknown or repeated candidate,
 * invalid JSON, ...) returns null and the caller takes the normal path (JSON.parse +
 * parseTallyInput) with its exact result or message. Method, candidates, seats and seed are cut out
 * and given to JSON.parse (valid UTF-8 only). ranked-scan.test.ts fuzzes this against JSON.parse.
 */
import { type CandidateTrie, candidateTrie, ROOT } from './candidate-trie';
import { asciiBytes, bytesAre, numberEnd, numberValue, plainStringEnd, QUOTE, skipSpace, valueEnd } from './json-bytes';
import type { Json } from './parse-fields';
import { parseCandidates } from './parse-input';
import { type RankedScan, rankedRequest } from './ranked-request';

const COMMA = 0x2c;
const COLON = 0x3a;

/** Thrown only inside this module to leave the scan; never escapes scanRankedInput. */
const GIVE_UP = Symbol('give up');

/** `bytes`: the file as read (a UTF-8 byte order mark is skipped, as the CLI strips it from text). */
export function scanRankedInput(bytes: Uint8Array): RankedScan | null {
  try {
    return new Scanner(bytes).input();
  } catch (error) {
    if (error === GIVE_UP) return null;
    throw error;
  }
}

function giveUp(): never {
  throw GIVE_UP;
}

class Scanner {
  private pos = 0;
  // Ballots as indices, grown on demand.
  private count = 0;
  private offsets: Int32Array;
  private prefs: Int32Array;
  private masses: Float64Array;
  /** Every ballot so far has a non-empty ranking and a positive safe integer mass (safe total). */
  private plain = true;
  private total = 0;
  private names: CandidateTrie | undefined;
  private stamp = new Int32Array(0);

  constructor(private readonly s: Uint8Array) {
    // Sized from the file (a ballot takes at least 15 bytes, a preference 4), so rarely grown.
    const ballots = Math.max(1024, Math.floor(s.length / 48));
    this.offsets = new Int32Array(ballots + 1);
    this.masses = new Float64Array(ballots);
    this.prefs = new Int32Array(ballots * 8);
    if (s[0] === 0xef && s[1] === 0xbb && s[2] === 0xbf) this.pos = 3;
  }

  input(): RankedScan | null {
    const values = new Map<string, unknown>();
    let ballotsSeen = false;
    this.ws();
    this.expect(0x7b); // {
    this.ws();
    for (;;) {
      const key = this.plainString();
      this.ws();
      this.expect(COLON);
      this.ws();
      if (values.has(key) || (key === 'ballots' && ballotsSeen)) giveUp();
      if (key === 'ballots') {
        if (this.names === undefined) giveUp();
        this.ballots();
        ballotsSeen = true;
      } else if (key === 'method' || key === 'candidates' || key === 'seats' || key === 'seed') {
        const start = this.pos;
        this.skipValue();
        const value = parseSlice(this.s.subarray(start, this.pos));
        values.set(key, value);
        if (key === 'candidates') {
          const names = parseCandidates(value as Json);
          if (!names.ok) giveUp();
          const trie = candidateTrie(names.value);
          if (trie === null) giveUp();
          this.names = trie;
          this.stamp = new Int32Array(names.value.length);
        }
      } else giveUp();
      this.ws();
      const c = this.s[this.pos++];
      if (c === COMMA) this.ws();
      else if (c === 0x7d) break; // }
      else giveUp();
    }
    this.ws();
    if (this.pos !== this.s.length || !ballotsSeen || this.names === undefined) giveUp();
    return this.request(values, this.names.candidates);
  }

  private request(values: ReadonlyMap<string, unknown>, candidates: readonly string[]): RankedScan | null {
    const { count, offsets, prefs, masses } = this;
    const plain = this.plain && this.total <= Number.MAX_SAFE_INTEGER;
    return rankedRequest(values, candidates, { count, offsets, prefs, masses, plain });
  }

  private ballots(): void {
    this.expect(0x5b); // [
    this.ws();
    if (this.s[this.pos] === 0x5d) {
      this.pos++;
      return;
    }
    for (;;) {
      this.ballot();
      this.ws();
      const c = this.s[this.pos++];
      if (c === COMMA) this.ws();
      else if (c === 0x5d) return; // ]
      else giveUp();
    }
  }

  /** One {"ranking": [...], "count": n, "weight": w} object (count and weight optional, any order). */
  private ballot(): void {
    const b = this.count;
    if (b + 1 >= this.masses.length) this.growBallots();
    let ranking = false;
    let weight: number | undefined;
    let count: number | undefined;
    if (bytesAre(this.s, this.pos, this.pos + RANKING_FIRST.length, RANKING_FIRST)) {
      // The usual {"ranking":[...]} without spaces: no key to look up.
      this.pos += RANKING_FIRST.length;
      this.ranking(b);
      ranking = true;
      const c = this.s[this.pos++];
      if (c === 0x7d) {
        this.endBallot(b, 1, 1); // }
        return;
      }
      this.pos--;
      this.ws();
      if (this.s[this.pos++] !== COMMA) giveUp();
    } else this.expect(0x7b); // {
    this.ws();
    for (;;) {
      const key = this.ballotKey();
      this.ws();
      this.expect(COLON);
      this.ws();
      if (key === RANKING && !ranking) {
        this.ranking(b);
        ranking = true;
      } else if (key === COUNT && count === undefined) {
        count = this.number();
        if (!Number.isSafeInteger(count) || count < 0) giveUp();
      } else if (key === WEIGHT && weight === undefined) {
        weight = this.number();
        if (!Number.isFinite(weight) || weight < 0) giveUp();
      } else giveUp();
      this.ws();
      const c = this.s[this.pos++];
      if (c === COMMA) this.ws();
      else if (c === 0x7d) break; // }
      else giveUp();
    }
    if (!ranking) giveUp();
    this.endBallot(b, weight ?? 1, count ?? 1);
  }

  private endBallot(b: number, weight: number, count: number): void {
    const mass = weight * count;
    if (!Number.isFinite(mass)) giveUp();
    this.masses[b] = mass;
    this.count = b + 1;
    this.total += mass;
    if (!(mass > 0) || !Number.isSafeInteger(mass) || this.offsets[b + 1] === this.offsets[b]) this.plain = false;
  }

  /**
   * A ranking of known candidates, each at most once; its indices end at offsets[b + 1]. The
   * hottest loop of a big file, so it works on locals (cheap before V8 optimises it, which a
   * single cold run mostly is).
   */
  private ranking(b: number): void {
    const { s, stamp } = this;
    const { next: trie, candidateAt } = this.names!;
    let p = skipSpace(s, this.pos);
    if (s[p++] !== 0x5b) giveUp(); // [
    p = skipSpace(s, p);
    let used = this.offsets[b]!;
    let prefs = this.prefs;
    const use = b + 1;
    if (s[p] === 0x5d) p++;
    else {
      for (;;) {
        if (s[p++] !== QUOTE) giveUp();
        // Walk the name's bytes through the trie up to the closing quote.
        let state = ROOT;
        for (let byte = s[p]; byte !== QUOTE; byte = s[++p]) {
          state = trie[(state << 8) | byte!]!;
          if (state === 0) giveUp();
        }
        p++;
        const c = candidateAt[state]! - 1;
        if (c < 0 || stamp[c] === use) giveUp();
        stamp[c] = use;
        if (used >= prefs.length) prefs = this.growPrefs();
        prefs[used++] = c;
        let next = s[p++];
        if (next !== COMMA && next !== 0x5d) {
          p = skipSpace(s, p - 1);
          next = s[p++];
        }
        if (next === 0x5d) break; // ]
        if (next !== COMMA) giveUp();
        if (s[p] !== QUOTE) p = skipSpace(s, p);
      }
    }
    this.pos = p;
    this.offsets[b + 1] = used;
  }

  /** A ballot's key, compared byte by byte (no string per ballot): RANKING, COUNT, WEIGHT or OTHER. */
  private ballotKey(): number {
    const { s } = this;
    if (s[this.pos] !== QUOTE) giveUp();
    const start = this.pos + 1;
    const end = this.at(plainStringEnd(s, start));
    this.pos = end + 1;
    for (let key = 0; key < BALLOT_KEYS.length; key++) if (bytesAre(s, start, end, BALLOT_KEYS[key]!)) return key;
    return OTHER;
  }

  /** A top-level key: ASCII only (every key this scanner knows is). */
  private plainString(): string {
    if (this.s[this.pos] !== QUOTE) giveUp();
    const end = this.at(plainStringEnd(this.s, this.pos + 1));
    let value = '';
    for (let p = this.pos + 1; p < end; p++) {
      const c = this.s[p]!;
      if (c >= 0x80) giveUp();
      value += String.fromCharCode(c);
    }
    this.pos = end + 1;
    return value;
  }

  private number(): number {
    const start = this.pos;
    this.pos = this.at(numberEnd(this.s, start));
    return numberValue(this.s, start, this.pos);
  }

  private skipValue(): void {
    this.pos = this.at(valueEnd(this.s, this.pos));
  }

  private ws(): void {
    this.pos = skipSpace(this.s, this.pos);
  }

  /** A token step's end, or giving up on -1. */
  private at(end: number): number {
    if (end < 0) giveUp();
    return end;
  }

  private expect(code: number): void {
    if (this.s[this.pos] !== code) giveUp();
    this.pos++;
  }

  private growBallots(): void {
    const size = this.masses.length * 2;
    const offsets = new Int32Array(size + 1);
    offsets.set(this.offsets);
    const masses = new Float64Array(size);
    masses.set(this.masses);
    this.offsets = offsets;
    this.masses = masses;
  }

  private growPrefs(): Int32Array {
    const prefs = new Int32Array(this.prefs.length * 2);
    prefs.set(this.prefs);
    this.prefs = prefs;
    return prefs;
  }
}

const RANKING = 0;
const COUNT = 1;
const WEIGHT = 2;
const OTHER = -1;
const BALLOT_KEYS: readonly Uint8Array[] = ['ranking', 'count', 'weight'].map(asciiBytes);
const RANKING_FIRST = asciiBytes('{"ranking":');

/** Only valid UTF-8 is decoded here, so no replacement rule can differ from the normal path's. */
const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

const parseSlice = (bytes: Uint8Array): unknown => {
  try {
    return JSON.parse(strictUtf8.decode(bytes));
  } catch {
    return giveUp();
  }
};
