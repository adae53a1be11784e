import { render } from 'solid-js/web';
import { createAppState } from './app/app-state';
import { AppContext } from './app/context';
import { App } from './ui/App';

const root = document.getElementById('root');
if (root) {
  const state = await createAppState();
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
