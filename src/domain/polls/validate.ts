/** Validation of poll input (typed errors for the form) and of stored records (shape only). */
import type { Result } from '../result';
import { err, ok } from '../result';
import type {
  BallotChoice,
  PollDefinition,
  PollMethod,
  PollThreshold,
  SignedBallot,
  SignedCloseRecord,
  SignedPoll,
} from './types';
import { checkScope, checkWeights, isWeight } from './electorate-input';
import type { PollContext, PollError, PollInput } from './input-types';
import { POLL_LIMITS } from './limits';
import { CANDIDATE_METHODS, POLL_METHODS, RANKED_METHODS } from './types';

export { POLL_LIMITS } from './limits';
export const MAX_SCORE = 5;

export type { PollContext, PollError, PollField, PollInput, ScopeInput, WeightsInput } from './input-types';

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

/** The poll's options as a set, built once per poll definition (a count checks every ballot). */
const optionSets = new WeakMap<PollDefinition, ReadonlySet<string>>();
function optionSet(poll: PollDefinition): ReadonlySet<string> {
  let known = optionSets.get(poll);
  if (known === undefined) {
    known = new Set(poll.options);
    optionSets.set(poll, known);
  }
  return known;
}

/** Whether a choice payload fits the poll (known options, no repeats, scores 0–5). */
export function isValidChoice(poll: PollDefinition, choice: unknown): choice is BallotChoice {
  if (!isObject(choice)) return false;
  const known = optionSet(poll);
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
