import { render } from 'solid-js/web';
import type { AppState } from './app/app-state';
import { AppContext } from './app/context';
import { App } from './ui/App';

/** Called by src/boot.ts: the live app replaces index.html's static frame once the state is read. */
export async function mount(loading: Promise<AppState>): Promise<void> {
  const root = document.getElementById('root');
  if (!root) return;
  const state = await loading;
  // The first render gets a task of its own instead of running on after the state's last read.
  await new Promise((resolve) => setTimeout(resolve, 0));
  // index.html's static frame (painted before any script ran) makes way for the live one.
  root.replaceChildren();
  render(
    () => (
      <AppContext.Provider value={state}>
        <App />
      </AppContext.Provider>
    ),
    root,
  );
}
