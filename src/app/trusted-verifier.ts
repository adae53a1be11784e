import type { EntryVerifier } from '../crypto/entry-signing';
import { createEntryVerifier, validateSignedLog } from '../crypto/entry-signing';
import { createVerifyPool, defaultPoolSize } from '../crypto/verify-pool';
import type { ValidateOptions } from '../domain/membership/validate';
import type { MembershipState } from '../domain/membership/view';
import type { Catalog } from '../persistence/catalog';

const KEY = 'membership-verified';
/** Saves are batched: a burst of synced entries costs one write. */
const SAVE_DELAY_MS = 2_000;

export type ValidateMembership = (entries: readonly unknown[], options: ValidateOptions) => Promise<MembershipState>;

/**
 * Signature checks remembered across reloads: the `id.signature` token of every entry this
 * device verified is kept in the catalog, and on the next start such an entry is accepted after
 * re-hashing alone (its bytes must still hash to its id). Opening a chapter with a long log then
 * costs no WebCrypto at all; only entries never seen before are verified.
 */
export function createTrustedValidation(catalog: Catalog): ValidateMembership {
  const dispatch = createVerifyPool(
    () => new Worker(new URL('../crypto/verify-worker.ts', import.meta.url), { type: 'module' }),
    defaultPoolSize(globalThis.navigator?.hardwareConcurrency),
  );
  let known = new Set<string>();
  const verifier: Promise<EntryVerifier> = catalog.readSetting<readonly string[]>(KEY).then(
    (tokens) => {
      known = new Set(Array.isArray(tokens) ? tokens.filter((token) => typeof token === 'string') : []);
      return createEntryVerifier({ trusted: known, dispatch });
    },
    () => createEntryVerifier({ dispatch }),
  );
  let timer: ReturnType<typeof setTimeout> | null = null;
  const save = (current: EntryVerifier): void => {
    timer = null;
    // Union: tokens of chapters not opened this session stay trusted.
    for (const token of current.verifiedTokens()) known.add(token);
    void catalog.writeSetting(KEY, [...known]).catch(() => undefined);
  };
  return async (entries, options) => {
    const current = await verifier;
    const state = await validateSignedLog(entries, options, current);
    if (timer === null && current.verifiedTokens().length > 0) {
      const fresh = current.verifiedTokens().some((token) => !known.has(token));
      if (fresh) timer = setTimeout(() => save(current), SAVE_DELAY_MS);
    }
    return state;
  };
}
