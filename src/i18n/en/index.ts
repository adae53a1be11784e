import { coreEn } from './core';
import { meetingsEn } from './meetings';
import { membersEn } from './members';
import { organizingEn } from './organizing';
import { pollsEn } from './polls';

/**
 * The English catalog: every UI string lives in one of the feature files merged here;
 * a feature adds its own file and one spread line. Other languages add catalogs of the same shape.
 */
export const en = {
  ...coreEn,
  ...membersEn,
  ...meetingsEn,
  ...organizingEn,
  ...pollsEn,
} as const;

export type MessageKey = keyof typeof en;
export type Messages = { readonly [K in MessageKey]: string };
