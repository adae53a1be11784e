import { coreEn } from './core';
import { membersEn } from './members';
import { organizingEn } from './organizing';
import { meetingsEn } from './meetings';
import { pollsEn } from './polls';
import { syncEn } from './sync';

/**
 * The English catalog: every UI string lives in one of the feature files merged here;
 * a feature adds its own file and one spread line. Other languages add catalogs of the same shape.
 */
export const en = {
  ...coreEn,
  ...membersEn,
  ...organizingEn,
  ...meetingsEn,
  ...pollsEn,
  ...syncEn,
} as const;

export type MessageKey = keyof typeof en;
export type Messages = { readonly [K in MessageKey]: string };
