import { createSignal } from 'solid-js';

/** Chromium's install event (not in the DOM typings). */
interface BeforeInstallPromptEvent extends Event {
  prompt(): Promise<void>;
  readonly userChoice: Promise<{ readonly outcome: 'accepted' | 'dismissed' }>;
}

/** What the install affordance can offer on this device. */
export type InstallMode = 'installed' | 'prompt' | 'ios' | 'manual';

export interface PlatformFacts {
  readonly userAgent: string;
  /** navigator.maxTouchPoints: iPadOS presents itself as a Mac, but one with a touch screen. */
  readonly maxTouchPoints: number;
  /** Running from the home screen / as an installed app already. */
  readonly standalone: boolean;
  /** The browser handed us a beforeinstallprompt event to replay. */
  readonly canPrompt: boolean;
}

export const isIos = (facts: Pick<PlatformFacts, 'userAgent' | 'maxTouchPoints'>): boolean =>
  /\b(iPhone|iPad|iPod)\b/.test(facts.userAgent) || (/\bMacintosh\b/.test(facts.userAgent) && facts.maxTouchPoints > 1);

/**
 * iOS browsers never fire beforeinstallprompt: there the only way is Share → Add to Home Screen,
 * so they get instructions. Elsewhere the browser's own menu is the fallback.
 */
export function installModeFor(facts: PlatformFacts): InstallMode {
  if (facts.standalone) return 'installed';
  if (facts.canPrompt) return 'prompt';
  if (isIos(facts)) return 'ios';
  return 'manual';
}

const [deferred, setDeferred] = createSignal<BeforeInstallPromptEvent | null>(null);
const [installedNow, setInstalledNow] = createSignal(false);

const runningStandalone = (): boolean =>
  typeof window !== 'undefined' &&
  (window.matchMedia?.('(display-mode: standalone)').matches === true || (navigator as { standalone?: boolean }).standalone === true);

// Listen from the first module load: the event fires once, early, long before Settings opens.
if (typeof window !== 'undefined') {
  window.addEventListener('beforeinstallprompt', (event) => {
    event.preventDefault();
    setDeferred(event as BeforeInstallPromptEvent);
  });
  window.addEventListener('appinstalled', () => {
    setDeferred(null);
    setInstalledNow(true);
  });
}

/** Reactive: what to offer right now. */
export function installMode(): InstallMode {
  if (typeof navigator === 'undefined') return 'manual';
  return installModeFor({
    userAgent: navigator.userAgent,
    maxTouchPoints: navigator.maxTouchPoints ?? 0,
    standalone: installedNow() || runningStandalone(),
    canPrompt: deferred() !== null,
  });
}

/** Shows the browser's install dialog; the saved event can be used only once. */
export async function promptInstall(): Promise<'accepted' | 'dismissed' | 'unavailable'> {
  const event = deferred();
  if (!event) return 'unavailable';
  setDeferred(null);
  await event.prompt();
  const choice = await event.userChoice;
  if (choice.outcome === 'accepted') setInstalledNow(true);
  return choice.outcome;
}

const HINT_KEY = 'chapterhouse.installHintDismissed';
const readDismissed = (): boolean => {
  try {
    return typeof localStorage !== 'undefined' && localStorage.getItem(HINT_KEY) === '1';
  } catch {
    return false;
  }
};
const [dismissedNow, setDismissedNow] = createSignal(false);
let dismissedBefore: boolean | undefined;

/**
 * The home screen's install hint, until the user closes it (remembered on this device). Read on first
 * use, not at start: a page's first localStorage access waits for the browser to hand over the store.
 */
export function installHintDismissed(): boolean {
  if (dismissedNow()) return true;
  dismissedBefore ??= readDismissed();
  return dismissedBefore;
}

export function dismissInstallHint(): void {
  setDismissedNow(true);
  try {
    localStorage.setItem(HINT_KEY, '1');
  } catch {
    // Private mode may refuse storage: the hint then just stays closed for this visit.
  }
}
