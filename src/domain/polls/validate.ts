/** Validation of poll input (typed errors for the form) and of stored records (shape only). */
import type { Result } from '../result';
import { err, ok } from '../result';
import type { ChapterId, DeviceKey, MemberId } from '../membership/types';
import type {
  BallotChoice,
  MinutesLink,
  PollDefinition,
  PollScope,
  PollMethod,
  PollThreshold,
  SignedBallot,
  SignedCloseRecord,
  SignedPoll,
  WeightRule,
} from './types';
import { CANDIDATE_METHODS, POLL_METHODS, RANKED_METHODS } from './types';

export const POLL_LIMITS = { question: 200, description: 2000, option: 120, options: 50, reason: 500, groupName: 120, weightReason: 500, maxWeight: 100 } as const;
export const MAX_SCORE = 5;

export type PollField = 'question' | 'description' | 'options' | 'method' | 'seats' | 'threshold' | 'quorum' | 'closesAt' | 'scope' | 'weights';

export type PollError =
  | { readonly field: PollField; readonly code: 'required' }
  | { readonly field: PollField; readonly code: 'tooLong'; readonly max: number }
  | { readonly field: 'options'; readonly code: 'tooFewOptions'; readonly min: number }
  | { readonly field: 'options'; readonly code: 'tooManyOptions'; readonly max: number }
  | { readonly field: 'options'; readonly code: 'duplicateOption'; readonly option: string }
  | { readonly field: 'seats'; readonly code: 'badSeats'; readonly max: number }
  | { readonly field: 'threshold'; readonly code: 'badThreshold' }
  | { readonly field: 'quorum'; readonly code: 'badQuorum' }
  | { readonly field: 'closesAt'; readonly code: 'invalidDate' }
  | { readonly field: 'closesAt'; readonly code: 'closesInPast' }
  | { readonly field: 'method'; readonly code: 'invalidChoice' }
  | { readonly field: 'scope'; readonly code: 'emptyScope' }
  | { readonly field: 'scope' | 'weights'; readonly code: 'unknownMember'; readonly member: string }
  | { readonly field: 'scope'; readonly code: 'unknownChapter'; readonly chapter: string }
  | { readonly field: 'weights'; readonly code: 'perChapterNeedsChapters' }
  | { readonly field: 'weights'; readonly code: 'badWeight'; readonly member: string; readonly max: number };

/** Who may vote, as entered: the whole chapter or a named list of members. */
export type ScopeInput =
  | { readonly kind: 'chapter' }
  | { readonly kind: 'group'; readonly name: string; readonly members: readonly string[] }
  /** A branch's poll put to some of its member chapters (ids of accepted member chapters). */
  | { readonly kind: 'chapters'; readonly chapters: readonly string[] };
/** Weights as entered: equal, or a number per member with the reason for them. */
export type WeightsInput =
  | { readonly kind: 'equal' }
  /** Equal per affected chapter, split among its voters (chapters scope only). */
  | { readonly kind: 'perChapter' }
  /** Per member id; per chapter id in a poll put to member chapters. */
  | { readonly kind: 'custom'; readonly reason: string; readonly weights: Readonly<Record<string, number>> };

export interface PollInput {
  readonly question: string;
  readonly description: string;
  /** One option per entry; blank entries are ignored. */
  readonly options: readonly string[];
  readonly method: string;
  readonly seats: number;
  readonly threshold: 'simple' | 'twoThirds' | 'custom';
  /** Percentage for a custom threshold (1–100). */
  readonly customThreshold: number;
  readonly quorum: number;
  /** RFC 3339 instant ('' when the date field is empty or invalid). */
  readonly closesAt: string;
  readonly showResultsBeforeClose: boolean;
  readonly allowBallotChange: boolean;
  readonly anyMemberMayClose: boolean;
  /** Default: the whole chapter. */
  readonly scope?: ScopeInput;
  /** Default: equal. */
  readonly weights?: WeightsInput;
  /** The agenda item whose minutes get the outcome (null/absent: none). */
  readonly minutes?: MinutesLink | null;
}

export interface PollContext {
  readonly chapterId: ChapterId;
  readonly createdBy: DeviceKey;
  /** Now, RFC 3339 (the caller's clock). */
  readonly now: string;
  /** Ids of the chapter's active members (needed for a group scope or custom weights). */
  readonly members?: readonly string[];
  /** A branch's accepted member chapters (needed for a poll put to member chapters). */
  readonly chapters?: readonly { readonly id: string; readonly name: string }[];
}

const isMethod = (value: string): value is PollMethod => (POLL_METHODS as readonly string[]).includes(value);

export function validatePollInput(input: PollInput, context: PollContext): Result<PollDefinition, readonly PollError[]> {
  const errors: PollError[] = [];
  const question = input.question.trim();
  const description = input.description.trim();
  if (!question) errors.push({ field: 'question', code: 'required' });
  else if (question.length > POLL_LIMITS.question) errors.push({ field: 'question', code: 'tooLong', max: POLL_LIMITS.question });
  if (description.length > POLL_LIMITS.description) errors.push({ field: 'description', code: 'tooLong', max: POLL_LIMITS.description });
  const method = isMethod(input.method) ? input.method : null;
  if (!method) errors.push({ field: 'method', code: 'invalidChoice' });
  const needsOptions = method !== null && CANDIDATE_METHODS.includes(method);
  const options = needsOptions ? input.options.map((option) => option.trim()).filter((option) => option.length > 0) : [];
  if (needsOptions) {
    if (options.length < 2) errors.push({ field: 'options', code: 'tooFewOptions', min: 2 });
    if (options.length > POLL_LIMITS.options) errors.push({ field: 'options', code: 'tooManyOptions', max: POLL_LIMITS.options });
    const seen = new Set<string>();
    for (const option of options) {
      if (option.length > POLL_LIMITS.option) errors.push({ field: 'options', code: 'tooLong', max: POLL_LIMITS.option });
      if (seen.has(option)) errors.push({ field: 'options', code: 'duplicateOption', option });
      seen.add(option);
    }
  }
  let seats = 1;
  if (method === 'stv') {
    seats = input.seats;
    const max = Math.max(1, options.length - 1);
    if (!Number.isInteger(seats) || seats < 1 || seats > max) errors.push({ field: 'seats', code: 'badSeats', max });
  }
  let threshold: PollThreshold = 'simple';
  if (method === 'yesno') {
    if (input.threshold === 'custom') {
      const pct = input.customThreshold;
      if (!Number.isFinite(pct) || pct <= 0 || pct > 100) errors.push({ field: 'threshold', code: 'badThreshold' });
      else threshold = { fraction: Math.round(pct * 100) / 10000 };
    } else threshold = input.threshold === 'twoThirds' ? 'twoThirds' : 'simple';
  }
  const quorum = method === 'yesno' || method === 'consent' ? input.quorum : 0;
  if (!Number.isInteger(quorum) || quorum < 0 || quorum > 100_000) errors.push({ field: 'quorum', code: 'badQuorum' });
  const closes = new Date(input.closesAt);
  if (!input.closesAt) errors.push({ field: 'closesAt', code: 'required' });
  else if (Number.isNaN(closes.getTime())) errors.push({ field: 'closesAt', code: 'invalidDate' });
  else if (closes.getTime() <= new Date(context.now).getTime()) errors.push({ field: 'closesAt', code: 'closesInPast' });
  const scope = checkScope(input.scope ?? { kind: 'chapter' }, context, errors);
  // Custom weights name members, or chapters when the poll is put to member chapters.
  const electorate = scope === 'chapter' ? (context.members ?? []) : scope.kind === 'group' ? scope.members : scope.chapters.map((c) => c.id);
  const weightRule = checkWeights(input.weights ?? { kind: 'equal' }, electorate, errors);
  if (weightRule === 'perChapter' && (scope === 'chapter' || scope.kind !== 'chapters')) errors.push({ field: 'weights', code: 'perChapterNeedsChapters' });
  if (errors.length > 0 || !method) return err(errors);
  return ok({
    v: 1,
    kind: 'poll',
    chapterId: context.chapterId,
    question,
    description,
    options,
    method,
    seats,
    threshold,
    quorum,
    closesAt: closes.toISOString(),
    showResultsBeforeClose: input.showResultsBeforeClose,
    allowBallotChange: input.allowBallotChange,
    anyMemberMayClose: input.anyMemberMayClose,
    scope,
    weightRule,
    ...(input.minutes ? { minutes: { meetingId: input.minutes.meetingId, agendaItemId: input.minutes.agendaItemId } } : {}),
    createdBy: context.createdBy,
    createdAt: context.now,
  });
}

function checkScope(input: ScopeInput, context: PollContext, errors: PollError[]): PollScope {
  if (input.kind === 'chapter') return 'chapter';
  if (input.kind === 'chapters') {
    const known = new Map((context.chapters ?? []).map((chapter) => [chapter.id, chapter.name] as const));
    const chosen = [...new Set(input.chapters)].sort();
    if (chosen.length === 0) errors.push({ field: 'scope', code: 'emptyScope' });
    for (const id of chosen) if (!known.has(id)) errors.push({ field: 'scope', code: 'unknownChapter', chapter: id });
    const chapters = chosen.map((id) => ({ id: id as ChapterId, name: (known.get(id) ?? '').slice(0, POLL_LIMITS.groupName) }));
    return { kind: 'chapters', chapters };
  }
  const members = context.members ?? [];
  const name = input.name.trim();
  if (!name) errors.push({ field: 'scope', code: 'required' });
  else if (name.length > POLL_LIMITS.groupName) errors.push({ field: 'scope', code: 'tooLong', max: POLL_LIMITS.groupName });
  const chosen = [...new Set(input.members)].sort();
  if (chosen.length === 0) errors.push({ field: 'scope', code: 'emptyScope' });
  const known = new Set(members);
  for (const member of chosen) if (!known.has(member)) errors.push({ field: 'scope', code: 'unknownMember', member });
  return { kind: 'group', name, members: chosen as MemberId[] };
}

/** At most 3 decimals, so a weight typed on one device is the same number on every other. */
const isWeight = (value: number): boolean =>
  Number.isFinite(value) && value > 0 && value <= POLL_LIMITS.maxWeight && Math.round(value * 1000) / 1000 === value;

function checkWeights(input: WeightsInput, electorate: readonly string[], errors: PollError[]): WeightRule {
  if (input.kind === 'equal') return 'equal';
  if (input.kind === 'perChapter') return 'perChapter';
  const reason = input.reason.trim();
  if (!reason) errors.push({ field: 'weights', code: 'required' });
  else if (reason.length > POLL_LIMITS.weightReason) errors.push({ field: 'weights', code: 'tooLong', max: POLL_LIMITS.weightReason });
  const allowed = new Set(electorate);
  const weights: Record<string, number> = {};
  for (const [member, weight] of Object.entries(input.weights).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    if (!allowed.has(member)) errors.push({ field: 'weights', code: 'unknownMember', member });
    else if (!isWeight(weight)) errors.push({ field: 'weights', code: 'badWeight', member, max: POLL_LIMITS.maxWeight });
    else weights[member] = weight;
  }
  return { kind: 'custom', reason, weights };
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const isString = (value: unknown): value is string => typeof value === 'string';
const isStringArray = (value: unknown): value is string[] => Array.isArray(value) && value.every(isString);
const signedShape = (value: Record<string, unknown>): boolean => isString(value.id) && isString(value.signature);

const isChapterRef = (value: unknown): boolean => isObject(value) && isString(value.id) && isString(value.name) && Object.keys(value).length === 2;

const isScope = (value: unknown): boolean =>
  value === 'chapter' ||
  (isObject(value) && value.kind === 'group' && isString(value.name) && isStringArray(value.members) && Object.keys(value).length === 3) ||
  (isObject(value) && value.kind === 'chapters' && Array.isArray(value.chapters) && value.chapters.every(isChapterRef) && Object.keys(value).length === 2);

const isWeightRule = (value: unknown): boolean =>
  value === 'equal' ||
  value === 'perChapter' ||
  (isObject(value) &&
    value.kind === 'custom' &&
    isString(value.reason) &&
    isObject(value.weights) &&
    Object.values(value.weights).every((weight) => typeof weight === 'number' && isWeight(weight)) &&
    Object.keys(value).length === 3);

const isMinutesLink = (value: unknown): boolean =>
  isObject(value) && isString(value.meetingId) && isString(value.agendaItemId) && Object.keys(value).length === 2;

export function isSignedPoll(value: unknown): value is SignedPoll {
  if (!isObject(value) || !signedShape(value) || value.v !== 1 || value.kind !== 'poll') return false;
  return (
    isString(value.chapterId) &&
    isString(value.question) &&
    isString(value.description) &&
    isStringArray(value.options) &&
    isString(value.method) &&
    isMethod(value.method) &&
    typeof value.seats === 'number' &&
    typeof value.quorum === 'number' &&
    isString(value.closesAt) &&
    !Number.isNaN(Date.parse(value.closesAt)) &&
    typeof value.showResultsBeforeClose === 'boolean' &&
    typeof value.allowBallotChange === 'boolean' &&
    typeof value.anyMemberMayClose === 'boolean' &&
    isScope(value.scope) &&
    isWeightRule(value.weightRule) &&
    (value.minutes === undefined || isMinutesLink(value.minutes)) &&
    isString(value.createdBy) &&
    isString(value.createdAt)
  );
}

export function isSignedBallot(value: unknown): value is SignedBallot {
  if (!isObject(value) || !signedShape(value) || value.v !== 1 || value.kind !== 'ballot') return false;
  return (
    isString(value.pollId) &&
    isString(value.chapterId) &&
    isString(value.voter) &&
    typeof value.seq === 'number' &&
    Number.isSafeInteger(value.seq) &&
    value.seq >= 1 &&
    isObject(value.choice) &&
    isString(value.castAt)
  );
}

export function isSignedCloseRecord(value: unknown): value is SignedCloseRecord {
  if (!isObject(value) || !signedShape(value) || value.v !== 1 || value.kind !== 'close') return false;
  return (
    isString(value.pollId) &&
    isString(value.chapterId) &&
    isString(value.closer) &&
    isString(value.closedAt) &&
    typeof value.early === 'boolean' &&
    isStringArray(value.ballots)
  );
}

const YES_NO = new Set(['yes', 'no', 'abstain']);
const CONSENT = new Set(['agree', 'standAside', 'block']);

const isReason = (reason: unknown): boolean => reason === undefined || (isString(reason) && reason.length <= POLL_LIMITS.reason);

/** Whether a choice payload fits the poll (known options, no repeats, scores 0–5). */
export function isValidChoice(poll: PollDefinition, choice: unknown): choice is BallotChoice {
  if (!isObject(choice)) return false;
  const known = new Set(poll.options);
  const distinctKnown = (names: unknown): boolean =>
    isStringArray(names) && new Set(names).size === names.length && names.every((name) => known.has(name));
  const keys = Object.keys(choice);
  switch (poll.method) {
    case 'yesno':
      return isString(choice.vote) && YES_NO.has(choice.vote) && keys.every((key) => key === 'vote' || key === 'reason') && isReason(choice.reason);
    case 'consent':
      return (
        isString(choice.response) &&
        CONSENT.has(choice.response) &&
        keys.every((key) => key === 'response' || key === 'reason') &&
        isReason(choice.reason)
      );
    case 'plurality':
      return keys.length === 1 && (choice.choice === null || (isString(choice.choice) && known.has(choice.choice)));
    case 'approval':
      return keys.length === 1 && distinctKnown(choice.approved);
    case 'score': {
      if (keys.length !== 1 || !isObject(choice.scores)) return false;
      return Object.entries(choice.scores).every(
        ([name, score]) => known.has(name) && typeof score === 'number' && Number.isInteger(score) && score >= 0 && score <= MAX_SCORE,
      );
    }
    default:
      return RANKED_METHODS.includes(poll.method) && keys.length === 1 && distinctKnown(choice.ranking);
  }
}
