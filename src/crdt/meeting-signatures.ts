import * as Y from 'yjs';
import { meetingsMap } from './meeting-repository';
import { LOCAL_EDIT } from './shared-text';

/**
 * Co-signatures and signed amendments of finalized minutes. One key per record on the meeting's
 * map (`approve:<device key>`, `amend:<id>`), so records written concurrently on several devices
 * all survive the merge.
 */
const APPROVE = 'approve:';
const AMEND = 'amend:';

export interface StoredApproval {
  readonly hash: string;
  readonly signature: string;
  readonly signer: string;
  readonly signerMemberId: string;
  readonly at: string;
}

/** A later state of the minutes, signed by whoever amended them; `baseHash` is what it amends. */
export interface StoredAmendment {
  readonly id: string;
  readonly snapshot: string;
  readonly hash: string;
  readonly signature: string;
  readonly signer: string;
  readonly signerMemberId: string;
  readonly baseHash: string;
  readonly at: string;
}

const APPROVAL_FIELDS = ['hash', 'signature', 'signer', 'signerMemberId', 'at'] as const;
const AMENDMENT_FIELDS = ['snapshot', 'hash', 'signature', 'signer', 'signerMemberId', 'baseHash', 'at'] as const;

function pick<K extends string>(raw: unknown, fields: readonly K[]): Record<K, string> | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const r = raw as Record<string, unknown>;
  if (!fields.every((key) => typeof r[key] === 'string')) return null;
  return Object.fromEntries(fields.map((key) => [key, r[key]])) as Record<K, string>;
}

const byTime = <T extends { readonly at: string }>(a: T & { readonly signer: string }, b: T & { readonly signer: string }): number =>
  a.at < b.at ? -1 : a.at > b.at ? 1 : a.signer < b.signer ? -1 : a.signer > b.signer ? 1 : 0;

export function readApprovals(doc: Y.Doc, meetingId: string): readonly StoredApproval[] {
  const map = meetingsMap(doc).get(meetingId);
  if (!(map instanceof Y.Map)) return [];
  const out: StoredApproval[] = [];
  for (const [key, value] of map.entries()) {
    if (!key.startsWith(APPROVE)) continue;
    const record = pick(value, APPROVAL_FIELDS);
    if (record) out.push(record);
  }
  return out.sort(byTime);
}

export function writeApproval(doc: Y.Doc, meetingId: string, record: StoredApproval): boolean {
  const map = meetingsMap(doc).get(meetingId);
  if (!(map instanceof Y.Map)) return false;
  doc.transact(() => map.set(`${APPROVE}${record.signer}`, { ...record }), LOCAL_EDIT);
  return true;
}

export function readAmendments(doc: Y.Doc, meetingId: string): readonly StoredAmendment[] {
  const map = meetingsMap(doc).get(meetingId);
  if (!(map instanceof Y.Map)) return [];
  const out: StoredAmendment[] = [];
  for (const [key, value] of map.entries()) {
    if (!key.startsWith(AMEND)) continue;
    const record = pick(value, AMENDMENT_FIELDS);
    if (record) out.push({ id: key.slice(AMEND.length), ...record });
  }
  return out.sort((a, b) => byTime(a, b) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

export function writeAmendment(doc: Y.Doc, meetingId: string, record: StoredAmendment): boolean {
  const map = meetingsMap(doc).get(meetingId);
  if (!(map instanceof Y.Map)) return false;
  const { id, ...rest } = record;
  doc.transact(() => map.set(`${AMEND}${id}`, rest), LOCAL_EDIT);
  return true;
}
