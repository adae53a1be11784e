import type { LanguagePack } from '../types';
import { coreEo } from './core';
import { installEo } from './install';
import { membersEo } from './members';
import { syncEo } from './sync';

/** Esperanto: the shell's strings load with it, each feature's strings on first use. */
export const pack: LanguagePack = {
  eager: { ...coreEo, ...installEo, ...membersEo, ...syncEo },
  features: {
    meetings: () => import('./meetings').then((m) => m.meetingsEo),
    polls: () => import('./polls').then((m) => m.pollsEo),
    organizing: () => import('./organizing').then((m) => m.organizingEo),
    federation: () => import('./federation').then((m) => m.federationEo),
  },
};
