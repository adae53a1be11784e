import type { LanguagePack } from '../types';
import { coreFr } from './core';
import { installFr } from './install';

/** French: the shell's strings load with it, each feature's strings on first use. */
export const pack: LanguagePack = {
  eager: { ...coreFr, ...installFr },
  features: {
    members: () => import('./members').then((m) => m.membersFr),
    sync: () => import('./sync').then((m) => m.syncFr),
    meetings: () => import('./meetings').then((m) => m.meetingsFr),
    polls: () => import('./polls').then((m) => m.pollsFr),
    organizing: () => import('./organizing').then((m) => m.organizingFr),
    federation: () => import('./federation').then((m) => m.federationFr),
  },
};
