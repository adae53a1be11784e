import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { createEntryVerifier } from '../../../src/crypto/entry-signing';
import type { MemberId, MembershipEntry } from '../../../src/domain/membership/types';
import { type ValidateOptions, validateLog } from '../../../src/domain/membership/validate';
import type { MembershipState } from '../../../src/domain/membership/view';
import { buildRichLog } from './rich-log';
import { CHAPTER, foundChapter, join, newDevice } from './fixtures';

type Leaf = readonly [string] | readonly [string, string | number];

/** Every string or number inside an entry (top-level fields, parent ids, rule fields). */
function leaves(entry: MembershipEntry): Leaf[] {
  const out: Leaf[] = [];
  for (const [key, value] of Object.entries(entry)) {
    if (Array.isArray(value)) for (let index = 0; index < value.length; index += 1) out.push([key, index]);
    else if (typeof value === 'object' && value !== null) for (const sub of Object.keys(value)) out.push([key, sub]);
    else out.push([key]);
  }
  return out;
}

function read(entry: MembershipEntry, leaf: Leaf): unknown {
  const top = (entry as unknown as Record<string, unknown>)[leaf[0]];
  return leaf.length === 1 ? top : (top as Record<string | number, unknown>)[leaf[1]];
}

function write(entry: MembershipEntry, leaf: Leaf, value: unknown): MembershipEntry {
  const copy = structuredClone(entry) as unknown as Record<string, unknown>;
  if (leaf.length === 1) copy[leaf[0]] = value;
  else (copy[leaf[0]] as Record<string | number, unknown>)[leaf[1]] = value;
  return copy as unknown as MembershipEntry;
}

const tamperArbitrary = fc.record({
  entry: fc.nat(),
  leaf: fc.nat(),
  position: fc.nat(),
  char: fc.oneof(
    fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_ .'),
    fc.integer({ min: 0, max: 0xffff }).map((unit) => String.fromCharCode(unit)),
  ),
  delta: fc.integer({ min: -3, max: 3 }).filter((delta) => delta !== 0),
});

describe('tampering', () => {
  let entries: MembershipEntry[] = [];
  const verifier = createEntryVerifier();

  beforeAll(async () => {
    const { log, founder } = await foundChapter();
    const grace = await join(log, 'Grace Hopper', founder);
    const phone = await newDevice();
    await log.add({ type: 'link-device', deviceKey: phone.publicKey }, grace.device);
    await log.add({ type: 'grant-role', memberId: grace.memberId, role: 'secretary' }, founder);
    await log.add({ type: 'set-admission-rule', rule: { kind: 'n-members', n: 2 } }, founder);
    const linus = await newDevice();
    const request = await log.add({ type: 'request', name: 'Linus', deviceKey: linus.publicKey }, linus);
    await log.add({ type: 'admit', requestId: request.id, pollId: 'poll-7' }, phone);
    await log.add({ type: 'remove', memberId: grace.memberId, reason: 'Décidé ✊', decisionId: 'd-1' }, founder);
    entries = log.entries;
    // Warm the cache with the genuine entries: tampered copies must never hit it.
    expect((await verifier.verifyAll(entries)).size).toBe(entries.length);
  });

  it('any changed character or number in any field or the signature is rejected and not counted', async () => {
    const baseline = validateLog(entries, () => true, { chapterId: CHAPTER });
    expect(baseline.verdicts.every((verdict) => verdict.status === 'valid')).toBe(true);
    await fc.assert(
      fc.asyncProperty(tamperArbitrary, async ({ entry: index, leaf: leafIndex, position, char, delta }) => {
        const original = entries[index % entries.length]!;
        const all = leaves(original);
        const leaf = all[leafIndex % all.length]!;
        const value = read(original, leaf);
        let changed: unknown;
        if (typeof value === 'number') changed = value + delta;
        else {
          const text = String(value);
          const at = position % Math.max(1, text.length);
          fc.pre(text.slice(at, at + 1) !== char);
          changed = text.slice(0, at) + char + text.slice(at + 1);
        }
        const tampered = write(original, leaf, changed);
        expect(await verifier.verifyEntry(tampered)).toBe(false);
        const log = entries.map((entry) => (entry === original ? tampered : entry));
        const set = await verifier.verifyAll(log);
        const state = validateLog(log, (entry) => set.has(entry), { chapterId: CHAPTER });
        const verdicts = state.verdicts.filter((verdict) => verdict.id === tampered.id);
        expect(verdicts.length).toBeGreaterThan(0);
        expect(verdicts.every((verdict) => verdict.status !== 'valid')).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});

describe('order independence', () => {
  let entries: readonly unknown[] = [];
  let verified: ReadonlySet<unknown> = new Set();
  let baseline: MembershipState | undefined;
  let options: ValidateOptions = { chapterId: CHAPTER };
  const unpinned: ValidateOptions = { chapterId: CHAPTER };
  let unpinnedBaseline: MembershipState | undefined;

  beforeAll(async () => {
    const rich = await buildRichLog();
    entries = rich.entries;
    options = { chapterId: CHAPTER, genesisId: rich.genesisId };
    verified = await createEntryVerifier().verifyAll(entries);
    baseline = validateLog(entries, (entry) => verified.has(entry), options);
    unpinnedBaseline = validateLog(entries, (entry) => verified.has(entry), unpinned);
  });

  it('the rich log exercises valid, invalid and pending verdicts', () => {
    const statuses = new Set(baseline?.verdicts.map((verdict) => verdict.reason ?? verdict.status));
    for (const expected of ['valid', 'missingParents', 'badSignature', 'unknownAuthor', 'wrongChapter']) {
      expect(statuses).toContain(expected);
    }
    for (const expected of ['duplicateFounder', 'duplicateId', 'revokedDevice', 'malformed']) {
      expect(statuses).toContain(expected);
    }
    expect(baseline?.members.map((member) => member.status)).toContain('removed');
    expect(baseline?.members.find((member) => member.id === ('founder0000000000001' as MemberId))).toBeDefined();
  });

  it('gives an identical result for any permutation (and any repetition) of the entries', () => {
    fc.assert(
      fc.property(
        fc.shuffledSubarray([...entries], { minLength: entries.length, maxLength: entries.length }),
        fc.array(fc.nat(), { maxLength: 5 }),
        (shuffled, repeats) => {
          const repeated = repeats.map((index) => shuffled[index % shuffled.length]);
          const input = [...shuffled, ...repeated];
          expect(validateLog(input, (entry) => verified.has(entry), options)).toEqual(baseline);
          // Without a pinned genesis too (then a rival founding entry may win, but deterministically).
          expect(validateLog(input, (entry) => verified.has(entry), unpinned)).toEqual(unpinnedBaseline);
        },
      ),
      { numRuns: 300 },
    );
  });
});
