import type { LanguagePack } from '../types';
import { coreEs } from './core';
import { installEs } from './install';
import { membersEs } from './members';
import { syncEs } from './sync';

/** Spanish: the shell's strings load with it, each feature's strings on first use. */
export const pack: LanguagePack = {
  eager: { ...coreEs, ...installEs, ...membersEs, ...syncEs },
  features: {
    meetings: () => import('./meetings').then((m) => m.meetingsEs),
    polls: () => import('./polls').then((m) => m.pollsEs),
    organizing: () => import('./organizing').then((m) => m.organizingEs),
    federation: () => import('./federation').then((m) => m.federationEs),
  },
};
