import type { LanguagePack } from '../types';
import { coreFr } from './core';
import { installFr } from './install';
import { membersFr } from './members';
import { syncFr } from './sync';

/** French: the shell's strings load with it, each feature's strings on first use. */
export const pack: LanguagePack = {
  eager: { ...coreFr, ...installFr, ...membersFr, ...syncFr },
  features: {
    meetings: () => import('./meetings').then((m) => m.meetingsFr),
    polls: () => import('./polls').then((m) => m.pollsFr),
    organizing: () => import('./organizing').then((m) => m.organizingFr),
    federation: () => import('./federation').then((m) => m.federationFr),
  },
};
