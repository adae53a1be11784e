import type { installEn } from '../en/install';
import type { Translation } from '../types';

/** Spanish: the install strings. */
export const installEs: Translation<typeof installEn> = {
  'install.title': 'Instalar la aplicación',
  'install.why': 'Instalada, Chapterhouse se abre desde tu pantalla de inicio y funciona sin ninguna red.',
  'install.button': 'Instalar aplicación',
  'install.installed': 'Chapterhouse está instalada en este dispositivo.',
  'install.ios.intro': 'Para instalarla en iPhone o iPad:',
  'install.ios.step1': 'Toca el botón Compartir en la barra del navegador.',
  'install.ios.step2': 'Elige «Añadir a pantalla de inicio» y luego «Añadir».',
  'install.manual': 'Para instalarla, abre el menú del navegador y elige «Instalar aplicación» o «Añadir a pantalla de inicio».',
  'install.dismissed': 'No instalada. Puedes instalarla más tarde desde Ajustes.',
  'install.hint.close': 'Cerrar el aviso de instalación',
  'about.title': 'Acerca de',
  'shortcut.meeting.title': 'Nueva reunión: ¿en qué capítulo?',
  'shortcut.poll.title': 'Nueva votación: ¿en qué capítulo?',
  'shortcut.none': 'Primero crea un capítulo o únete a uno; después este acceso directo abre su formulario.',
};
