import type { LanguagePack } from '../types';
import { coreDe } from './core';
import { installDe } from './install';
import { membersDe } from './members';
import { syncDe } from './sync';

/** German: the shell's strings load with it, each feature's strings on first use. */
export const pack: LanguagePack = {
  eager: { ...coreDe, ...installDe, ...membersDe, ...syncDe },
  features: {
    meetings: () => import('./meetings').then((m) => m.meetingsDe),
    polls: () => import('./polls').then((m) => m.pollsDe),
    organizing: () => import('./organizing').then((m) => m.organizingDe),
    federation: () => import('./federation').then((m) => m.federationDe),
  },
};
