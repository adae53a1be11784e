import type { DocId, RoomSecret } from '../domain/ids';
import { docIdFromBytes, secretFromBytes } from '../domain/ids';

const randomBytes = (length: number): Uint8Array => crypto.getRandomValues(new Uint8Array(length));

export const newDocId = (): DocId => docIdFromBytes(randomBytes(24));
/** 32 random bytes: the room secret is the only thing keeping a chapter's room private. */
export const newRoomSecret = (): RoomSecret => secretFromBytes(randomBytes(32));
