import type { DeviceKeyPair } from '../../../src/crypto/ed25519';
import { generateDeviceKeyPair } from '../../../src/crypto/ed25519';
import { signFederationEntry, verifyFederationEntries } from '../../../src/crypto/federation-signing';
import type { BranchLevel } from '../../../src/domain/chapter';
import type { FederationBody, FederationEntry, FederationState, UnsignedFederationEntry } from '../../../src/domain/federation/types';
import type { FederationOptions } from '../../../src/domain/federation/validate';
import { validateFederationLog } from '../../../src/domain/federation/validate';
import type { DocId, RoomSecret } from '../../../src/domain/ids';
import type { DeviceKey } from '../../../src/domain/membership/types';

export const REGION = 'regionbranch0000kent' as DocId;
export const CHAPTER = 'localchapter0000kent' as DocId;
export const OTHER = 'localchapter00dublin' as DocId;
export const REGION_SECRET = 'regionsecret_0123456789abcdef' as RoomSecret;
export const GENESIS = 'G'.repeat(43);

export const newDevice = (): Promise<DeviceKeyPair> => generateDeviceKeyPair();

export function signAs(signer: DeviceKeyPair, branchId: DocId, body: FederationBody, createdAt = '2026-11-30T12:00:00Z'): Promise<FederationEntry> {
  return signFederationEntry({ ...body, branchId, author: signer.publicKey, createdAt } as UnsignedFederationEntry, signer);
}

export interface Scenario {
  readonly regionConvener: DeviceKeyPair;
  readonly chapterFounder: DeviceKeyPair;
  readonly outsider: DeviceKeyPair;
  readonly request: FederationEntry;
  readonly accept: FederationEntry;
  readonly link: FederationEntry;
}

/** A chapter asks to join a region, the region accepts, the chapter records its parent. */
export async function joinScenario(): Promise<Scenario> {
  const [regionConvener, chapterFounder, outsider] = await Promise.all([newDevice(), newDevice(), newDevice()]);
  const request = await signAs(chapterFounder, REGION, {
    type: 'join-request',
    childId: CHAPTER,
    childGenesis: GENESIS,
    childName: 'Kent chapter',
    childLevel: 'local',
  });
  const accept = await signAs(regionConvener, REGION, { type: 'accept', requestId: request.id, childId: CHAPTER });
  const link = await signAs(chapterFounder, CHAPTER, {
    type: 'parent-link',
    parentId: REGION,
    parentGenesis: GENESIS,
    parentSecret: REGION_SECRET,
    parentName: 'South East region',
    parentLevel: 'regional',
    acceptId: accept.id,
  });
  return { regionConvener, chapterFounder, outsider, request, accept, link };
}

export async function validate(
  entries: readonly unknown[],
  options: { readonly branchId: DocId; readonly level: BranchLevel; readonly authorized: readonly DeviceKeyPair[] } & Partial<FederationOptions>,
): Promise<FederationState> {
  const verified = await verifyFederationEntries(entries);
  const keys = new Set<DeviceKey>(options.authorized.map((device) => device.publicKey));
  return validateFederationLog(entries, (entry) => verified.has(entry), {
    branchId: options.branchId,
    branchLevel: options.level,
    isAuthorized: (key) => keys.has(key),
    ...(options.childAuthority ? { childAuthority: options.childAuthority } : {}),
  });
}

export const reasonOf = (state: FederationState, id: string) => {
  const verdict = state.verdicts.find((item) => item.id === id);
  return verdict?.status === 'invalid' ? verdict.reason : verdict?.status;
};
