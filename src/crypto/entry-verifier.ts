import { canonicalEntry } from '../domain/membership/canonical';
import { isWellFormed } from '../domain/membership/shape';
import type { MembershipEntry } from '../domain/membership/types';
import { sha256Base64url, utf8 } from './hash';
import { runCheck } from './signed-check';
import type { VerifyDispatch } from './verify-pool';

export interface EntryVerifier {
  /** True iff the entry is well formed, its id hashes its canonical form and its signature verifies. */
  readonly verifyEntry: (entry: unknown) => Promise<boolean>;
  /**
   * Verifies concurrently; returns the entry *objects* that verified (not their ids: a forged copy
   * can claim a genuine entry's id). Use as `validateLog(entries, (e) => set.has(e), …)`.
   * `whileVerifying` runs once every check has been started, while workers may still be busy.
   */
  readonly verifyAll: (entries: ReadonlyArray<unknown>, whileVerifying?: () => void) => Promise<ReadonlySet<unknown>>;
  /** `id.signature` of every entry verified so far: persist on this device, pass back as `trusted`. */
  readonly verifiedTokens: () => readonly string[];
  readonly clear: () => void;
}

export interface EntryVerifierOptions {
  /**
   * Tokens from an earlier `verifiedTokens()` on this device (e.g. kept in IndexedDB). An entry
   * they name is accepted after re-hashing alone: its content still has to hash to its id, so
   * only the exact bytes verified before pass, and reloading skips WebCrypto entirely.
   */
  readonly trusted?: Iterable<string>;
  /** Where signatures are checked; default this thread (see verify-pool.ts for workers). */
  readonly dispatch?: VerifyDispatch;
}

interface Cached {
  /** Everything the verdict depends on besides the id, so a forged copy never hits the cache. */
  readonly fingerprint: string;
  readonly result: Promise<boolean>;
}

/** Every CHUNK new verifications, verifyAll lets the event loop turn (see there). */
const CHUNK = 500;

/**
 * Each distinct entry is verified once. Results are cached by id, and a hit counts only if the
 * content matches too; an identity-keyed cache skips even that for the very same object
 * (entries are immutable once read from the CRDT).
 */
export function createEntryVerifier(options: EntryVerifierOptions = {}): EntryVerifier {
  const trusted = new Set(options.trusted);
  const verify = options.dispatch ?? runCheck;
  const verified = new Set<string>();
  let cache = new Map<string, Cached>();
  let seen = new WeakMap<object, Promise<boolean>>();

  const start = (entry: MembershipEntry, canonical: string): Promise<boolean> => {
    const token = `${entry.id}.${entry.signature}`;
    // Remembered: the hash alone, here and synchronously (no worker to start on a reload).
    // Otherwise encoding, hashing and verifying all happen where `verify` runs (workers, with a pool).
    const checked = trusted.has(token)
      ? Promise.resolve(sha256Base64url(utf8(canonical)) === entry.id)
      : verify({ key: entry.author, signature: entry.signature, id: entry.id, text: canonical });
    return checked.then((ok) => {
      if (ok) verified.add(token);
      return ok;
    });
  };

  /** The result, and whether new work was started. */
  const check = (entry: unknown): readonly [Promise<boolean>, boolean] => {
    const known = typeof entry === 'object' && entry !== null ? seen.get(entry) : undefined;
    if (known !== undefined) return [known, false];
    if (!isWellFormed(entry)) return [Promise.resolve(false), false];
    const canonical = canonicalEntry(entry);
    const fingerprint = `${entry.signature}.${canonical}`;
    const hit = cache.get(entry.id);
    const fresh = hit?.fingerprint !== fingerprint;
    const result = fresh ? start(entry, canonical) : hit.result;
    if (fresh) {
      const record = { fingerprint, result };
      // A second content under a known id replaces the first only if it verifies.
      if (hit === undefined) cache.set(entry.id, record);
      else void result.then((ok) => ok && cache.set(entry.id, record));
    }
    seen.set(entry, result);
    return [result, fresh];
  };

  const verifyAll = async (entries: ReadonlyArray<unknown>, whileVerifying?: () => void): Promise<ReadonlySet<unknown>> => {
    const results: Promise<boolean>[] = [];
    let started = 0;
    for (const entry of entries) {
      // Let the event loop turn now and then: keys imported meanwhile become ready, so later
      // verifications go to WebCrypto at once instead of all after the loop.
      if (started >= CHUNK) {
        started = 0;
        await nextTurn();
      }
      const [result, fresh] = check(entry);
      results.push(result);
      if (fresh) started += 1;
    }
    whileVerifying?.();
    const outcomes = await Promise.all(results);
    return new Set(entries.filter((_, index) => outcomes[index] === true));
  };

  const clear = (): void => {
    cache = new Map();
    seen = new WeakMap();
  };
  return { verifyEntry: (entry) => check(entry)[0], verifyAll, verifiedTokens: () => [...verified], clear };
}

/** One macrotask turn, without the 4 ms clamp browsers apply to nested timeouts. */
function nextTurn(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}
