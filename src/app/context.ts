import { createContext, useContext } from 'solid-js';
import type { AppState } from './app-state';

/** Stores live in context so pages read them and never fetch on their own. */
export const AppContext = createContext<AppState>();

export function useApp(): AppState {
  const state = useContext(AppContext);
  if (!state) throw new Error('useApp() called outside <AppContext.Provider>');
  return state;
}
