import type { DocId } from '../domain/ids';
import type { InviteSeal } from '../domain/invite';
import type { EntryId, MemberId } from '../domain/membership/types';
import type { MembershipState } from '../domain/membership/view';
import type { Catalog } from '../persistence/catalog';

/**
 * The invite this device joined a chapter through, kept on the device (never synced): its join
 * request names the limited invite, and once the chapter has synced the inviter is checked.
 */
export interface RememberedInvite {
  readonly inviterKey: string;
  readonly inviteId: EntryId | null;
  readonly maxUses: number | null;
  /** Set once the inviter was seen to be a member, so the chapter page stops checking. */
  readonly confirmed?: boolean;
}

export const rememberedKey = (docId: DocId): string => `invite:${docId}`;
const key = rememberedKey;

export function rememberInvite(catalog: Catalog, docId: DocId, seal: InviteSeal): Promise<void> {
  const value: RememberedInvite = {
    inviterKey: seal.inviterKey,
    inviteId: (seal.limit?.inviteId ?? null) as EntryId | null,
    maxUses: seal.limit?.maxUses ?? null,
  };
  return catalog.writeSetting(key(docId), value);
}

export async function recallInvite(catalog: Catalog, docId: DocId): Promise<RememberedInvite | null> {
  return (await catalog.readSetting<RememberedInvite>(key(docId))) ?? null;
}

/**
 * Whether the inviting device belongs (or belonged: revoked devices and past members count, as the
 * link may predate that) to a member of the chapter. 'unknown' until the founding entry has
 * arrived, i.e. before the chapter has synced at all.
 */
export type InviterStatus = 'unknown' | 'member' | 'notMember';

export function inviterStatus(state: MembershipState | null, inviterKey: string): InviterStatus {
  if (state === null || state.foundedBy === null) return 'unknown';
  const known = state.members.some((member) => member.devices.some((device) => device.key === inviterKey));
  return known ? 'member' : 'notMember';
}

/** The member who issued each limited invite, for "invite from Ana, used 2 of 5". */
export function issuerName(state: MembershipState, issuer: MemberId): string {
  return state.members.find((member) => member.id === issuer)?.name ?? '';
}
