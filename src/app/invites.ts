import { signBytes, verifyBytes } from '../crypto/ed25519';
import { utf8 } from '../crypto/hash';
import type { DocId } from '../domain/ids';
import type { Invite, InviteError, InviteLimit } from '../domain/invite';
import { inviteSigningText, inviteUrl, isInviteExpired, parseInviteFragment } from '../domain/invite';
import type { Result } from '../domain/result';
import { err, ok } from '../domain/result';
import type { Identity } from './identity';

const DAY_MS = 24 * 60 * 60 * 1000;

export type InviteLinkError = 'notAMember' | 'badLimit';

export interface LinkOptions {
  /** At most this many people can be admitted through the link; null or absent for no limit. */
  readonly maxUses?: number | null;
  readonly now?: number;
}

/**
 * Writes the signed 'invite' entry a limited link names into the chapter's membership log (the
 * members store does it; loaded only when someone limits a link).
 */
export type RecordInvite = (
  docId: DocId,
  genesisId: string | null,
  maxUses: number,
  expiresAt: string | null,
) => Promise<Result<string, InviteLinkError>>;

const refuseLimits: RecordInvite = async () => err('notAMember');

/** Signed invite links: the inviter's key signs id, secret, founding entry, title, expiry and limit. */
export function createInvites(identity: Identity, recordInvite: RecordInvite = refuseLimits) {
  async function createLink(
    base: string,
    invite: Omit<Invite, 'seal'>,
    validDays: number | null,
    options: LinkOptions = {},
  ): Promise<Result<string, InviteLinkError>> {
    const now = options.now ?? Date.now();
    const expiresAt = validDays === null ? null : new Date(now + validDays * DAY_MS).toISOString();
    let limit: InviteLimit | undefined;
    if (options.maxUses != null) {
      const recorded = await recordInvite(invite.docId, invite.genesisId, options.maxUses, expiresAt);
      if (!recorded.ok) return recorded;
      limit = { inviteId: recorded.value, maxUses: options.maxUses };
    }
    const inviterKey = identity.deviceKey;
    const signature = await signBytes(identity.device, utf8(inviteSigningText(invite, expiresAt, inviterKey, limit)));
    return ok(inviteUrl(base, { ...invite, seal: { expiresAt, inviterKey, signature, ...(limit ? { limit } : {}) } }));
  }

  /** Parses and checks a link; an unsigned, altered or expired link changes nothing. */
  async function openLink(fragment: string, nowIso = new Date().toISOString()): Promise<Result<Invite, InviteError>> {
    const parsed = parseInviteFragment(fragment);
    if (!parsed.ok) return parsed;
    const invite = parsed.value;
    if (!invite.seal) return err('tampered');
    const text = inviteSigningText(invite, invite.seal.expiresAt, invite.seal.inviterKey, invite.seal.limit);
    if (!(await verifyBytes(invite.seal.inviterKey, invite.seal.signature, utf8(text)))) return err('tampered');
    if (isInviteExpired(invite, nowIso)) return err('expired');
    return ok(invite);
  }

  return { createLink, openLink };
}

export type Invites = ReturnType<typeof createInvites>;
