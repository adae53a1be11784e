import type { Result } from '../result';
import { err, ok } from '../result';
import { ENTRY_LIMITS, type MembershipEntry, ROLES } from './types';

/**
 * Structural checks for entries read from the CRDT (untrusted: anyone with the room secret can
 * write anything). Semantic validity is decided by `validateLog`.
 */
export type ShapeError = 'malformed' | 'unsupported';

const ID = /^[A-Za-z0-9_-]{16,128}$/;
const DEVICE_KEY = /^[A-Za-z0-9_-]{43}$/;
const SIGNATURE = /^[A-Za-z0-9_-]{86}$/;

type Fields = Readonly<Record<string, unknown>>;
type Check = (fields: Fields) => boolean;

const ENVELOPE = ['id', 'chapterId', 'author', 'parents', 'counter', 'createdAt', 'signature', 'type'];

const isString = (value: unknown, max: number, min = 0): value is string =>
  typeof value === 'string' && value.length >= min && value.length <= max;
const isId = (value: unknown): boolean => typeof value === 'string' && ID.test(value);
const isDeviceKey = (value: unknown): boolean => typeof value === 'string' && DEVICE_KEY.test(value);
const isOptionalReference = (value: unknown): boolean =>
  value === undefined || isString(value, ENTRY_LIMITS.reference, 1);
const isRole = (value: unknown): boolean => (ROLES as readonly unknown[]).includes(value);
const isName = (value: unknown): boolean =>
  isString(value, ENTRY_LIMITS.name, 1) && value.trim().length > 0;

const RULE_KEYS = { plain: new Set(['kind']), counted: new Set(['kind', 'n']) } as const;

function isRule(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false;
  const rule = value as Fields;
  switch (rule.kind) {
    case 'any-member':
    case 'poll':
      return hasOnly(rule, RULE_KEYS.plain);
    case 'n-members':
      return (
        hasOnly(rule, RULE_KEYS.counted) &&
        Number.isSafeInteger(rule.n) &&
        (rule.n as number) >= 1 &&
        (rule.n as number) <= ENTRY_LIMITS.n
      );
    default:
      return false;
  }
}

/** Per type: the body's allowed keys and its check. */
const BODIES: Readonly<Record<string, { readonly keys: readonly string[]; readonly check: Check }>> = {
  found: {
    keys: ['memberId', 'name', 'deviceKey'],
    check: (f) => isId(f.memberId) && isName(f.name) && f.deviceKey === f.author && isEmpty(f.parents),
  },
  request: {
    keys: ['name', 'deviceKey', 'inviteId'],
    check: (f) => isName(f.name) && f.deviceKey === f.author && (f.inviteId === undefined || isId(f.inviteId)),
  },
  invite: {
    keys: ['maxUses', 'expiresAt'],
    check: (f) =>
      Number.isSafeInteger(f.maxUses) &&
      (f.maxUses as number) >= 1 &&
      (f.maxUses as number) <= ENTRY_LIMITS.maxUses &&
      (f.expiresAt === undefined || isString(f.expiresAt, ENTRY_LIMITS.createdAt, 1)),
  },
  admit: { keys: ['requestId', 'pollId'], check: (f) => isId(f.requestId) && isOptionalReference(f.pollId) },
  'link-device': { keys: ['deviceKey'], check: (f) => isDeviceKey(f.deviceKey) && f.deviceKey !== f.author },
  'revoke-device': { keys: ['deviceKey'], check: (f) => isDeviceKey(f.deviceKey) },
  'grant-role': { keys: ['memberId', 'role'], check: (f) => isId(f.memberId) && isRole(f.role) },
  'revoke-role': { keys: ['memberId', 'role'], check: (f) => isId(f.memberId) && isRole(f.role) },
  leave: { keys: [], check: () => true },
  remove: {
    keys: ['memberId', 'reason', 'decisionId'],
    check: (f) =>
      isId(f.memberId) && isString(f.reason, ENTRY_LIMITS.reason, 1) && isOptionalReference(f.decisionId),
  },
  'set-admission-rule': { keys: ['rule'], check: (f) => isRule(f.rule) },
  'link-poll': {
    keys: ['pollId', 'requestId', 'memberId'],
    check: (f) => isString(f.pollId, ENTRY_LIMITS.reference, 1) && (f.requestId === undefined) !== (f.memberId === undefined) && (f.requestId === undefined || isId(f.requestId)) && (f.memberId === undefined || isId(f.memberId)),
  },
};

const ALLOWED: ReadonlyMap<string, ReadonlySet<string>> = new Map(
  Object.entries(BODIES).map(([type, body]) => [type, new Set([...ENVELOPE, ...body.keys])]),
);

const isEmpty = (value: unknown): boolean => Array.isArray(value) && value.length === 0;

function hasOnly(fields: Fields, allowed: ReadonlySet<string>): boolean {
  for (const key in fields) {
    if (Object.hasOwn(fields, key) && fields[key] !== undefined && !allowed.has(key)) return false;
  }
  return true;
}

/** Parents must be ids in strictly ascending order, so one parent set has exactly one encoding. */
function areParents(value: unknown): boolean {
  if (!Array.isArray(value) || value.length > ENTRY_LIMITS.parents) return false;
  for (let i = 0; i < value.length; i += 1) {
    const id: unknown = value[i];
    if (!isId(id)) return false;
    if (i > 0 && (value[i - 1] as string) >= (id as string)) return false;
  }
  return true;
}

function envelopeIsValid(f: Fields): boolean {
  return (
    isId(f.id) &&
    isString(f.chapterId, ENTRY_LIMITS.reference, 1) &&
    isDeviceKey(f.author) &&
    areParents(f.parents) &&
    Number.isSafeInteger(f.counter) &&
    (f.counter as number) >= 1 &&
    isString(f.createdAt, ENTRY_LIMITS.createdAt) &&
    typeof f.signature === 'string' &&
    SIGNATURE.test(f.signature)
  );
}

export function parseEntry(value: unknown): Result<MembershipEntry, ShapeError> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return err('malformed');
  const fields = value as Fields;
  if (typeof fields.type !== 'string') return err('malformed');
  const body = Object.hasOwn(BODIES, fields.type) ? BODIES[fields.type] : undefined;
  const allowed = ALLOWED.get(fields.type);
  if (body === undefined || allowed === undefined) return err('unsupported');
  if (!hasOnly(fields, allowed)) return err('malformed');
  if (!envelopeIsValid(fields) || !body.check(fields)) return err('malformed');
  return ok(value as MembershipEntry);
}

export const isWellFormed = (value: unknown): value is MembershipEntry => parseEntry(value).ok;
