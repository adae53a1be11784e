import * as Y from 'yjs';
import { isSafePeerUpdate } from '../peer-update';
import type { BundleManifest, BundleManifestEntry } from '../../domain/bundle-format';
import { BUNDLE_LIMITS, declaredUpdateBytes, parseBundleManifest } from '../../domain/bundle-format';
import type { DocumentKind } from '../../domain/document-kind';
import type { DocId, RoomSecret } from '../../domain/ids';
import type { Result } from '../../domain/result';
import { err, ok } from '../../domain/result';
import { openContainer, sealContainer } from './container';
import type { BundleError } from './errors';
import { bundleError } from './errors';
import { sha256Hex } from './hash';

/**
 * A bundle file: the envelope from container.ts around
 *   u32 manifest length | manifest JSON (UTF-8) | each document's full Yjs update, in manifest order.
 */
export interface BundleDocumentInput {
  readonly docId: DocId;
  readonly kind: DocumentKind;
  readonly title: string;
  readonly secret?: RoomSecret;
  /** Y.encodeStateAsUpdate(doc): the whole document, so the receiver needs nothing else. */
  readonly update: Uint8Array;
}

export interface BundleMeta {
  readonly appVersion: string;
  readonly createdAt?: string;
  /**
   * Default true ("move to my other device"). RISK: anyone who gets hold of such a file can
   * join these rooms for good, and read and write everything; turn off for backups and sharing.
   */
  readonly includeSecrets?: boolean;
}

export type BundleDocument = Omit<BundleManifestEntry, 'byteLength' | 'sha256'> & { readonly update: Uint8Array };

export interface DecodedBundle {
  readonly createdAt: string;
  readonly appVersion: string;
  readonly includesSecrets: boolean;
  readonly documents: readonly BundleDocument[];
}

export interface DecodeOptions {
  readonly maxDecompressedBytes?: number;
}

/** Rejects (programmer error) on inputs every receiver would refuse: repeated docIds or > 200 MB. */
export async function encodeBundle(docs: readonly BundleDocumentInput[], meta: BundleMeta): Promise<Uint8Array> {
  if (new Set(docs.map((doc) => doc.docId)).size !== docs.length) throw new RangeError('bundle lists a docId twice');
  const total = docs.reduce((sum, doc) => sum + doc.update.length, 0);
  if (total > BUNDLE_LIMITS.maxDecompressedBytes) throw new RangeError(`bundle of ${total} bytes exceeds the import limit`);
  const includesSecrets = meta.includeSecrets ?? true;
  const documents = await Promise.all(
    docs.map(async ({ docId, kind, title, secret, update }) => ({
      docId,
      kind,
      title,
      byteLength: update.length,
      sha256: await sha256Hex(update),
      ...(includesSecrets && secret !== undefined ? { secret } : {}),
    })),
  );
  const manifest: BundleManifest = {
    createdAt: meta.createdAt ?? new Date().toISOString(),
    appVersion: meta.appVersion,
    includesSecrets,
    documents,
  };
  const manifestBytes = new TextEncoder().encode(JSON.stringify(manifest));
  const raw = new Uint8Array(4 + manifestBytes.length + declaredUpdateBytes(manifest));
  new DataView(raw.buffer).setUint32(0, manifestBytes.length);
  raw.set(manifestBytes, 4);
  let at = 4 + manifestBytes.length;
  for (const { update } of docs) {
    raw.set(update, at);
    at += update.length;
  }
  return sealContainer(raw);
}

function readManifest(raw: Uint8Array, maxBytes: number): Result<{ manifest: BundleManifest; body: number }, BundleError> {
  if (raw.length < 4) return err(bundleError('invalidManifest', 'payload too short for a manifest'));
  const length = new DataView(raw.buffer, raw.byteOffset, raw.byteLength).getUint32(0);
  if (length > BUNDLE_LIMITS.maxManifestBytes || 4 + length > raw.length) {
    return err(bundleError('invalidManifest', `manifest length ${length} does not fit the payload`));
  }
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(raw.subarray(4, 4 + length)));
  } catch {
    return err(bundleError('invalidManifest', 'manifest is not UTF-8 JSON'));
  }
  const manifest = parseBundleManifest(json);
  if (!manifest.ok) return err(bundleError('invalidManifest', manifest.error));
  const declared = declaredUpdateBytes(manifest.value);
  if (declared > maxBytes) return err(bundleError('tooLarge', `manifest declares ${declared} bytes, limit ${maxBytes}`));
  const body = 4 + length;
  if (declared !== raw.length - body) {
    return err(bundleError('invalidManifest', `manifest declares ${declared} update bytes, payload has ${raw.length - body}`));
  }
  return ok({ manifest: manifest.value, body });
}

// A Yjs update that throws on a fresh document would throw again inside the user's data; one that
// is out of shape can apply on a fresh document yet harm one that holds data (see peer-update.ts).
function isApplicableUpdate(update: Uint8Array): boolean {
  if (!isSafePeerUpdate(update)) return false;
  const probe = new Y.Doc();
  try {
    Y.applyUpdate(probe, update);
    return true;
  } catch {
    return false;
  } finally {
    probe.destroy();
  }
}

async function readDocuments(raw: Uint8Array, manifest: BundleManifest, body: number): Promise<Result<BundleDocument[], BundleError>> {
  const documents: BundleDocument[] = [];
  let at = body;
  for (const { byteLength, sha256, ...entry } of manifest.documents) {
    const update = raw.subarray(at, at + byteLength);
    at += byteLength;
    if ((await sha256Hex(update)) !== sha256) {
      return err(bundleError('documentHashMismatch', `document ${entry.docId} does not match its hash`));
    }
    if (!isApplicableUpdate(update)) return err(bundleError('invalidUpdate', `document ${entry.docId} is not a valid Yjs update`));
    documents.push({ ...entry, update });
  }
  return ok(documents);
}

/**
 * Reads an untrusted file completely before anyone touches a document: any refusal is a
 * typed error and means "nothing changed". Never throws, whatever the bytes.
 */
export async function decodeBundle(bytes: Uint8Array, options: DecodeOptions = {}): Promise<Result<DecodedBundle, BundleError>> {
  if (!(bytes instanceof Uint8Array)) return err(bundleError('notABundle', 'input is not a byte array'));
  const maxBytes = Math.min(options.maxDecompressedBytes ?? BUNDLE_LIMITS.maxDecompressedBytes, BUNDLE_LIMITS.maxDecompressedBytes);
  try {
    const raw = await openContainer(bytes, maxBytes);
    if (!raw.ok) return raw;
    const read = readManifest(raw.value, maxBytes);
    if (!read.ok) return read;
    const { manifest, body } = read.value;
    const documents = await readDocuments(raw.value, manifest, body);
    if (!documents.ok) return documents;
    const { createdAt, appVersion, includesSecrets } = manifest;
    return ok({ createdAt, appVersion, includesSecrets, documents: documents.value });
  } catch (cause) {
    // Last line of defence (e.g. WebCrypto missing outside a secure context): still a value.
    return err(bundleError('corrupted', `unexpected failure while reading: ${String(cause)}`));
  }
}
