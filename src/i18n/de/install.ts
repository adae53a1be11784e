import type { installEn } from '../en/install';
import type { Translation } from '../types';

/** German: the install strings. */
export const installDe: Translation<typeof installEn> = {
  'install.title': 'App installieren',
  'install.why': 'Installiert öffnet sich Chapterhouse vom Startbildschirm und funktioniert ganz ohne Netz.',
  'install.button': 'App installieren',
  'install.installed': 'Chapterhouse ist auf diesem Gerät installiert.',
  'install.ios.intro': 'So installierst du sie auf iPhone oder iPad:',
  'install.ios.step1': 'Tippe in der Browserleiste auf „Teilen“.',
  'install.ios.step2': 'Wähle „Zum Home-Bildschirm“ und dann „Hinzufügen“.',
  'install.manual': 'Öffne zum Installieren das Browsermenü und wähle „App installieren“ oder „Zum Startbildschirm hinzufügen“.',
  'install.dismissed': 'Nicht installiert. Du kannst sie später in den Einstellungen installieren.',
  'install.hint.close': 'Installationshinweis schließen',
  'about.title': 'Über',
  'shortcut.meeting.title': 'Neues Treffen: in welcher Gruppe?',
  'shortcut.poll.title': 'Neue Abstimmung: in welcher Gruppe?',
  'shortcut.none': 'Gründe zuerst eine Gruppe oder tritt einer bei; dann öffnet diese Verknüpfung ihr Formular.',
};
