import type { Result } from '../result';
import { err, ok } from '../result';
import { checkPerson, checkText, MEETING_LIMITS } from './validate-meeting';
import type { DecisionCounts, DecisionDetails, Dissent } from './types';
import { COUNT_KEYS, DECISION_METHODS } from './types';

export const DECISION_LIMITS = { text: 10_000, position: 10_000 } as const;

export type DecisionError =
  | { readonly field: 'text'; readonly code: 'required' }
  | { readonly field: 'text'; readonly code: 'tooLong'; readonly max: number }
  | { readonly field: 'method'; readonly code: 'invalidMethod' }
  | { readonly field: 'pollId'; readonly code: 'required' }
  | { readonly field: 'counts'; readonly count: keyof DecisionCounts; readonly code: 'invalidCount' }
  | { readonly field: 'dissent'; readonly index: number; readonly code: 'required' | 'whoRequired' }
  | { readonly field: 'dissent'; readonly index: number; readonly code: 'tooLong' | 'whoTooLong'; readonly max: number };

const isCount = (value: number): boolean => Number.isSafeInteger(value) && value >= 0;

export function validateDecision(input: DecisionDetails): Result<DecisionDetails, readonly DecisionError[]> {
  const errors: DecisionError[] = [];
  const text = checkText(input.text, DECISION_LIMITS.text, true);
  if (text.problem === 'required') errors.push({ field: 'text', code: 'required' });
  if (text.problem === 'tooLong') errors.push({ field: 'text', code: 'tooLong', max: DECISION_LIMITS.text });

  if (!DECISION_METHODS.includes(input.method)) errors.push({ field: 'method', code: 'invalidMethod' });
  // A decision "by poll" without the poll cannot be audited.
  if (input.method === 'poll' && input.pollId === null) errors.push({ field: 'pollId', code: 'required' });

  const counts = input.counts;
  if (counts !== null) {
    for (const count of COUNT_KEYS) if (!isCount(counts[count])) errors.push({ field: 'counts', count, code: 'invalidCount' });
  }

  const dissent: Dissent[] = [];
  input.dissent.forEach((entry, index) => {
    const who = checkPerson(entry.who);
    if (who.problem === 'required') errors.push({ field: 'dissent', index, code: 'whoRequired' });
    if (who.problem === 'tooLong') errors.push({ field: 'dissent', index, code: 'whoTooLong', max: MEETING_LIMITS.guestName });
    // Positions are kept verbatim: only checked, never trimmed.
    if (entry.position.trim().length === 0) errors.push({ field: 'dissent', index, code: 'required' });
    else if (entry.position.length > DECISION_LIMITS.position) {
      errors.push({ field: 'dissent', index, code: 'tooLong', max: DECISION_LIMITS.position });
    }
    dissent.push({ who: who.person, position: entry.position });
  });

  if (errors.length > 0) return err(errors);
  return ok({ text: text.value, method: input.method, counts, pollId: input.pollId, dissent });
}
