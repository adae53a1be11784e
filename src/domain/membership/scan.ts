import type { DeviceKey } from './types';
import type { MembershipState } from './view';

/** What the key QR encodes (see KeyQr): a fixed prefix and the device's public key. */
export const KEY_QR_PREFIX = 'chapterhouse-key:';
const DEVICE_KEY = /^[A-Za-z0-9_-]{43}$/;

export type ScanVerdict =
  /** The key is an unrevoked device of this member. */
  | { readonly kind: 'verified'; readonly key: DeviceKey; readonly name: string; readonly active: boolean }
  /** The key was this member's, but the device has been revoked. */
  | { readonly kind: 'revoked'; readonly key: DeviceKey; readonly name: string }
  /** A real key, but no member's device here. */
  | { readonly kind: 'unknownKey'; readonly key: DeviceKey }
  /** Not a Chapterhouse key code at all. */
  | { readonly kind: 'notAKey' };

/** Checks a scanned key QR against the validated member list: who, in person, holds that key. */
export function verifyScannedKey(state: MembershipState, scanned: string): ScanVerdict {
  const text = scanned.trim();
  const key = text.startsWith(KEY_QR_PREFIX) ? text.slice(KEY_QR_PREFIX.length) : text;
  if (!DEVICE_KEY.test(key)) return { kind: 'notAKey' };
  const deviceKey = key as DeviceKey;
  for (const member of state.members) {
    const device = member.devices.find((item) => item.key === deviceKey);
    if (device === undefined) continue;
    if (device.revokedBy !== null) return { kind: 'revoked', key: deviceKey, name: member.name };
    return { kind: 'verified', key: deviceKey, name: member.name, active: member.status === 'active' };
  }
  return { kind: 'unknownKey', key: deviceKey };
}
