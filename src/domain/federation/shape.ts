import { isBranchLevel } from '../chapter';
import { isDocId, isRoomSecret } from '../ids';
import type { Result } from '../result';
import { err, ok } from '../result';
import { FEDERATION_LIMITS, type FederationEntry } from './types';

/** Structural checks for entries read from the CRDT (untrusted input). */
export type FederationShapeError = 'malformed' | 'unsupported';

type Fields = Readonly<Record<string, unknown>>;

const ID = /^[A-Za-z0-9_-]{43}$/;
const DEVICE_KEY = /^[A-Za-z0-9_-]{43}$/;
const SIGNATURE = /^[A-Za-z0-9_-]{86}$/;
const ENVELOPE = ['id', 'branchId', 'author', 'createdAt', 'membershipHeads', 'signature', 'type'];
const MEMBERSHIP_ID = /^[A-Za-z0-9_-]{16,128}$/;
const MAX_HEADS = 256;

/** Strictly ascending membership entry ids, at least one: one point of the log has one encoding. */
function areHeads(value: unknown): boolean {
  if (value === undefined) return true;
  if (!Array.isArray(value) || value.length === 0 || value.length > MAX_HEADS) return false;
  return value.every((id, i) => typeof id === 'string' && MEMBERSHIP_ID.test(id) && (i === 0 || (value[i - 1] as string) < id));
}

const isText = (value: unknown, max: number): boolean =>
  typeof value === 'string' && value.trim().length > 0 && value.length <= max;
const isId = (value: unknown): boolean => typeof value === 'string' && ID.test(value);
const isDoc = (value: unknown): boolean => typeof value === 'string' && isDocId(value);

const BODIES: Readonly<Record<string, { readonly keys: readonly string[]; readonly check: (f: Fields) => boolean }>> = {
  'join-request': {
    keys: ['childId', 'childGenesis', 'childName', 'childLevel'],
    check: (f) =>
      isDoc(f.childId) && f.childId !== f.branchId && isId(f.childGenesis) && isText(f.childName, FEDERATION_LIMITS.name) && isBranchLevel(f.childLevel),
  },
  accept: { keys: ['requestId', 'childId'], check: (f) => isId(f.requestId) && isDoc(f.childId) },
  'parent-link': {
    keys: ['parentId', 'parentGenesis', 'parentSecret', 'parentName', 'parentLevel', 'acceptId'],
    check: (f) =>
      isDoc(f.parentId) &&
      f.parentId !== f.branchId &&
      isId(f.parentGenesis) &&
      typeof f.parentSecret === 'string' &&
      isRoomSecret(f.parentSecret) &&
      isText(f.parentName, FEDERATION_LIMITS.name) &&
      isBranchLevel(f.parentLevel) &&
      isId(f.acceptId),
  },
  'leave-parent': {
    keys: ['childId', 'parentId', 'acceptId'],
    check: (f) => isDoc(f.childId) && isDoc(f.parentId) && f.childId !== f.parentId && (f.branchId === f.childId || f.branchId === f.parentId) && isId(f.acceptId),
  },
};

export function parseFederationEntry(value: unknown): Result<FederationEntry, FederationShapeError> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return err('malformed');
  const fields = value as Fields;
  if (typeof fields.type !== 'string') return err('malformed');
  const body = Object.hasOwn(BODIES, fields.type) ? BODIES[fields.type] : undefined;
  if (body === undefined) return err('unsupported');
  const allowed = new Set([...ENVELOPE, ...body.keys]);
  for (const key of Object.keys(fields)) if (!allowed.has(key)) return err('malformed');
  const envelope =
    isId(fields.id) &&
    isDoc(fields.branchId) &&
    typeof fields.author === 'string' &&
    DEVICE_KEY.test(fields.author) &&
    typeof fields.createdAt === 'string' &&
    fields.createdAt.length <= FEDERATION_LIMITS.createdAt &&
    areHeads(fields.membershipHeads) &&
    typeof fields.signature === 'string' &&
    SIGNATURE.test(fields.signature);
  if (!envelope || !body.check(fields)) return err('malformed');
  return ok(value as FederationEntry);
}

export const isWellFormedFederationEntry = (value: unknown): value is FederationEntry => parseFederationEntry(value).ok;
