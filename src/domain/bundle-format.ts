import type { DocumentKind } from './document-kind';
import type { DocId, RoomSecret } from './ids';
import { isDocId, isRoomSecret } from './ids';
import type { Result } from './result';
import { err, ok } from './result';

/** One document listed in a bundle's manifest; its Yjs update follows the manifest in order. */
export interface BundleManifestEntry {
  readonly docId: DocId;
  readonly kind: DocumentKind;
  readonly title: string;
  readonly byteLength: number;
  /** Lowercase hex SHA-256 of the update bytes. */
  readonly sha256: string;
  /** Present only in bundles made with includeSecrets: whoever holds the file can join the room. */
  readonly secret?: RoomSecret;
}

export interface BundleManifest {
  readonly createdAt: string;
  readonly appVersion: string;
  readonly includesSecrets: boolean;
  readonly documents: readonly BundleManifestEntry[];
}

/** Limits a bundle must respect before anything is allocated for it (zip-bomb guard). */
export const BUNDLE_LIMITS = {
  maxDecompressedBytes: 200 * 1024 * 1024,
  maxManifestBytes: 16 * 1024 * 1024,
  maxDocuments: 10_000,
  maxTitleLength: 500,
  maxShortText: 64,
} as const;

// Adding a DocumentKind fails typechecking here until bundles know whether to accept it.
const KNOWN_KINDS = { chapter: true } as const satisfies Record<DocumentKind, true>;
const isKind = (value: unknown): value is DocumentKind => typeof value === 'string' && Object.hasOwn(KNOWN_KINDS, value);

const SHA256_HEX = /^[0-9a-f]{64}$/;

const isRecord = (value: unknown): value is Readonly<Record<string, unknown>> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const isShortText = (value: unknown, max: number): value is string => typeof value === 'string' && value.length <= max;

function parseEntry(value: unknown, includesSecrets: boolean, index: number): Result<BundleManifestEntry, string> {
  const where = `document ${index}`;
  if (!isRecord(value)) return err(`${where} is not an object`);
  const { docId, kind, title, byteLength, sha256, secret } = value;
  if (typeof docId !== 'string' || !isDocId(docId)) return err(`${where} has an invalid docId`);
  if (!isKind(kind)) return err(`${where} has an unknown kind`);
  if (!isShortText(title, BUNDLE_LIMITS.maxTitleLength)) return err(`${where} has an invalid title`);
  if (typeof byteLength !== 'number' || !Number.isSafeInteger(byteLength) || byteLength < 0) {
    return err(`${where} has an invalid byteLength`);
  }
  if (typeof sha256 !== 'string' || !SHA256_HEX.test(sha256)) return err(`${where} has an invalid sha256`);
  const entry = { docId, kind, title, byteLength, sha256 };
  if (secret === undefined) return ok(entry);
  // A secret in a bundle that claims to carry none would silently grant room access.
  if (!includesSecrets) return err(`${where} carries a secret the manifest does not declare`);
  if (typeof secret !== 'string' || !isRoomSecret(secret)) return err(`${where} has an invalid secret`);
  return ok({ ...entry, secret });
}

/** Validates an untrusted, already JSON-parsed manifest; never throws. */
export function parseBundleManifest(value: unknown): Result<BundleManifest, string> {
  if (!isRecord(value)) return err('manifest is not an object');
  const { createdAt, appVersion, includesSecrets, documents } = value;
  if (!isShortText(createdAt, BUNDLE_LIMITS.maxShortText)) return err('manifest has an invalid createdAt');
  if (!isShortText(appVersion, BUNDLE_LIMITS.maxShortText)) return err('manifest has an invalid appVersion');
  if (typeof includesSecrets !== 'boolean') return err('manifest has an invalid includesSecrets');
  if (!Array.isArray(documents)) return err('manifest has no document list');
  if (documents.length > BUNDLE_LIMITS.maxDocuments) return err('manifest lists too many documents');
  const entries: BundleManifestEntry[] = [];
  const seen = new Set<string>();
  for (const [index, raw] of documents.entries()) {
    const entry = parseEntry(raw, includesSecrets, index);
    if (!entry.ok) return entry;
    // Two updates for one docId would make the import summary ambiguous.
    if (seen.has(entry.value.docId)) return err(`document ${index} repeats docId ${entry.value.docId}`);
    seen.add(entry.value.docId);
    entries.push(entry.value);
  }
  return ok({ createdAt, appVersion, includesSecrets, documents: entries });
}

/** Total update bytes a manifest declares (a number, possibly absurd, for the size guard). */
export const declaredUpdateBytes = (manifest: BundleManifest): number =>
  manifest.documents.reduce((sum, entry) => sum + entry.byteLength, 0);
