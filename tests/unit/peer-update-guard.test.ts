import * as bc from 'lib0/broadcastchannel';
import * as encoding from 'lib0/encoding';
import { afterEach, describe, expect, it } from 'vitest';
import { WebrtcProvider } from 'y-webrtc';
import * as Y from 'yjs';
import { isSafePeerUpdate } from '../../src/sync/peer-update';
import { onRefusedPeerUpdate } from '../../src/sync/refused-updates';
import { POISON } from '../helpers/poison-update';

/** y-webrtc's wire format: message type 0 (sync), then a y-protocols sync message. */
function syncMessage(type: number, update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 0);
  encoding.writeVarUint(encoder, type);
  encoding.writeVarUint8Array(encoder, update);
  return encoding.toUint8Array(encoder);
}

const providers: WebrtcProvider[] = [];
afterEach(() => {
  for (const provider of providers.splice(0)) provider.destroy();
});

describe('updates from peers through stock y-webrtc', () => {
  it('takes a well-formed update and refuses a poisoned one whole, leaving a document that still loads', async () => {
    expect(isSafePeerUpdate(POISON)).toBe(false);
    const poisoned = new Y.Doc();
    poisoned.getText('t').insert(0, 'hello');
    expect(() => Y.applyUpdate(poisoned, POISON)).toThrow();
    // Unguarded, the document's own state no longer loads anywhere: the harm the guard prevents.
    expect(() => Y.applyUpdate(new Y.Doc(), Y.encodeStateAsUpdate(poisoned))).toThrow();

    const doc = new Y.Doc();
    doc.getText('minutes').insert(0, 'We agreed.');
    const room = `guard-test-${Date.now()}`;
    const provider = new WebrtcProvider(room, doc, { signaling: [] });
    providers.push(provider);
    // The room opens once its (here: no) key is derived; only then does it listen.
    await expect.poll(() => provider.room?.bcconnected).toBe(true);
    const refused: Uint8Array[] = [];
    const stop = onRefusedPeerUpdate((update) => refused.push(update));

    const honest = new Y.Doc();
    Y.applyUpdate(honest, Y.encodeStateAsUpdate(doc));
    honest.getText('minutes').insert(0, 'Peer: ');
    const arrived = new Promise<void>((resolve) => doc.on('update', () => resolve()));
    bc.publish(room, syncMessage(2, Y.encodeStateAsUpdate(honest, Y.encodeStateVector(doc))));
    await arrived;
    expect(doc.getText('minutes').toString()).toBe('Peer: We agreed.');

    for (const type of [1, 2]) bc.publish(room, syncMessage(type, POISON));
    await expect.poll(() => refused.length).toBe(2);
    stop();
    expect(doc.getText('minutes').toString()).toBe('Peer: We agreed.');
    const reloaded = new Y.Doc();
    Y.applyUpdate(reloaded, Y.encodeStateAsUpdate(doc));
    expect(reloaded.getText('minutes').toString()).toBe('Peer: We agreed.');
  });
});
