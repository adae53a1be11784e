import type { installEn } from '../en/install';
import type { Translation } from '../types';

/** Esperanto: the install strings. */
export const installEo: Translation<typeof installEn> = {
  'install.title': 'Instali la aplikaĵon',
  'install.why': 'Instalite, Chapterhouse malfermiĝas de via hejmekrano kaj funkcias tute sen reto.',
  'install.button': 'Instali la aplikaĵon',
  'install.installed': 'Chapterhouse estas instalita en ĉi tiu aparato.',
  'install.ios.intro': 'Por instali en iPhone aŭ iPad:',
  'install.ios.step1': 'Tuŝetu la butonon Kunhavigi en la ilobreto de la retumilo.',
  'install.ios.step2': 'Elektu “Aldoni al hejmekrano”, poste “Aldoni”.',
  'install.manual': 'Por instali, malfermu la menuon de via retumilo kaj elektu “Instali aplikaĵon” aŭ “Aldoni al hejmekrano”.',
  'install.dismissed': 'Ne instalita. Vi povas instali poste el la Agordoj.',
  'install.hint.close': 'Fermi la instalan konsilon',
  'about.title': 'Pri',
  'shortcut.meeting.title': 'Nova kunveno: en kiu filio?',
  'shortcut.poll.title': 'Nova voĉdono: en kiu filio?',
  'shortcut.none': 'Unue kreu filion aŭ aliĝu al iu; poste ĉi tiu ŝparvojo malfermas ĝian formularon.',
};
