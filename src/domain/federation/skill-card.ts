import type { DocId } from '../ids';
import { canonicalJson } from '../membership/canonical';
import type { DeviceKey } from '../membership/types';

/**
 * A member's opt-in directory card: the skills they choose to list in one branch, signed by their
 * device. Profiles stay on the device until the member shares a card; the latest card counts.
 */
export interface SkillCard {
  readonly branchId: DocId;
  readonly author: DeviceKey;
  readonly skills: readonly string[];
  readonly createdAt: string;
  readonly signature: string;
}

export const SKILL_CARD_LIMITS = { skills: 30, skill: 60 } as const;

const DEVICE_KEY = /^[A-Za-z0-9_-]{43}$/;
const SIGNATURE = /^[A-Za-z0-9_-]{86}$/;
const KEYS = new Set(['branchId', 'author', 'skills', 'createdAt', 'signature']);

export function isSkillCard(value: unknown): value is SkillCard {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const card = value as Readonly<Record<string, unknown>>;
  if (Object.keys(card).some((key) => !KEYS.has(key))) return false;
  return (
    typeof card.branchId === 'string' &&
    typeof card.author === 'string' &&
    DEVICE_KEY.test(card.author) &&
    typeof card.createdAt === 'string' &&
    card.createdAt.length <= 64 &&
    typeof card.signature === 'string' &&
    SIGNATURE.test(card.signature) &&
    Array.isArray(card.skills) &&
    card.skills.length <= SKILL_CARD_LIMITS.skills &&
    card.skills.every((skill) => typeof skill === 'string' && skill.length > 0 && skill.length <= SKILL_CARD_LIMITS.skill)
  );
}

/** The text a card's signature covers, domain-separated from every other signed record. */
export function skillCardSigningText(card: Omit<SkillCard, 'signature'>): string {
  const { branchId, author, skills, createdAt } = card;
  return `chapterhouse-skill-card-v1\n${canonicalJson({ branchId, author, skills, createdAt })}`;
}

/**
 * The latest card per device among those that verified and belong to this branch
 * (ties broken by signature, so every device picks the same card whatever the arrival order).
 */
export function latestCards(cards: readonly unknown[], branchId: DocId, verified: (card: SkillCard) => boolean): ReadonlyMap<DeviceKey, SkillCard> {
  const latest = new Map<DeviceKey, SkillCard>();
  for (const card of cards) {
    if (!isSkillCard(card) || card.branchId !== branchId || !verified(card)) continue;
    const known = latest.get(card.author);
    if (!known || card.createdAt > known.createdAt || (card.createdAt === known.createdAt && card.signature > known.signature)) {
      latest.set(card.author, card);
    }
  }
  return latest;
}
