import type { LanguagePack } from '../types';
import { coreEo } from './core';
import { installEo } from './install';

/** Esperanto: the shell's strings load with it, each feature's strings on first use. */
export const pack: LanguagePack = {
  eager: { ...coreEo, ...installEo },
  features: {
    members: () => import('./members').then((m) => m.membersEo),
    sync: () => import('./sync').then((m) => m.syncEo),
    meetings: () => import('./meetings').then((m) => m.meetingsEo),
    polls: () => import('./polls').then((m) => m.pollsEo),
    organizing: () => import('./organizing').then((m) => m.organizingEo),
    federation: () => import('./federation').then((m) => m.federationEo),
  },
};
