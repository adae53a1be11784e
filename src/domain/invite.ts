import type { DocId, RoomSecret } from './ids';
import { isDocId, isRoomSecret } from './ids';
import type { Result } from './result';
import { err, ok } from './result';

/**
 * An invite carries the document id and the room secret in the URL fragment only:
 * browsers never send the fragment to a server, so no relay or log sees the secret.
 */
export interface Invite {
  readonly docId: DocId;
  readonly secret: RoomSecret;
  /** Shown before the document has synced; untrusted, display only. */
  readonly title: string;
  /** The chapter's founding membership entry, pinned so nobody can race a rival founding. */
  readonly genesisId: string | null;
}

export type InviteError = 'missing' | 'malformed' | 'badDocId' | 'badSecret' | 'badGenesis';

const FRAGMENT_PREFIX = '#join/';
const MAX_TITLE = 120;
const GENESIS_PATTERN = /^[A-Za-z0-9_-]{43}$/;
const NO_GENESIS = '-';

export function inviteFragment(invite: Invite): string {
  const title = encodeURIComponent(invite.title.slice(0, MAX_TITLE));
  return `${FRAGMENT_PREFIX}${invite.docId}/${invite.secret}/${invite.genesisId ?? NO_GENESIS}/${title}`;
}

export function inviteUrl(origin: string, invite: Invite): string {
  return `${origin}/join${inviteFragment(invite)}`;
}

export function parseInviteFragment(fragment: string): Result<Invite, InviteError> {
  if (fragment.length === 0 || fragment === '#') return err('missing');
  if (!fragment.startsWith(FRAGMENT_PREFIX) || fragment.length > 2048) return err('malformed');
  const [docId = '', secret = '', genesis = NO_GENESIS, rawTitle = ''] = fragment.slice(FRAGMENT_PREFIX.length).split('/');
  if (!isDocId(docId)) return err('badDocId');
  if (!isRoomSecret(secret)) return err('badSecret');
  if (genesis !== NO_GENESIS && !GENESIS_PATTERN.test(genesis)) return err('badGenesis');
  let title: string;
  try {
    title = decodeURIComponent(rawTitle).slice(0, MAX_TITLE);
  } catch {
    return err('malformed');
  }
  return ok({ docId, secret, title, genesisId: genesis === NO_GENESIS ? null : genesis });
}
