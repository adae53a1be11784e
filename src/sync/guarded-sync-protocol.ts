import * as decoding from 'lib0/decoding';
import type * as encoding from 'lib0/encoding';
import * as sync from 'y-protocols/sync';
import type * as Y from 'yjs';
import { applyPeerUpdate } from './peer-update';

/**
 * y-protocols' sync messages with every incoming update checked first (see peer-update.ts).
 * y-webrtc imports 'y-protocols/sync' directly; the build points that import here
 * (scripts/guard-peer-updates.ts), so stock y-webrtc gets the guard without a fork.
 */
export const { messageYjsSyncStep1, messageYjsSyncStep2, messageYjsUpdate, writeSyncStep1, writeSyncStep2, readSyncStep1, writeUpdate } = sync;

export const readSyncStep2 = (decoder: decoding.Decoder, doc: Y.Doc, origin: unknown): void => {
  applyPeerUpdate(doc, decoding.readVarUint8Array(decoder), origin);
};

export const readUpdate = readSyncStep2;

export function readSyncMessage(decoder: decoding.Decoder, encoder: encoding.Encoder, doc: Y.Doc, origin: unknown): number {
  const type = decoding.readVarUint(decoder);
  if (type === messageYjsSyncStep1) readSyncStep1(decoder, encoder, doc);
  else if (type === messageYjsSyncStep2) readSyncStep2(decoder, doc, origin);
  else if (type === messageYjsUpdate) readUpdate(decoder, doc, origin);
  else throw new Error('Unknown message type');
  return type;
}
