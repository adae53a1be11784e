/** The electorate and weights of a new poll, as entered: checked into the signed scope and weight rule. */
import type { ChapterId, MemberId } from '../membership/types';
import type { PollScope, WeightRule } from './types';
import { POLL_LIMITS } from './limits';
import type { PollContext, PollError, ScopeInput, WeightsInput } from './input-types';

export function checkScope(input: ScopeInput, context: PollContext, errors: PollError[]): PollScope {
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
export const isWeight = (value: number): boolean =>
  Number.isFinite(value) && value > 0 && value <= POLL_LIMITS.maxWeight && Math.round(value * 1000) / 1000 === value;

export function checkWeights(input: WeightsInput, electorate: readonly string[], errors: PollError[]): WeightRule {
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

