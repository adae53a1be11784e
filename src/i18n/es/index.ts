import type { LanguagePack } from '../types';
import { coreEs } from './core';
import { installEs } from './install';

/** Spanish: the shell's strings load with it, each feature's strings on first use. */
export const pack: LanguagePack = {
  eager: { ...coreEs, ...installEs },
  features: {
    members: () => import('./members').then((m) => m.membersEs),
    sync: () => import('./sync').then((m) => m.syncEs),
    meetings: () => import('./meetings').then((m) => m.meetingsEs),
    polls: () => import('./polls').then((m) => m.pollsEs),
    organizing: () => import('./organizing').then((m) => m.organizingEs),
    federation: () => import('./federation').then((m) => m.federationEs),
  },
};
