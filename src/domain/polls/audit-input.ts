/**
 * Converts a poll audit export (`"format": "chapterhouse-poll-audit"`, see audit.ts) into the
 * tally CLI's minimal input: method, candidates (the options), seats, seed (the poll id),
 * threshold / quorum, and one ballot per counted ballot with its choice and weight.
 * Self-contained on purpose (imported by tally/parse-input.ts; no import cycle).
 */
import type { Result } from '../result';
import { err, ok } from '../result';

type JsonRecord = Record<string, unknown>;

const isRecord = (value: unknown): value is JsonRecord => typeof value === 'object' && value !== null && !Array.isArray(value);

export const AUDIT_FORMAT_NAME = 'chapterhouse-poll-audit';

export const isPollAudit = (raw: unknown): boolean => isRecord(raw) && raw.format === AUDIT_FORMAT_NAME;

export function auditToTallyInput(raw: unknown): Result<JsonRecord, string> {
  if (!isRecord(raw) || raw.format !== AUDIT_FORMAT_NAME) return err(`not a ${AUDIT_FORMAT_NAME} file`);
  if (raw.version !== 1) return err(`audit "version" must be 1 (got ${JSON.stringify(raw.version)})`);
  const { method, options, seats, pollId, threshold, quorum, ballots } = raw;
  if (typeof method !== 'string') return err('audit "method" must be a string');
  if (typeof pollId !== 'string') return err('audit "pollId" must be a string');
  if (!Array.isArray(ballots)) return err('audit "ballots" must be an array');
  const converted: JsonRecord[] = [];
  for (let i = 0; i < ballots.length; i++) {
    const entry: unknown = ballots[i];
    if (!isRecord(entry) || !isRecord(entry.ballot) || !isRecord(entry.ballot.choice)) {
      return err(`audit ballots[${i}] must be {"memberId", "weight", "ballot": {"choice": ...}}`);
    }
    const weight = entry.weight ?? 1;
    const voter = typeof entry.memberId === 'string' ? { voter: entry.memberId } : {};
    converted.push({ ...entry.ballot.choice, weight, ...(method === 'consent' ? voter : {}) });
  }
  if (method === 'yesno') return ok({ method, threshold: threshold ?? 'simple', quorum: quorum ?? 0, ballots: converted });
  if (method === 'consent') return ok({ method, blocksAllowed: 0, quorum: quorum ?? 0, ballots: converted });
  return ok({ method, candidates: options, seats: seats ?? 1, seed: pollId, ballots: converted });
}
