import { createSignal } from 'solid-js';
import { render } from 'solid-js/web';
import type { AppState } from './app/app-state';
import { AppContext } from './app/context';
import { nextTask } from './app/idle';
import { App } from './ui/App';

/**
 * Called by src/boot.ts: the live app replaces index.html's static frame once the state is read.
 * Built off-screen in two tasks, the shell and then the page, and put in place in a third: one
 * 15–20 ms task (60–80 ms on a phone) became three short ones, and the frame (with a chapter's
 * stored summary) stays on screen until the live app is whole.
 */
export async function mount(loading: Promise<AppState>): Promise<void> {
  const root = document.getElementById('root');
  if (!root) return;
  const state = await loading;
  await nextTask();
  const [showPage, setShowPage] = createSignal(false);
  const live = document.createElement('div');
  render(
    () => (
      <AppContext.Provider value={state}>
        <App showPage={showPage} />
      </AppContext.Provider>
    ),
    live,
  );
  await nextTask();
  setShowPage(true);
  await nextTask();
  root.replaceChildren(...live.childNodes);
}
