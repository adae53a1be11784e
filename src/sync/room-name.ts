import type { SyncRoom } from './transport';

/**
 * The relay sees room names in clear text, so the name is a hash of id and secret:
 * someone watching the relay cannot tell which document a room belongs to.
 */
export async function roomName(room: SyncRoom): Promise<string> {
  const bytes = new TextEncoder().encode(`chapterhouse:${room.docId}:${room.secret}`);
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
  return `ch-${Array.from(digest.subarray(0, 16), (b) => b.toString(16).padStart(2, '0')).join('')}`;
}
