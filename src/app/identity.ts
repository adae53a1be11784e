import { type Accessor, createSignal } from 'solid-js';
import type { DeviceKeyPair } from '../crypto/ed25519';
import { generateDeviceKeyPair } from '../crypto/ed25519';
import { safetyCode } from '../crypto/safety-code';
import type { DeviceKey } from '../domain/membership/types';
import type { Catalog } from '../persistence/catalog';

/** What a member tells others about themselves; kept on the device, shared when they join. */
export interface Profile {
  readonly displayName: string;
  readonly pronouns: string;
  readonly languages: readonly string[];
  readonly skills: readonly string[];
  readonly bio: string;
  /** The chapter (document id) the member calls home, one of those on this device; null if none chosen. */
  readonly homeChapter: string | null;
}

export const EMPTY_PROFILE: Profile = { displayName: '', pronouns: '', languages: [], skills: [], bio: '', homeChapter: null };

const PROFILE_KEY = 'profile';

export interface Identity {
  readonly device: DeviceKeyPair;
  readonly deviceKey: DeviceKey;
  /** Short code two people compare in person to know they hold each other's real key. */
  readonly safetyCode: string;
  readonly profile: Accessor<Profile>;
  saveProfile(profile: Profile): Promise<void>;
}

/** Loads this device's key pair, making one on first run (non-extractable private key). */
export async function loadIdentity(catalog: Catalog): Promise<Identity> {
  let record = await catalog.readDeviceKey();
  if (!record) {
    const fresh = await generateDeviceKeyPair();
    record = await catalog.initDeviceKey({ key: 'device', keyPair: fresh.keyPair, publicKey: fresh.publicKey, createdAt: new Date().toISOString() });
  }
  const device: DeviceKeyPair = { keyPair: record.keyPair, publicKey: record.publicKey as DeviceKey };
  const stored = await catalog.readSetting<Profile>(PROFILE_KEY);
  const [profile, setProfile] = createSignal<Profile>({ ...EMPTY_PROFILE, ...stored });
  return {
    device,
    deviceKey: device.publicKey,
    safetyCode: safetyCode(device.publicKey) ?? '',
    profile,
    async saveProfile(next) {
      setProfile(next);
      await catalog.writeSetting(PROFILE_KEY, next);
    },
  };
}
