import { canonicalJson } from '../membership/canonical';
import type { FederationEntry, UnsignedFederationEntry } from './types';

/** Domain-separated so a federation signature can never pass as a membership one (or back). */
const DOMAIN = 'chapterhouse-federation-v1';

/** The exact text a federation entry's signature covers and its id hashes (as UTF-8). */
export function canonicalFederationEntry(entry: FederationEntry | UnsignedFederationEntry): string {
  const { id: _id, signature: _signature, ...unsigned } = entry as Partial<FederationEntry>;
  return `${DOMAIN}\n${canonicalJson(unsigned)}`;
}
