import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from '../guarded-sync-protocol';
import * as Y from 'yjs';
import type { DocId, RoomSecret } from '../../domain/ids';
import { REMOTE_ORIGIN } from '../transport';
import type { PairChannel } from './channel';
import { documentToken, sessionSalt, tokenKey } from './tokens';

/**
 * One pairing between two devices over a PairChannel. Each side announces an opaque token
 * per local document (see tokens.ts); documents whose tokens match on both sides are synced
 * with y-protocols (step 1, step 2, then live updates), everything else stays unnamed.
 *
 * Wire messages (lib0 encoding): HELLO nonce | ANNOUNCE tokens… | WITHDRAW token
 * | SYNC token + y-protocols sync message | HAVE token + state vector (receipt for step 2 and updates).
 */
const HELLO = 0;
const ANNOUNCE = 1;
const WITHDRAW = 2;
const SYNC = 3;
const HAVE = 4;

export interface PairableDocument {
  readonly docId: DocId;
  readonly secret: RoomSecret;
}

export interface PairingSessionOptions {
  /** Returns the document, loaded from local storage, once it is known to be shared. */
  readonly open: (docId: DocId) => Promise<Y.Doc>;
  /** The set of documents both sides hold changed. */
  readonly onMatches?: (docIds: readonly DocId[]) => void;
  /** The peer's state for a document arrived in full (after step 2). */
  readonly onSynced?: (docId: DocId) => void;
  /** The peer confirmed it holds everything up to this state vector. */
  readonly onPeerHas?: (docId: DocId, stateVector: Uint8Array) => void;
  readonly onClose?: () => void;
  readonly onError?: (error: unknown) => void;
}

interface Match {
  readonly docId: DocId;
  readonly token: Uint8Array;
  doc: Y.Doc | null;
  detach: () => void;
}

export interface PairingSession {
  /** Offer these documents to the peer (again after withdraw: a fresh sync follows). */
  announce(documents: readonly PairableDocument[]): void;
  withdraw(docId: DocId): void;
  matches(): readonly DocId[];
  close(): void;
  /** Resolves once every queued message has been handled (tests). */
  idle(): Promise<void>;
}

export function createPairingSession(channel: PairChannel, options: PairingSessionOptions): PairingSession {
  const origin = { pairing: true, remote: REMOTE_ORIGIN };
  const nonce = crypto.getRandomValues(new Uint8Array(16));
  let salt: Uint8Array | null = null;
  let closed = false;
  let queue: Promise<void> = Promise.resolve();
  const offered = new Map<DocId, RoomSecret>();
  /** token key → local document, for documents announced and not withdrawn. */
  const local = new Map<string, { docId: DocId; token: Uint8Array }>();
  const remote = new Set<string>();
  const matched = new Map<string, Match>();

  const run = (task: () => Promise<void> | void) => {
    queue = queue.then(task).catch((error: unknown) => options.onError?.(error));
  };
  const send = (type: number, write: (encoder: encoding.Encoder) => void = () => undefined) => {
    if (closed) return;
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, type);
    write(encoder);
    channel.send(encoding.toUint8Array(encoder));
  };
  const notifyMatches = () => options.onMatches?.([...matched.values()].map((m) => m.docId));

  const unmatch = (key: string) => {
    const match = matched.get(key);
    if (!match) return;
    matched.delete(key);
    match.detach();
    notifyMatches();
  };

  const sendSync = (token: Uint8Array, write: (encoder: encoding.Encoder) => void) =>
    send(SYNC, (encoder) => {
      encoding.writeVarUint8Array(encoder, token);
      write(encoder);
    });

  const sendHave = (match: Match) => {
    if (match.doc) send(HAVE, (encoder) => {
      encoding.writeVarUint8Array(encoder, match.token);
      encoding.writeVarUint8Array(encoder, Y.encodeStateVector(match.doc!));
    });
  };

  const tryMatch = async (key: string) => {
    const mine = local.get(key);
    if (!mine || !remote.has(key) || matched.has(key)) return;
    const match: Match = { docId: mine.docId, token: mine.token, doc: null, detach: () => undefined };
    matched.set(key, match);
    const doc = await options.open(mine.docId);
    if (matched.get(key) !== match || closed) return;
    match.doc = doc;
    const onUpdate = (update: Uint8Array, updateOrigin: unknown) => {
      if (updateOrigin === origin) return;
      sendSync(match.token, (encoder) => syncProtocol.writeUpdate(encoder, update));
    };
    doc.on('update', onUpdate);
    match.detach = () => doc.off('update', onUpdate);
    sendSync(match.token, (encoder) => syncProtocol.writeSyncStep1(encoder, doc));
    notifyMatches();
  };

  const computeTokens = async (documents: readonly PairableDocument[]) => {
    if (!salt) return;
    const tokens: Uint8Array[] = [];
    for (const { docId, secret } of documents) {
      if (offered.get(docId) !== secret) continue;
      const token = await documentToken(docId, secret, salt);
      const key = tokenKey(token);
      if (local.has(key)) continue;
      local.set(key, { docId, token });
      tokens.push(token);
    }
    if (tokens.length === 0) return;
    send(ANNOUNCE, (encoder) => {
      encoding.writeVarUint(encoder, tokens.length);
      for (const token of tokens) encoding.writeVarUint8Array(encoder, token);
    });
    for (const token of tokens) await tryMatch(tokenKey(token));
  };

  const handle = async (message: Uint8Array) => {
    const decoder = decoding.createDecoder(message);
    const type = decoding.readVarUint(decoder);
    if (type === HELLO) {
      if (salt) return;
      salt = sessionSalt(nonce, decoding.readVarUint8Array(decoder));
      await computeTokens([...offered].map(([docId, secret]) => ({ docId, secret })));
    } else if (type === ANNOUNCE) {
      const count = decoding.readVarUint(decoder);
      for (let i = 0; i < count; i++) {
        const key = tokenKey(decoding.readVarUint8Array(decoder));
        remote.add(key);
        await tryMatch(key);
      }
    } else if (type === WITHDRAW) {
      const key = tokenKey(decoding.readVarUint8Array(decoder));
      remote.delete(key);
      unmatch(key);
    } else if (type === SYNC) {
      const match = matched.get(tokenKey(decoding.readVarUint8Array(decoder)));
      if (!match?.doc) return;
      const reply = encoding.createEncoder();
      const kind = syncProtocol.readSyncMessage(decoder, reply, match.doc, origin);
      if (encoding.length(reply) > 0) sendSync(match.token, (encoder) => encoding.writeUint8Array(encoder, encoding.toUint8Array(reply)));
      if (kind === syncProtocol.messageYjsSyncStep2) options.onSynced?.(match.docId);
      if (kind !== syncProtocol.messageYjsSyncStep1) sendHave(match);
    } else if (type === HAVE) {
      const match = matched.get(tokenKey(decoding.readVarUint8Array(decoder)));
      if (match) options.onPeerHas?.(match.docId, decoding.readVarUint8Array(decoder));
    }
  };

  const shutdown = () => {
    if (closed) return;
    closed = true;
    for (const key of [...matched.keys()]) unmatch(key);
    options.onClose?.();
  };

  channel.onMessage((message) => run(() => (closed ? undefined : handle(message))));
  channel.onClose(shutdown);
  send(HELLO, (encoder) => encoding.writeVarUint8Array(encoder, nonce));

  return {
    announce(documents) {
      for (const { docId, secret } of documents) offered.set(docId, secret);
      run(() => computeTokens(documents));
    },
    withdraw(docId) {
      offered.delete(docId);
      run(() => {
        for (const [key, entry] of local) {
          if (entry.docId !== docId) continue;
          local.delete(key);
          send(WITHDRAW, (encoder) => encoding.writeVarUint8Array(encoder, entry.token));
          unmatch(key);
        }
      });
    },
    matches: () => [...matched.values()].map((m) => m.docId),
    close() {
      shutdown();
      channel.close();
    },
    idle: async () => {
      let seen: Promise<void> | null = null;
      while (seen !== queue) {
        seen = queue;
        await seen;
      }
    },
  };
}
