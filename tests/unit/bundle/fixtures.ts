import fc from 'fast-check';
import * as Y from 'yjs';
import type { DocId, RoomSecret } from '../../../src/domain/ids';
import { sealContainer } from '../../../src/sync/bundle/container';
import type { BundleDocumentInput } from '../../../src/sync/bundle/format';
import { sha256Hex } from '../../../src/sync/bundle/hash';

/** Random edits to a document: text inserts and deletes plus map writes (deletes matter for imports). */
export type Edit =
  | { readonly op: 'insert'; readonly at: number; readonly text: string }
  | { readonly op: 'delete'; readonly at: number; readonly len: number }
  | { readonly op: 'set'; readonly key: string; readonly value: string };

export const editArb: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({ op: fc.constant('insert' as const), at: fc.nat(200), text: fc.string({ minLength: 1, maxLength: 12 }) }),
  fc.record({ op: fc.constant('delete' as const), at: fc.nat(200), len: fc.integer({ min: 1, max: 8 }) }),
  fc.record({ op: fc.constant('set' as const), key: fc.constantFrom('a', 'b', 'c'), value: fc.string({ maxLength: 6 }) }),
);

export function applyEdits(doc: Y.Doc, edits: readonly Edit[]): void {
  const text = doc.getText('notes');
  const map = doc.getMap<string>('meta');
  for (const edit of edits) {
    if (edit.op === 'insert') text.insert(Math.min(edit.at, text.length), edit.text);
    else if (edit.op === 'delete' && text.length > 0) {
      const at = Math.min(edit.at, text.length - 1);
      text.delete(at, Math.min(edit.len, text.length - at));
    } else if (edit.op === 'set') map.set(edit.key, edit.value);
  }
}

export const contentOf = (doc: Y.Doc) => ({ notes: doc.getText('notes').toString(), meta: doc.getMap('meta').toJSON() });

export const docWith = (edits: readonly Edit[]): Y.Doc => {
  const doc = new Y.Doc();
  applyEdits(doc, edits);
  return doc;
};

const lower = 'abcdefghijklmnopqrstuvwxyz0123456789';
export const docIdArb = fc.string({ unit: fc.constantFrom(...lower), minLength: 16, maxLength: 24 }).map((s) => s as DocId);
export const secretArb = fc
  .string({ unit: fc.constantFrom(...`${lower}ABCXYZ_-`), minLength: 22, maxLength: 40 })
  .map((s) => s as RoomSecret);

export const docId = (n: number) => `document${String(n).padStart(10, '0')}` as DocId;
export const secret = (n: number) => `secret_${String(n).padStart(20, '0')}` as RoomSecret;

export const inputFor = (n: number, doc: Y.Doc, title = `Doc ${n}`): BundleDocumentInput => ({
  docId: docId(n),
  kind: 'chapter',
  title,
  secret: secret(n),
  update: Y.encodeStateAsUpdate(doc),
});

export const sampleDocs = (): BundleDocumentInput[] => [
  inputFor(1, docWith([{ op: 'insert', at: 0, text: 'Meeting notes, first draft' }])),
  inputFor(2, docWith([{ op: 'set', key: 'a', value: 'poll' }])),
];

/**
 * Builds a bundle with a valid envelope and checksum around whatever payload a test wants:
 * a hostile file author can always do this, so only the inner checks stand in the way.
 */
export async function craftBundle(options: {
  readonly manifest?: unknown;
  readonly manifestText?: string;
  readonly updates?: readonly Uint8Array[];
  readonly version?: number;
}): Promise<Uint8Array> {
  const text = options.manifestText ?? JSON.stringify(options.manifest);
  const manifest = new TextEncoder().encode(text);
  const updates = options.updates ?? [];
  const raw = new Uint8Array(4 + manifest.length + updates.reduce((sum, u) => sum + u.length, 0));
  new DataView(raw.buffer).setUint32(0, manifest.length);
  raw.set(manifest, 4);
  let at = 4 + manifest.length;
  for (const update of updates) {
    raw.set(update, at);
    at += update.length;
  }
  return sealContainer(raw, options.version);
}

/** Re-signs a container after a test edits its header, so only the header checks can object. */
export async function resign(bytes: Uint8Array): Promise<Uint8Array> {
  const out = bytes.slice();
  const signed = out.length - 32;
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', out.subarray(0, signed)));
  out.set(digest, signed);
  return out;
}

export async function manifestEntry(n: number, update: Uint8Array, extra: Record<string, unknown> = {}) {
  return { docId: docId(n), kind: 'chapter', title: `Doc ${n}`, byteLength: update.length, sha256: await sha256Hex(update), ...extra };
}
