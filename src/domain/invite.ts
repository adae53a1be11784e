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
  /** Set when the link admits a limited number of people (counted in the chapter's membership log). */
  readonly limit?: InviteLimit;
}

export interface InviteLimit {
  /** The signed 'invite' entry in the chapter's membership log that join requests name. */
  readonly inviteId: string;
  readonly maxUses: number;
}

/** Most uses a limited invite can allow (the membership log's own bound). */
export const MAX_INVITE_USES = 1_000;

export type InviteError = 'missing' | 'malformed' | 'badDocId' | 'badSecret' | 'badGenesis' | 'tampered' | 'expired';

const FRAGMENT_PREFIX = '#join/';
const MAX_TITLE = 120;
const GENESIS_PATTERN = /^[A-Za-z0-9_-]{43}$/;
const NO_GENESIS = '-';
const NONE = '-';
const KEY_PATTERN = /^[A-Za-z0-9_-]{43}$/;
const SIGNATURE_PATTERN = /^[A-Za-z0-9_-]{86}$/;
const LIMIT_PATTERN = /^([A-Za-z0-9_-]{43})\.([1-9][0-9]{0,3})$/;

/** The exact text an inviter signs: every field a tamperer could want to change. */
export function inviteSigningText(
  invite: Omit<Invite, 'seal'>,
  expiresAt: string | null,
  inviterKey: string,
  limit?: InviteLimit,
): string {
  const fields = ['chapterhouse-invite-v1', invite.docId, invite.secret, invite.genesisId, invite.title.slice(0, MAX_TITLE), expiresAt, inviterKey];
  // Unlimited links keep the original text; a limit is appended, so stripping it breaks the signature.
  return JSON.stringify(limit ? [...fields, limit.inviteId, limit.maxUses] : fields);
}

/** Expiry is checked against this device's clock: the link says when it stops working. */
export function isInviteExpired(invite: Invite, nowIso: string): boolean {
  return invite.seal?.expiresAt != null && invite.seal.expiresAt <= nowIso;
}

export function inviteFragment(invite: Invite): string {
  const title = encodeURIComponent(invite.title.slice(0, MAX_TITLE));
  const base = `${FRAGMENT_PREFIX}${invite.docId}/${invite.secret}/${invite.genesisId ?? NO_GENESIS}/${title}`;
  if (!invite.seal) return base;
  const { expiresAt, inviterKey, signature, limit } = invite.seal;
  const sealed = `${base}/${expiresAt ? encodeURIComponent(expiresAt) : NONE}/${inviterKey}/${signature}`;
  return limit ? `${sealed}/${limit.inviteId}.${limit.maxUses}` : sealed;
}

export function inviteUrl(origin: string, invite: Invite): string {
  return `${origin}/join${inviteFragment(invite)}`;
}

export function parseInviteFragment(fragment: string): Result<Invite, InviteError> {
  if (fragment.length === 0 || fragment === '#') return err('missing');
  if (!fragment.startsWith(FRAGMENT_PREFIX) || fragment.length > 2048) return err('malformed');
  const [docId = '', secret = '', genesis = NO_GENESIS, rawTitle = '', rawExpiry, inviterKey, signature, rawLimit, ...extra] = fragment
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
    const limit = rawLimit === undefined ? undefined : parseLimit(rawLimit);
    if (limit === null || extra.length > 0) return err('tampered');
    seal = { expiresAt, inviterKey: inviterKey!, signature: signature!, ...(limit ? { limit } : {}) };
  }
  return ok({ docId, secret, title, genesisId: genesis === NO_GENESIS ? null : genesis, seal });
}

function parseLimit(text: string): InviteLimit | null {
  const match = LIMIT_PATTERN.exec(text);
  const maxUses = Number(match?.[2]);
  if (!match || maxUses > MAX_INVITE_USES) return null;
  return { inviteId: match[1]!, maxUses };
}
