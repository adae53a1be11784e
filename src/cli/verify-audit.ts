/**
 * `npm run --silent tally -- --verify FILE.json`: checks a poll audit record the app exports
 * ("Export ballots" on a closed poll). Verifies the poll's signature and every ballot's and close
 * record's (id = SHA-256 of the canonical JSON, Ed25519 signature by the named device), re-judges
 * which ballots count with the same rules the app uses (domain/polls/count.ts), recounts, and
 * compares with what the file claims. Membership (which device belongs to which member) is taken
 * from the file's `members`, as the exporting device's signed membership log said.
 */
import { type BatchVerifier, verifyAllSigned } from '../crypto/ballot-signing';
import type { ChapterId, MemberId } from '../domain/membership/types';
import { canonicalJson } from '../domain/membership/canonical';
import { AUDIT_FORMAT } from '../domain/polls/audit';
import { countPoll } from '../domain/polls/count';
import { tallyPoll } from '../domain/polls/tally-input';
import type { CloseRejectReason, RejectReason, Voter } from '../domain/polls/types';
import { isSignedPoll } from '../domain/polls/validate';
import type { Result } from '../domain/result';
import { err, ok } from '../domain/result';
import type { TallyResult } from '../domain/tally/run';

export interface VerifyReport {
  readonly pollId: string;
  readonly pollSignature: 'valid' | 'invalid';
  readonly status: string;
  readonly counted: readonly { readonly id: string; readonly memberId: string; readonly weight: number; readonly chapterId?: string }[];
  readonly rejected: readonly { readonly id: string; readonly memberId: string | null; readonly voter: string; readonly reason: RejectReason }[];
  readonly closeRecords: readonly { readonly id: string; readonly valid: boolean; readonly reason: CloseRejectReason | null; readonly chosen: boolean }[];
  readonly result: TallyResult;
  /** Whether the file's own claims (counted ballots, result) match the recount. */
  readonly matchesExport: { readonly counted: boolean; readonly result: boolean };
  readonly verified: boolean;
  /** Human-readable reasons when `verified` is false. */
  readonly problems: readonly string[];
}

type JsonRecord = Record<string, unknown>;
const isRecord = (value: unknown): value is JsonRecord => typeof value === 'object' && value !== null && !Array.isArray(value);

function parseMembers(raw: unknown): Result<Voter[], string> {
  if (!Array.isArray(raw)) return err('"members" must be an array (export the poll again with this version of the app)');
  const out: Voter[] = [];
  for (let i = 0; i < raw.length; i++) {
    const m: unknown = raw[i];
    const where = `members[${i}]`;
    if (!isRecord(m) || typeof m.memberId !== 'string' || typeof m.name !== 'string') return err(`${where} needs "memberId" and "name" strings`);
    if (typeof m.active !== 'boolean' || typeof m.isTeller !== 'boolean') return err(`${where} needs "active" and "isTeller" booleans`);
    if (!Array.isArray(m.devices)) return err(`${where}.devices must be an array`);
    const devices: { key: never; revoked: boolean }[] = [];
    for (const d of m.devices) {
      if (!isRecord(d) || typeof d.key !== 'string' || typeof d.revoked !== 'boolean') return err(`${where}.devices entries need "key" (string) and "revoked" (boolean)`);
      devices.push({ key: d.key as never, revoked: d.revoked });
    }
    if (m.chapterId !== undefined && typeof m.chapterId !== 'string') return err(`${where}.chapterId must be a string when present`);
    const chapter = typeof m.chapterId === 'string' ? { chapterId: m.chapterId as ChapterId } : {};
    out.push({ memberId: m.memberId as MemberId, name: m.name, active: m.active, isTeller: m.isTeller, devices, ...chapter });
  }
  return ok(out);
}

const sameJson = (a: unknown, b: unknown): boolean => {
  try {
    return canonicalJson(a) === canonicalJson(b);
  } catch {
    return false;
  }
};

/** Err for a file that is not a verifiable audit record; otherwise the full report. */
export async function verifyAudit(raw: unknown, verifyBatch?: BatchVerifier): Promise<Result<VerifyReport, string>> {
  if (!isRecord(raw) || raw.format !== AUDIT_FORMAT) return err(`not a ${AUDIT_FORMAT} file (export it with "Export ballots" on a closed poll)`);
  if (raw.version !== 1) return err(`audit "version" must be 1 (got ${JSON.stringify(raw.version)})`);
  const poll = raw.poll;
  if (!isSignedPoll(poll)) return err('"poll" is not a signed poll definition');
  const members = parseMembers(raw.members);
  if (!members.ok) return members;
  const records = raw.records;
  if (!isRecord(records) || !Array.isArray(records.ballots) || !Array.isArray(records.closes)) {
    return err('"records" must be {"ballots": [...], "closes": [...]} (export the poll again with this version of the app)');
  }
  const ballots: unknown[] = records.ballots;
  const closes: unknown[] = records.closes;
  // One batch: the poll, then every ballot and close record (each canonicalized and hashed once).
  const authentic = await verifyAllSigned([poll, ...ballots, ...closes], verifyBatch);
  const pollValid = authentic.has(poll) && raw.pollId === poll.id;
  // The count never depends on `now` once a close record exists; without one, judge it as after the deadline.
  const count = countPoll({ poll, ballots, closes, voters: members.value, isAuthentic: (r) => authentic.has(r), now: poll.closesAt });
  const result = tallyPoll(poll, count.counted);

  const claimed = Array.isArray(raw.ballots)
    ? raw.ballots.map((b) => (isRecord(b) && isRecord(b.ballot) && typeof b.ballot.id === 'string' ? b.ballot.id : '?')).sort()
    : null;
  const countedIds = count.counted.map((c) => c.ballot.id).sort();
  const matchesCounted = claimed !== null && claimed.join('\n') === countedIds.join('\n');
  const matchesResult = sameJson(raw.result, result);
  const problems: string[] = [];
  if (!pollValid) problems.push('the poll definition’s id or signature does not verify');
  if (!matchesCounted) problems.push('the ballots the file lists as counted differ from the recount');
  if (!matchesResult) problems.push('the result in the file differs from the recount');
  if (count.status !== 'closed') problems.push(`the poll is not final (${count.status})`);

  return ok({
    pollId: poll.id,
    pollSignature: pollValid ? 'valid' : 'invalid',
    status: count.status,
    counted: count.counted.map((c) => ({ id: c.ballot.id, memberId: c.memberId, weight: c.weight, ...(c.chapterId ? { chapterId: c.chapterId } : {}) })),
    rejected: count.rejected.map((r) => ({ id: r.id, memberId: r.memberId, voter: r.voter, reason: r.reason })),
    closeRecords: count.closes.map((c) => ({ id: c.record.id, valid: c.valid, reason: c.reason, chosen: c.chosen })),
    result,
    matchesExport: { counted: matchesCounted, result: matchesResult },
    verified: problems.length === 0,
    problems,
  });
}
