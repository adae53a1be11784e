/** Small validators used by parse-input.ts; each returns a Result with a one-line message. */
import type { Result } from '../result';
import { err, ok } from '../result';
import { CandidateIndex } from './candidate-index';
import type { Weighted } from './types';

export type Json = null | boolean | number | string | readonly Json[] | { readonly [key: string]: Json };
export type JsonObject = { readonly [key: string]: Json };

export const isObject = (value: unknown): value is JsonObject => typeof value === 'object' && value !== null && !Array.isArray(value);

/** An own property (never one inherited from Object.prototype). */
export const field = (object: JsonObject, key: string): Json | undefined => (Object.hasOwn(object, key) ? object[key] : undefined);

export const quote = (text: string): string => JSON.stringify(text.length > 60 ? `${text.slice(0, 57)}...` : text);

export const show = (value: unknown): string => {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return `the string ${quote(value)}`;
  if (typeof value === 'object') return 'an object';
  return String(value);
};

/** Where ballot `index` is, for messages (built only on error: big polls have 100,000 ballots). */
export const ballotAt = (index: number): string => `ballots[${index}]`;

const UNWEIGHTED: Result<Weighted, string> = Object.freeze(ok(Object.freeze({})));

export function parseWeighted(ballot: JsonObject, index: number): Result<Weighted, string> {
  const weight = field(ballot, 'weight');
  const count = field(ballot, 'count');
  if (weight === undefined && count === undefined) return UNWEIGHTED;
  const where = ballotAt(index);
  if (weight !== undefined && (typeof weight !== 'number' || !Number.isFinite(weight) || weight < 0)) {
    return err(`${where}.weight must be a number ≥ 0 (got ${show(weight)})`);
  }
  if (count !== undefined && (typeof count !== 'number' || !Number.isSafeInteger(count) || count < 0)) {
    return err(`${where}.count must be a whole number ≥ 0 (got ${show(count)})`);
  }
  if (!Number.isFinite((weight ?? 1) * (count ?? 1))) return err(`${where}: weight × count is too large`);
  return ok({ ...(weight === undefined ? {} : { weight }), ...(count === undefined ? {} : { count }) });
}

/** Validates a list of candidate names against the poll's candidates (no unknowns, no repeats). */
export class NameChecker {
  private readonly index: CandidateIndex;
  private readonly stamp: Int32Array;
  private use = 0;

  constructor(private readonly candidates: readonly string[]) {
    this.index = new CandidateIndex(candidates);
    this.stamp = new Int32Array(candidates.length);
  }

  check(names: Json | undefined, index: number, key: string): Result<string[], string> {
    const problem = this.problem(names, index, key);
    return problem === null ? ok(names as string[]) : err(problem);
  }

  /** The message for a bad list of names (ballot `index`, field `key`), null when it is fine. */
  problem(names: Json | undefined, index: number, key: string): string | null {
    if (!Array.isArray(names)) return `${ballotAt(index)}.${key} must be an array of candidate names (got ${show(names)})`;
    const use = ++this.use;
    for (let k = 0; k < names.length; k++) {
      const name: Json = names[k]!;
      if (typeof name !== 'string') return `${ballotAt(index)}.${key}[${k}] must be a candidate name (got ${show(name)})`;
      const c = this.index.indexOf(name);
      if (c < 0) return `${ballotAt(index)}: unknown candidate ${quote(name)}`;
      if (this.stamp[c] === use) return `${ballotAt(index)}.${key} lists ${quote(this.candidates[c]!)} twice`;
      this.stamp[c] = use;
    }
    return null;
  }

  has(name: string): boolean {
    return this.index.indexOf(name) >= 0;
  }
}

/** Lower-case, without spaces, dashes and underscores: "Stand-aside" → "standaside". */
export const normalizeWord = (word: string): string => word.toLowerCase().replace(/[\s_-]+/g, '');

export function parseNonNegative(value: Json | undefined, name: string, fallback: number): Result<number, string> {
  if (value === undefined) return ok(fallback);
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) return err(`"${name}" must be a number ≥ 0 (got ${show(value)})`);
  return ok(value);
}
