import type { installEn } from '../en/install';
import type { Translation } from '../types';

/** French: the install strings. */
export const installFr: Translation<typeof installEn> = {
  'install.title': 'Installer l’application',
  'install.why': 'Une fois installée, Chapterhouse s’ouvre depuis votre écran d’accueil et fonctionne sans aucun réseau.',
  'install.button': 'Installer l’application',
  'install.installed': 'Chapterhouse est installée sur cet appareil.',
  'install.ios.intro': 'Pour l’installer sur iPhone ou iPad :',
  'install.ios.step1': 'Touchez le bouton Partager dans la barre du navigateur.',
  'install.ios.step2': 'Choisissez « Sur l’écran d’accueil », puis « Ajouter ».',
  'install.manual': 'Pour l’installer, ouvrez le menu du navigateur et choisissez « Installer l’application » ou « Ajouter à l’écran d’accueil ».',
  'install.dismissed': 'Non installée. Vous pourrez l’installer plus tard depuis les Réglages.',
  'install.hint.close': 'Fermer le conseil d’installation',
  'about.title': 'À propos',
  'shortcut.meeting.title': 'Nouvelle réunion : dans quelle section ?',
  'shortcut.poll.title': 'Nouveau vote : dans quelle section ?',
  'shortcut.none': 'Créez ou rejoignez d’abord une section ; ce raccourci ouvrira ensuite son formulaire.',
};
