import { coreEn } from './core';
import { installEn } from './install';
import type { federationEn } from './federation';
import type { meetingsEn } from './meetings';
import type { membersEn } from './members';
import type { organizingEn } from './organizing';
import type { pollsEn } from './polls';
import type { syncEn } from './sync';

/**
 * The English catalog. Strings of the app shell load with it; each lazily loaded feature
 * brings its own catalog file (see `featureCatalogs`), so the first screen stays small.
 * Every key is typed, loaded or not. Other languages add catalogs of the same shape.
 */
export const eagerEn = {
  ...coreEn,
  ...installEn,
} as const;

export const featureCatalogs = {
  members: () => import('./members').then((m) => m.membersEn),
  sync: () => import('./sync').then((m) => m.syncEn),
  meetings: () => import('./meetings').then((m) => m.meetingsEn),
  polls: () => import('./polls').then((m) => m.pollsEn),
  organizing: () => import('./organizing').then((m) => m.organizingEn),
  federation: () => import('./federation').then((m) => m.federationEn),
} as const;

export type CatalogName = keyof typeof featureCatalogs;

type AllMessages = typeof eagerEn & typeof membersEn & typeof syncEn & typeof meetingsEn & typeof pollsEn & typeof organizingEn & typeof federationEn;
export type MessageKey = keyof AllMessages;
export type Messages = { readonly [K in MessageKey]: string };
