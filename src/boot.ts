import { paintStoredSummary } from './startup/paint-summary';

// The page's only entry: index.html's static frame paints first, then the app's code is fetched and
// run. Loaded together (module script plus modulepreloads), Chromium often painted nothing until the
// app itself rendered, so a phone saw a blank screen for the whole download and start-up.
const start = (): void => {
  // The libraries as graphs of their own: fetched together with the app's modules, but each evaluated
  // in a task of its own as soon as it arrives, instead of in one long task with all the app's code.
  void import('./startup/dexie');
  void import('./startup/solid');
  // Yjs only where a document opens soon (src/app/lazy-documents.ts loads it on first need anyway, and
  // the state does once it finds chapters): the start screen of a new device never evaluates it. Not
  // decided by the stored summaries: a page's first localStorage access waits on the browser.
  if (location.pathname !== '/') void import('./startup/yjs');
  // Two module graphs fetched in parallel and evaluated in separate tasks (one long task froze a
  // slow phone): the state starts reading the device while the screens' code still loads.
  // The state's set-up (opening Dexie, the first reads) in a task after its modules' evaluation.
  const state = import('./app/app-state').then((m) => new Promise<void>((resolve) => setTimeout(resolve, 0)).then(() => m.createAppState()));
  void import('./main').then((m) => m.mount(state));
};

// Synchronously, so the first frame the browser paints already shows the chapter this device holds.
paintStoredSummary(location.pathname);

// A hidden tab gets no animation frames: start at once there instead of waiting for a paint.
if (document.visibilityState === 'hidden') start();
else requestAnimationFrame(() => setTimeout(start, 0));
