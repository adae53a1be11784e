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
  /** The inviter's signature over everything above plus the expiry; null on an unsigned link. */
  readonly seal: InviteSeal | null;
}

export interface InviteSeal {
  /** ISO date-time after which the link is refused; null for no expiry. */
  readonly expiresAt: string | null;
  /** The inviting device's public key (base64url). */
  readonly inviterKey: string;
  readonly signature: string;
}

export type InviteError = 'missing' | 'malformed' | 'badDocId' | 'badSecret' | 'badGenesis' | 'tampered' | 'expired';

const FRAGMENT_PREFIX = '#join/';
const MAX_TITLE = 120;
const GENESIS_PATTERN = /^[A-Za-z0-9_-]{43}$/;
const NO_GENESIS = '-';
const NONE = '-';
const KEY_PATTERN = /^[A-Za-z0-9_-]{43}$/;
const SIGNATURE_PATTERN = /^[A-Za-z0-9_-]{86}$/;

/** The exact text an inviter signs: every field a tamperer could want to change. */
export function inviteSigningText(invite: Omit<Invite, 'seal'>, expiresAt: string | null, inviterKey: string): string {
  return JSON.stringify(['chapterhouse-invite-v1', invite.docId, invite.secret, invite.genesisId, invite.title.slice(0, MAX_TITLE), expiresAt, inviterKey]);
}

/** Expiry is checked against this device's clock: the link says when it stops working. */
export function isInviteExpired(invite: Invite, nowIso: string): boolean {
  return invite.seal?.expiresAt != null && invite.seal.expiresAt <= nowIso;
}

export function inviteFragment(invite: Invite): string {
  const title = encodeURIComponent(invite.title.slice(0, MAX_TITLE));
  const base = `${FRAGMENT_PREFIX}${invite.docId}/${invite.secret}/${invite.genesisId ?? NO_GENESIS}/${title}`;
  if (!invite.seal) return base;
  const { expiresAt, inviterKey, signature } = invite.seal;
  return `${base}/${expiresAt ? encodeURIComponent(expiresAt) : NONE}/${inviterKey}/${signature}`;
}

export function inviteUrl(origin: string, invite: Invite): string {
  return `${origin}/join${inviteFragment(invite)}`;
}

export function parseInviteFragment(fragment: string): Result<Invite, InviteError> {
  if (fragment.length === 0 || fragment === '#') return err('missing');
  if (!fragment.startsWith(FRAGMENT_PREFIX) || fragment.length > 2048) return err('malformed');
  const [docId = '', secret = '', genesis = NO_GENESIS, rawTitle = '', rawExpiry, inviterKey, signature] = fragment
    .slice(FRAGMENT_PREFIX.length)
    .split('/');
  if (!isDocId(docId)) return err('badDocId');
  if (!isRoomSecret(secret)) return err('badSecret');
  if (genesis !== NO_GENESIS && !GENESIS_PATTERN.test(genesis)) return err('badGenesis');
  let title: string;
  let expiresAt: string | null = null;
  try {
    title = decodeURIComponent(rawTitle).slice(0, MAX_TITLE);
    if (rawExpiry !== undefined && rawExpiry !== NONE) expiresAt = decodeURIComponent(rawExpiry);
  } catch {
    return err('malformed');
  }
  let seal: InviteSeal | null = null;
  if (rawExpiry !== undefined) {
    const validExpiry = expiresAt === null || !Number.isNaN(Date.parse(expiresAt));
    if (!validExpiry || !KEY_PATTERN.test(inviterKey ?? '') || !SIGNATURE_PATTERN.test(signature ?? '')) return err('tampered');
    seal = { expiresAt, inviterKey: inviterKey!, signature: signature! };
  }
  return ok({ docId, secret, title, genesisId: genesis === NO_GENESIS ? null : genesis, seal });
}
