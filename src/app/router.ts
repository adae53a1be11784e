import { createSignal } from 'solid-js';

/** A tiny history router: paths for pages, the fragment stays reserved for invite secrets. */
const [path, setPath] = createSignal(typeof location === 'undefined' ? '/' : location.pathname);

if (typeof window !== 'undefined') {
  window.addEventListener('popstate', () => setPath(location.pathname));
}

export const currentPath = path;

export function navigate(to: string, options: { readonly replace?: boolean } = {}): void {
  if (options.replace) history.replaceState(null, '', to);
  else history.pushState(null, '', to);
  setPath(new URL(to, location.href).pathname);
  window.scrollTo(0, 0);
}

export type Route =
  | { readonly page: 'home' }
  | { readonly page: 'newChapter' }
  | { readonly page: 'chapter'; readonly id: string; readonly section: string; readonly itemId: string | null }
  | { readonly page: 'join' }
  | { readonly page: 'settings' }
  | { readonly page: 'sync' }
  | { readonly page: 'federation' }
  | { readonly page: 'directory' }
  | { readonly page: 'events' }
  | { readonly page: 'shortcut'; readonly target: 'meeting' | 'poll' }
  | { readonly page: 'notFound' };

export function matchRoute(pathname: string): Route {
  if (pathname === '/' || pathname === '/index.html') return { page: 'home' };
  if (pathname === '/chapters/new') return { page: 'newChapter' };
  if (pathname === '/join') return { page: 'join' };
  if (pathname === '/settings') return { page: 'settings' };
  if (pathname === '/sync') return { page: 'sync' };
  if (pathname === '/federation') return { page: 'federation' };
  if (pathname === '/directory') return { page: 'directory' };
  if (pathname === '/events') return { page: 'events' };
  // The installed app's home-screen shortcuts (see the manifest in vite.config.ts).
  if (pathname === '/new/meeting') return { page: 'shortcut', target: 'meeting' };
  if (pathname === '/new/poll') return { page: 'shortcut', target: 'poll' };
  // /chapters/:id, /chapters/:id/:section, /chapters/:id/:section/:itemId
  const chapter = /^\/chapters\/([a-z0-9]{16,64})(?:\/([a-z-]{1,32})(?:\/([A-Za-z0-9_-]{1,128}))?)?\/?$/.exec(pathname);
  if (chapter?.[1]) return { page: 'chapter', id: chapter[1], section: chapter[2] ?? 'overview', itemId: chapter[3] ?? null };
  return { page: 'notFound' };
}
