import { signBytes, verifyBytes } from '../crypto/ed25519';
import { utf8 } from '../crypto/hash';
import type { Invite, InviteError } from '../domain/invite';
import { inviteSigningText, inviteUrl, isInviteExpired, parseInviteFragment } from '../domain/invite';
import type { Result } from '../domain/result';
import { err, ok } from '../domain/result';
import type { Identity } from './identity';

const DAY_MS = 24 * 60 * 60 * 1000;

/** Signed invite links: the inviter's key signs id, secret, founding entry, title and expiry. */
export function createInvites(identity: Identity) {
  async function createLink(base: string, invite: Omit<Invite, 'seal'>, validDays: number | null, now = Date.now()): Promise<string> {
    const expiresAt = validDays === null ? null : new Date(now + validDays * DAY_MS).toISOString();
    const inviterKey = identity.deviceKey;
    const signature = await signBytes(identity.device, utf8(inviteSigningText(invite, expiresAt, inviterKey)));
    return inviteUrl(base, { ...invite, seal: { expiresAt, inviterKey, signature } });
  }

  /** Parses and checks a link; an unsigned, altered or expired link changes nothing. */
  async function openLink(fragment: string, nowIso = new Date().toISOString()): Promise<Result<Invite, InviteError>> {
    const parsed = parseInviteFragment(fragment);
    if (!parsed.ok) return parsed;
    const invite = parsed.value;
    if (!invite.seal) return err('tampered');
    const text = inviteSigningText(invite, invite.seal.expiresAt, invite.seal.inviterKey);
    if (!(await verifyBytes(invite.seal.inviterKey, invite.seal.signature, utf8(text)))) return err('tampered');
    if (isInviteExpired(invite, nowIso)) return err('expired');
    return ok(invite);
  }

  return { createLink, openLink };
}

export type Invites = ReturnType<typeof createInvites>;
