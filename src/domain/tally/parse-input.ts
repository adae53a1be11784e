/**
 * Parses and validates tally input (already decoded from JSON) into a TallyRequest.
 *
 * Pure and total: never throws, returns `err(message)` with a one-line message naming the
 * offending field, e.g. `ballots[3]: unknown candidate "Zed"`.
 *
 * Minimal format (see README.md):
 *   { "method": "plurality" | "approval" | "score" | "irv" | "stv" | "schulze" | "yesno" | "consent",
 *     "candidates": [...], "seats": 1, "seed": "poll id", "ballots": [...] }
 * Method names are case-insensitive; spaces, dashes and underscores are ignored; a few aliases
 * are accepted (fptp, range, instant-runoff, ranked-choice, yes-no, ...).
 *
 * Other formats (the audit export, later) plug in at `parseTallyInput`: detect them by shape and
 * convert them to the same TallyRequest.
 */
import { auditToTallyInput, isPollAudit } from '../polls/audit-input';
import type { Result } from '../result';
import { err, ok } from '../result';
import type { ConsentBallot, ConsentResponse } from './consent';
import {
  ballotAt,
  show,
  field,
  isObject,
  type Json,
  type JsonObject,
  NameChecker,
  normalizeWord,
  parseNonNegative,
  parseWeighted,
  quote,
} from './parse-fields';
import { MAX_SCORE } from './score';
import { defaultSeed } from './tie-break';
import type { ApprovalBallot, ChoiceBallot, RankedBallot, ScoreBallot, Weighted } from './types';
import type { Threshold, YesNoBallot, YesNoVote } from './yes-no';

export const MAX_CANDIDATES = 1000;

export type CandidateMethod = 'plurality' | 'approval' | 'score' | 'irv' | 'stv' | 'schulze';
export type TallyMethod = CandidateMethod | 'yesno' | 'consent';

interface CandidatePoll {
  readonly candidates: readonly string[];
  readonly seats: number;
  readonly seed: string;
}

export type TallyRequest =
  | (CandidatePoll & { readonly method: 'plurality'; readonly ballots: readonly ChoiceBallot[] })
  | (CandidatePoll & { readonly method: 'approval'; readonly ballots: readonly ApprovalBallot[] })
  | (CandidatePoll & { readonly method: 'score'; readonly ballots: readonly ScoreBallot[] })
  | (CandidatePoll & { readonly method: 'irv' | 'stv' | 'schulze'; readonly ballots: readonly RankedBallot[] })
  | { readonly method: 'yesno'; readonly threshold: Threshold; readonly quorum: number; readonly ballots: readonly YesNoBallot[] }
  | { readonly method: 'consent'; readonly blocksAllowed: number; readonly quorum: number; readonly ballots: readonly ConsentBallot[] };

const METHOD_ALIASES: Readonly<Record<string, TallyMethod>> = {
  plurality: 'plurality',
  fptp: 'plurality',
  firstpastthepost: 'plurality',
  approval: 'approval',
  score: 'score',
  range: 'score',
  irv: 'irv',
  instantrunoff: 'irv',
  rankedchoice: 'irv',
  alternativevote: 'irv',
  stv: 'stv',
  singletransferablevote: 'stv',
  schulze: 'schulze',
  beatpath: 'schulze',
  yesno: 'yesno',
  yesnoabstain: 'yesno',
  consent: 'consent',
};

const METHOD_LIST = 'plurality, approval, score, irv, stv, schulze, yesno, consent';

export function parseTallyInput(raw: unknown): Result<TallyRequest, string> {
  if (!isObject(raw)) return err(`input must be a JSON object (got ${show(raw)})`);
  if (isPollAudit(raw)) {
    const minimal = auditToTallyInput(raw);
    return minimal.ok ? parseMinimalInput(minimal.value as JsonObject) : err(minimal.error);
  }
  if (field(raw, 'method') !== undefined) return parseMinimalInput(raw);
  return err('input has no "method" field (expected e.g. {"method": "irv", "candidates": [...], "ballots": [...]})');
}

export function parseMethod(value: Json | undefined): Result<TallyMethod, string> {
  if (typeof value !== 'string') return err(`"method" must be a string, one of: ${METHOD_LIST}`);
  const key = normalizeWord(value);
  const method = Object.hasOwn(METHOD_ALIASES, key) ? METHOD_ALIASES[key] : undefined;
  return method === undefined ? err(`unknown method ${quote(value)} (expected one of: ${METHOD_LIST})`) : ok(method);
}

function parseMinimalInput(input: JsonObject): Result<TallyRequest, string> {
  const method = parseMethod(field(input, 'method'));
  if (!method.ok) return method;
  const ballots = field(input, 'ballots');
  if (!Array.isArray(ballots)) return err(`"ballots" must be an array (got ${show(ballots)})`);
  switch (method.value) {
    case 'yesno':
      return parseYesNo(input, ballots);
    case 'consent':
      return parseConsent(input, ballots);
    default:
      return parseCandidatePoll(method.value, input, ballots);
  }
}

function parseCandidatePoll(method: CandidateMethod, input: JsonObject, rawBallots: readonly Json[]): Result<TallyRequest, string> {
  const candidates = parseCandidates(field(input, 'candidates'));
  if (!candidates.ok) return candidates;
  const names = candidates.value;
  const seats = field(input, 'seats') ?? 1;
  if (typeof seats !== 'number' || !Number.isInteger(seats) || seats < 1 || seats > names.length) {
    return err(`"seats" must be a whole number from 1 to ${names.length} (the number of candidates), got ${show(seats)}`);
  }
  if (method === 'irv' && seats !== 1) return err('"irv" elects one candidate; use "stv" for more seats');
  const seed = field(input, 'seed') ?? defaultSeed(names);
  if (typeof seed !== 'string') return err(`"seed" must be a string (got ${show(seed)})`);
  const poll = { candidates: names, seats, seed };
  const checker = new NameChecker(names);

  switch (method) {
    case 'plurality': {
      const ballots = mapBallots(rawBallots, (ballot, index, weighted) => {
        const choice = field(ballot, 'choice');
        if (choice === null) return ok({ ...weighted, choice: null });
        if (typeof choice === 'string') {
          return checker.has(choice) ? ok({ ...weighted, choice }) : err(`${ballotAt(index)}: unknown candidate ${quote(choice)}`);
        }
        if (choice !== undefined) return err(`${ballotAt(index)}.choice must be a candidate name or null (got ${show(choice)})`);
        if (field(ballot, 'ranking') === undefined) return err(`${ballotAt(index)} needs "choice" (a candidate name) or "ranking"`);
        const ranking = checker.check(field(ballot, 'ranking'), index, 'ranking');
        return ranking.ok ? ok({ ...weighted, choice: ranking.value[0] ?? null }) : ranking;
      });
      return ballots.ok ? ok({ method, ...poll, ballots: ballots.value }) : ballots;
    }
    case 'approval': {
      const ballots = mapBallots(rawBallots, (ballot, index, weighted) => {
        const approved = checker.check(field(ballot, 'approved'), index, 'approved');
        return approved.ok ? ok({ ...weighted, approved: approved.value }) : approved;
      });
      return ballots.ok ? ok({ method, ...poll, ballots: ballots.value }) : ballots;
    }
    case 'score': {
      const ballots = mapBallots(rawBallots, (ballot, index, weighted) => {
        const scores = field(ballot, 'scores');
        if (!isObject(scores)) return err(`${ballotAt(index)}.scores must be an object {"candidate": score} (got ${show(scores)})`);
        for (const [name, score] of Object.entries(scores)) {
          if (!checker.has(name)) return err(`${ballotAt(index)}: unknown candidate ${quote(name)}`);
          if (typeof score !== 'number' || !Number.isFinite(score) || score < 0 || score > MAX_SCORE) {
            return err(`${ballotAt(index)}.scores[${quote(name)}] must be a number from 0 to ${MAX_SCORE} (got ${show(score)})`);
          }
        }
        return ok({ ...weighted, scores: scores as Readonly<Record<string, number>> });
      });
      return ballots.ok ? ok({ method, ...poll, ballots: ballots.value }) : ballots;
    }
    default: {
      const ballots = mapBallots(rawBallots, (ballot, index, weighted) => {
        const choice = field(ballot, 'choice');
        if (field(ballot, 'ranking') === undefined && typeof choice === 'string') {
          const single = checker.check([choice], index, 'choice');
          return single.ok ? ok({ ...weighted, ranking: single.value }) : single;
        }
        const problem = checker.problem(field(ballot, 'ranking'), index, 'ranking');
        // The validated JSON object already has the RankedBallot shape: no copy for big polls.
        return problem === null ? ok(ballot as unknown as RankedBallot) : err(problem);
      });
      return ballots.ok ? ok({ method, ...poll, ballots: ballots.value }) : ballots;
    }
  }
}

export function parseCandidates(value: Json | undefined): Result<string[], string> {
  if (!Array.isArray(value) || value.length === 0) return err(`"candidates" must be a non-empty array of names (got ${show(value)})`);
  if (value.length > MAX_CANDIDATES) return err(`too many candidates (${value.length}; at most ${MAX_CANDIDATES})`);
  const seen = new Map<string, number>();
  for (let i = 0; i < value.length; i++) {
    const name: Json = value[i]!;
    if (typeof name !== 'string' || name.trim() === '') return err(`candidates[${i}] must be a non-empty name (got ${show(name)})`);
    const before = seen.get(name);
    if (before !== undefined) return err(`duplicate candidate ${quote(name)} (candidates[${before}] and candidates[${i}])`);
    seen.set(name, i);
  }
  return ok(value as string[]);
}

type BallotParser<B> = (ballot: JsonObject, index: number, weighted: Weighted) => Result<B, string>;

function mapBallots<B>(rawBallots: readonly Json[], parse: BallotParser<B>): Result<B[], string> {
  const ballots: B[] = new Array(rawBallots.length);
  for (let i = 0; i < rawBallots.length; i++) {
    const raw = rawBallots[i];
    if (!isObject(raw)) return err(`${ballotAt(i)} must be an object (got ${show(raw)})`);
    const weighted = parseWeighted(raw, i);
    if (!weighted.ok) return weighted;
    const ballot = parse(raw, i, weighted.value);
    if (!ballot.ok) return ballot;
    ballots[i] = ballot.value;
  }
  return ok(ballots);
}

function parseThreshold(value: Json | undefined): Result<Threshold, string> {
  if (value === undefined) return ok('simple');
  if (typeof value === 'string') {
    const key = normalizeWord(value);
    if (key === 'simple' || key === 'majority' || key === 'simplemajority') return ok('simple');
    if (key === 'twothirds' || key === '2/3') return ok('twoThirds');
  }
  if (typeof value === 'number' && value > 0 && value <= 1) return ok({ fraction: value });
  if (isObject(value)) {
    const fraction = field(value, 'fraction');
    const strict = field(value, 'strict') ?? false;
    if (typeof fraction === 'number' && fraction > 0 && fraction <= 1 && typeof strict === 'boolean') return ok({ fraction, strict });
  }
  return err(`"threshold" must be "simple", "two-thirds", a fraction in (0, 1] or {"fraction": f, "strict": true} (got ${show(value)})`);
}

const VOTES: Readonly<Record<string, YesNoVote>> = { yes: 'yes', no: 'no', abstain: 'abstain' };

function parseYesNo(input: JsonObject, rawBallots: readonly Json[]): Result<TallyRequest, string> {
  const threshold = parseThreshold(field(input, 'threshold'));
  if (!threshold.ok) return threshold;
  const quorum = parseNonNegative(field(input, 'quorum'), 'quorum', 0);
  if (!quorum.ok) return quorum;
  const ballots = mapBallots(rawBallots, (ballot, index, weighted) => {
    const raw = field(ballot, 'vote') ?? field(ballot, 'choice');
    const key = typeof raw === 'string' ? normalizeWord(raw) : '';
    const vote = Object.hasOwn(VOTES, key) ? VOTES[key] : undefined;
    if (vote === undefined) return err(`${ballotAt(index)}.vote must be "yes", "no" or "abstain" (got ${show(raw)})`);
    return ok({ ...weighted, vote });
  });
  return ballots.ok ? ok({ method: 'yesno', threshold: threshold.value, quorum: quorum.value, ballots: ballots.value }) : ballots;
}

const RESPONSES: Readonly<Record<string, ConsentResponse>> = { agree: 'agree', standaside: 'standAside', block: 'block' };

function parseConsent(input: JsonObject, rawBallots: readonly Json[]): Result<TallyRequest, string> {
  const blocksAllowed = parseNonNegative(field(input, 'blocksAllowed'), 'blocksAllowed', 0);
  if (!blocksAllowed.ok) return blocksAllowed;
  const quorum = parseNonNegative(field(input, 'quorum'), 'quorum', 0);
  if (!quorum.ok) return quorum;
  const ballots = mapBallots(rawBallots, (ballot, index, weighted) => {
    const raw = field(ballot, 'response') ?? field(ballot, 'vote') ?? field(ballot, 'choice');
    const key = typeof raw === 'string' ? normalizeWord(raw) : '';
    const response = Object.hasOwn(RESPONSES, key) ? RESPONSES[key] : undefined;
    if (response === undefined) return err(`${ballotAt(index)}.response must be "agree", "stand aside" or "block" (got ${show(raw)})`);
    const reason = field(ballot, 'reason');
    const voter = field(ballot, 'voter');
    if (reason !== undefined && reason !== null && typeof reason !== 'string') return err(`${ballotAt(index)}.reason must be a string`);
    if (voter !== undefined && voter !== null && typeof voter !== 'string') return err(`${ballotAt(index)}.voter must be a string`);
    return ok({
      ...weighted,
      response,
      ...(typeof reason === 'string' ? { reason } : {}),
      ...(typeof voter === 'string' ? { voter } : {}),
    });
  });
  return ballots.ok ? ok({ method: 'consent', blocksAllowed: blocksAllowed.value, quorum: quorum.value, ballots: ballots.value }) : ballots;
}
