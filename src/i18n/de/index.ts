import type { LanguagePack } from '../types';
import { coreDe } from './core';
import { installDe } from './install';

/** German: the shell's strings load with it, each feature's strings on first use. */
export const pack: LanguagePack = {
  eager: { ...coreDe, ...installDe },
  features: {
    members: () => import('./members').then((m) => m.membersDe),
    sync: () => import('./sync').then((m) => m.syncDe),
    meetings: () => import('./meetings').then((m) => m.meetingsDe),
    polls: () => import('./polls').then((m) => m.pollsDe),
    organizing: () => import('./organizing').then((m) => m.organizingDe),
    federation: () => import('./federation').then((m) => m.federationDe),
  },
};
