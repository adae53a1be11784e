import { createMemo, For, lazy, Match, onMount, Show, Switch } from 'solid-js';
import { useApp } from '../app/context';
import { currentPath, matchRoute } from '../app/router';
import type { DocId } from '../domain/ids';
import { loadCatalog, type MessageKey, t } from '../i18n';
import { Link } from './components/Link';
import { SyncIndicator } from './components/SyncIndicator';
import { UpdateBanner } from './components/UpdateBanner';
import { HomePage } from './pages/HomePage';
import { JoinPage } from './pages/JoinPage';
import { NewChapterPage } from './pages/NewChapterPage';

// Pages a first visit does not need load on demand (from the device cache once installed).
// Each page loads with the strings it uses (profile and key QR: members; relay settings: sync).
const SettingsPage = lazy(() =>
  Promise.all([import('./pages/SettingsPage'), loadCatalog('members'), loadCatalog('sync')]).then(([m]) => ({ default: m.SettingsPage })),
);
const SyncPage = lazy(() => Promise.all([import('./pages/sync/SyncPage'), loadCatalog('sync')]).then(([m]) => ({ default: m.SyncPage })));
const FederationPage = lazy(() => import('./pages/federation/FederationPage').then((m) => ({ default: m.FederationPage })));
const DirectoryPage = lazy(() => import('./pages/directory/DirectoryPage').then((m) => ({ default: m.DirectoryPage })));
const FederationEventsPage = lazy(() => import('./pages/events/FederationEventsPage').then((m) => ({ default: m.FederationEventsPage })));
// Its own chunk, fetched in parallel with the chapter's summary, so the start screen loads less.
const ChapterPage = lazy(() => import('./pages/chapter/ChapterPage').then((m) => ({ default: m.ChapterPage })));
// Opened straight onto a chapter: fetch its page while the app state is still being read.
if (typeof location !== 'undefined' && location.pathname.startsWith('/chapters/')) void ChapterPage.preload();
const ShortcutPage = lazy(() => import('./pages/ShortcutPage').then((m) => ({ default: m.ShortcutPage })));

const NAV: ReadonlyArray<{ readonly href: string; readonly label: MessageKey }> = [
  { href: '/', label: 'nav.chapters' },
  { href: '/chapters/new', label: 'nav.newChapter' },
  { href: '/sync', label: 'nav.sync' },
  { href: '/settings', label: 'nav.settings' },
];

/** `showPage` false renders only the shell (src/main.tsx builds the app in short tasks). */
export function App(props: { readonly showPage: () => boolean }) {
  const app = useApp();
  const route = createMemo(() => matchRoute(currentPath()));
  // A chapter page says itself when it has painted (it may paint from a stored summary first).
  onMount(() => {
    if (route().page !== 'chapter') app.painted();
  });
  const chapterRoute = createMemo(() => {
    const current = route();
    return current.page === 'chapter' ? current : false;
  });
  const shortcutRoute = createMemo(() => {
    const current = route();
    return current.page === 'shortcut' ? current : false;
  });
  return (
    <div class="shell">
      <a class="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <header class="shell-header">
        <Link href="/" class="shell-brand">
          {t('app.name')}
        </Link>
        <SyncIndicator />
      </header>
      <nav class="shell-nav" aria-label={t('nav.main')}>
        <ul>
          <For each={NAV}>
            {(item) => (
              <li>
                <Link href={item.href} aria-current={currentPath() === item.href ? 'page' : undefined}>
                  {t(item.label)}
                </Link>
              </li>
            )}
          </For>
        </ul>
      </nav>
      <main id="main" class="shell-main" tabindex="-1">
        <UpdateBanner />
        <Show when={props.showPage()}>
          <Switch fallback={<h1>{t('notFound.title')}</h1>}>
            <Match when={route().page === 'home'}>
              <HomePage />
            </Match>
            <Match when={route().page === 'newChapter'}>
              <NewChapterPage />
            </Match>
            <Match when={route().page === 'join'}>
              <JoinPage />
            </Match>
            <Match when={route().page === 'settings'}>
              <SettingsPage />
            </Match>
            <Match when={route().page === 'sync'}>
              <SyncPage />
            </Match>
            <Match when={route().page === 'federation'}>
              <FederationPage />
            </Match>
            <Match when={route().page === 'directory'}>
              <DirectoryPage />
            </Match>
            <Match when={route().page === 'events'}>
              <FederationEventsPage />
            </Match>
            <Match when={shortcutRoute()}>{(shortcut) => <ShortcutPage target={shortcut().target} />}</Match>
            <Match when={chapterRoute()}>
              {(chapter) => (
                <Show when={chapter().id} keyed>
                  {(docId) => <ChapterPage id={docId as DocId} section={chapter().section} itemId={chapter().itemId} />}
                </Show>
              )}
            </Match>
          </Switch>
        </Show>
      </main>
    </div>
  );
}
