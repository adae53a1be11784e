/** English strings of the install affordance, the About section and the home-screen shortcuts. */
export const installEn = {
  'install.title': 'Install the app',
  'install.why': 'Installed, Chapterhouse opens from your home screen and works with no network at all.',
  'install.button': 'Install app',
  'install.installed': 'Chapterhouse is installed on this device.',
  'install.ios.intro': 'To install on iPhone or iPad:',
  'install.ios.step1': 'Tap the Share button in the browser toolbar.',
  'install.ios.step2': 'Choose “Add to Home Screen”, then “Add”.',
  'install.manual': 'To install, open your browser’s menu and choose “Install app” or “Add to Home screen”.',
  'install.dismissed': 'Not installed. You can install later from Settings.',
  'install.hint.close': 'Close the install hint',
  'about.title': 'About',
  'shortcut.meeting.title': 'New meeting: which chapter?',
  'shortcut.poll.title': 'New poll: which chapter?',
  'shortcut.none': 'Create or join a chapter first; then this shortcut opens its form.',
} as const;
