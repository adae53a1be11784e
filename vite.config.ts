import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import solid from 'vite-plugin-solid';
import { guardPeerUpdates } from './scripts/guard-peer-updates.ts';

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string };
// An override lets tests build a "next release" to check the update flow.
const version = process.env.CHAPTERHOUSE_VERSION ?? pkg.version;
// Translations other than English: their own chunks (lang-*), cached when first used instead of
// precached, so an English-only install does not download four languages it never shows.
const TRANSLATION = /[\\/]src[\\/]i18n[\\/](?:eo|es|fr|de)[\\/]/;

// The frame's styles go into index.html itself: a stylesheet request would hold back the first paint
// on a slow phone link. server/headers.ts allows exactly this <style> by its hash.
// The start screen's component styles too: a component's own stylesheet made its chunk wait for one
// more request before it could run, and restyled the whole page when it arrived.
const SHELL_CSS = [
  'src/ui/styles/base.css',
  'src/ui/styles/shell.css',
  'src/ui/components/SyncIndicator.css',
  'src/ui/pages/HomePage.css',
  'src/ui/components/CardLinkList.css',
  'src/ui/components/ChapterForm.css',
  'src/ui/components/dashboard/Dashboard.css',
];
const minifyCss = (css: string): string =>
  css
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\s+/g, ' ')
    .replace(/\s*([{};,>])\s*/g, '$1')
    .replace(/:\s+/g, ':')
    .replace(/;}/g, '}')
    .trim();
const inlineShellCss = (): Plugin => ({
  name: 'chapterhouse:inline-shell-css',
  transformIndexHtml: (html) =>
    html.replace('<style data-shell-css></style>', `<style>${minifyCss(SHELL_CSS.map((file) => readFileSync(new URL(`./${file}`, import.meta.url), 'utf8')).join('\n'))}</style>`),
});

export default defineConfig({
  define: { __APP_VERSION__: JSON.stringify(version) },
  resolve: {
    // Dexie's ES module build instead of its UMD one (what the package's import wrapper loads): its one
    // 97 KB factory function took ~104 ms to evaluate in headless Chromium here, the ES build 27–45 ms.
    // Nothing here loads Dexie through require(), so there is only ever one copy.
    alias: [{ find: /^dexie$/, replacement: fileURLToPath(new URL('./node_modules/dexie/dist/dexie.mjs', import.meta.url)) }],
  },
  plugins: [
    guardPeerUpdates(),
    inlineShellCss(),
    solid(),
    VitePWA({
      // 'prompt': a new version waits until the user taps Update (never mid-meeting).
      registerType: 'prompt',
      injectRegister: false,
      includeAssets: ['icons/favicon-48.png', 'icons/apple-touch-icon.png'],
      manifest: {
        id: '/',
        name: 'Chapterhouse',
        short_name: 'Chapterhouse',
        description: 'Minutes, polls, projects and members for a federation of chapters. Works offline, syncs device to device.',
        lang: 'en',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        orientation: 'any',
        background_color: '#faf8f6',
        theme_color: '#b3261e',
        categories: ['productivity', 'social'],
        icons: [
          { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
          { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
          { src: '/icons/maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
        // Long-press menu of the installed app; /new/* opens the form in the chapter (or asks which).
        shortcuts: [
          { name: 'New meeting', short_name: 'Meeting', url: '/new/meeting', icons: [{ src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png' }] },
          { name: 'New poll', short_name: 'Poll', url: '/new/poll', icons: [{ src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png' }] },
        ],
      },
      workbox: {
        globPatterns: ['**/*.{js,css,html,svg,png,webmanifest}'],
        navigateFallback: '/index.html',
        navigateFallbackDenylist: [/^\/signal/],
        cleanupOutdatedCaches: true,
        globIgnores: ['**/assets/lang-*.js'],
        runtimeCaching: [
          {
            // File names carry a content hash, so a cached copy is always the right one.
            urlPattern: /\/assets\/lang-[^/]+\.js$/,
            handler: 'CacheFirst',
            options: { cacheName: 'chapterhouse-languages', expiration: { maxEntries: 80 } },
          },
        ],
      },
    }),
  ],
  build: {
    target: 'es2022',
    sourcemap: false,
    // scripts/bench/bundle-size.mjs reads which chunks a first visit loads (dotfiles are never served).
    manifest: true,
    // A <link rel=modulepreload> per chunk cost ~150 ms of main thread right after the first paint (30
    // links); the browser's own module loader fetches the app's imports with far less work.
    // Rolldown's small runtime chunk is the exception: every library chunk imports it, so fetched only
    // once they were parsed it held all of them back, and they were evaluated in one long task.
    modulePreload: {
      resolveDependencies: (_file, deps, { hostType }) => (hostType === 'js' ? deps.filter((dep) => dep.endsWith('.css') || /rolldown-runtime|startup-shared/.test(dep)) : deps),
    },
    rollupOptions: {
      output: {
        // The libraries every start needs in one chunk: fetched in one step after the first paint
        // instead of three levels down the import graph (Dexie arrived last, and the start waits on it).
        // Three chunks, not one: src/boot.ts imports each on its own, so the browser evaluates them in
        // separate tasks (one chunk was one ~65 ms module evaluation on a phone), all fetched at once.
        codeSplitting: {
          groups: [
            // src/startup/<lib>.ts re-exports one name each, so boot.ts can import the chunk without
            // keeping the library's whole namespace (a bare import('yjs') did: +8 KB gzip).
            { name: 'startup-solid', test: /[\\/](?:node_modules[\\/]solid-js[\\/]|src[\\/]startup[\\/]solid\.ts)/ },
            { name: 'startup-dexie', test: /[\\/](?:node_modules[\\/]dexie[\\/]|src[\\/]startup[\\/]dexie\.ts)/ },
            // Not lib0's SHA-256 (and the binary helpers it imports): identities hash at every start,
            // and pulled in with it the whole Yjs chunk would load on a device that has no documents.
            { name: 'startup-yjs', test: /[\\/](?:node_modules[\\/](?:yjs[\\/]|lib0[\\/](?!hash[\\/]|binary\.js))|src[\\/]startup[\\/]yjs\.ts)/, includeDependenciesRecursively: false },
            // The app's own modules every start evaluates that lazily loaded chunks share too: one chunk,
            // preloaded with the libraries, instead of twelve tiny ones (each one more request and task,
            // found only once app-state or main was parsed). A module left out only gets its own chunk.
            {
              name: 'startup-shared',
              test: /[\\/](?:src[\\/](?:app[\\/](?:pairing|sync-settings|idle|context|router|chapters|bridge|random)\.ts|sync[\\/](?:refused-updates|state-emitter)\.ts|domain[\\/](?:result|chapter|ids)\.ts|crypto[\\/](?:base64url|hash|ed25519)\.ts|ui[\\/]components[\\/](?:Link|dashboard[\\/]DashboardItem)\.tsx|persistence[\\/]catalog\.ts|crdt[\\/](?:schema|shared-text|chapter-repository)\.ts|i18n[\\/](?:index|languages|message-format)\.ts|i18n[\\/]en[\\/](?:index|core|install)\.ts)|node_modules[\\/]lib0[\\/](?:hash[\\/]|binary\.js))/,
              includeDependenciesRecursively: false,
            },
          ],
        },
        chunkFileNames: (chunk) =>
          chunk.moduleIds.length > 0 && chunk.moduleIds.every((id) => TRANSLATION.test(id)) ? 'assets/lang-[name]-[hash].js' : 'assets/[name]-[hash].js',
      },
    },
  },
  server: { port: 5173 },
  preview: { port: 4173 },
});
