import type { DeviceKeyPair } from '../../../src/crypto/ed25519';
import { generateDeviceKeyPair } from '../../../src/crypto/ed25519';
import { createEntryVerifier, signEntry, validateSignedLog } from '../../../src/crypto/entry-signing';
import { draftEntry, headsOf } from '../../../src/domain/membership/draft';
import type { ChapterId, EntryBody, MemberId, MembershipEntry } from '../../../src/domain/membership/types';
import type { ValidateOptions } from '../../../src/domain/membership/validate';
import type { EntryVerdict, Member, MembershipState } from '../../../src/domain/membership/view';

export const CHAPTER = 'kentbookfair0000chapter' as ChapterId;
export const OTHER_CHAPTER = 'dublinbookfair00chapter' as ChapterId;
export const FOUNDER_ID = 'founder0000000000001' as MemberId;

export const newDevice = (): Promise<DeviceKeyPair> => generateDeviceKeyPair();

export function sign(
  body: EntryBody,
  signer: DeviceKeyPair,
  parents: ReadonlyArray<Pick<MembershipEntry, 'id' | 'counter'>>,
  chapterId: ChapterId = CHAPTER,
): Promise<MembershipEntry> {
  const draft = draftEntry(body, { chapterId, author: signer.publicKey, parents, createdAt: '2026-03-01T18:00:00Z' });
  return signEntry(draft, signer);
}

export interface LogBuilder {
  readonly entries: MembershipEntry[];
  /** Appends an entry whose parents default to the current heads (a linear history). */
  readonly add: (
    body: EntryBody,
    signer: DeviceKeyPair,
    parents?: ReadonlyArray<Pick<MembershipEntry, 'id' | 'counter'>>,
  ) => Promise<MembershipEntry>;
}

export function logBuilder(chapterId: ChapterId = CHAPTER): LogBuilder {
  const entries: MembershipEntry[] = [];
  return {
    entries,
    async add(body, signer, parents = headsOf(entries)) {
      const entry = await sign(body, signer, parents, chapterId);
      entries.push(entry);
      return entry;
    },
  };
}

export interface Chapter {
  readonly log: LogBuilder;
  readonly founder: DeviceKeyPair;
  readonly found: MembershipEntry;
}

export async function foundChapter(chapterId: ChapterId = CHAPTER): Promise<Chapter> {
  const log = logBuilder(chapterId);
  const founder = await newDevice();
  const found = await log.add(
    { type: 'found', memberId: FOUNDER_ID, name: 'Ada', deviceKey: founder.publicKey },
    founder,
  );
  return { log, founder, found };
}

export interface Joined {
  readonly device: DeviceKeyPair;
  readonly request: MembershipEntry;
  readonly memberId: MemberId;
}

/** A newcomer asks to join and `admitter` admits them (enough under the default any-member rule). */
export async function join(log: LogBuilder, name: string, admitter: DeviceKeyPair): Promise<Joined> {
  const device = await newDevice();
  const request = await log.add({ type: 'request', name, deviceKey: device.publicKey }, device);
  await log.add({ type: 'admit', requestId: request.id }, admitter);
  return { device, request, memberId: request.id as string as MemberId };
}

export function validate(
  entries: readonly MembershipEntry[],
  options: Partial<ValidateOptions> = {},
): Promise<MembershipState> {
  return validateSignedLog(entries, { chapterId: CHAPTER, ...options }, createEntryVerifier());
}

export function verdictOf(state: MembershipState, entry: Pick<MembershipEntry, 'id'>): EntryVerdict {
  const verdict = state.verdicts.find((item) => item.id === entry.id);
  if (verdict === undefined) throw new Error(`no verdict for ${entry.id}`);
  return verdict;
}

export function memberOf(state: MembershipState, id: MemberId): Member | undefined {
  return state.members.find((member) => member.id === id);
}

export const VALID = { status: 'valid', reason: null } as const;
export const invalid = (reason: string) => ({ status: 'invalid', reason }) as const;
