// Gzipped size of the JS a first visit loads and of the whole precache. The first visit's JS is the
// entry (src/boot.ts) plus everything it starts right after the first paint: the app chunk it
// imports and that chunk's static imports, read from Vite's manifest.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const gz = (path) => gzipSync(readFileSync(path), { level: 9 }).length;

/** The entry's chunk, its static imports, and the same for each chunk the entry imports dynamically. */
function initialFromManifest(manifest) {
  const files = new Set();
  const visit = (key) => {
    const chunk = manifest[key];
    if (!chunk || files.has(chunk.file)) return;
    files.add(chunk.file);
    for (const imported of chunk.imports ?? []) visit(imported);
  };
  for (const [key, chunk] of Object.entries(manifest)) {
    if (!chunk.isEntry) continue;
    visit(key);
    for (const imported of chunk.dynamicImports ?? []) visit(imported);
  }
  return files;
}

/** Without a manifest: the HTML's module scripts and modulepreloads. */
function initialFromHtml(html) {
  const files = new Set();
  for (const match of html.matchAll(/<script[^>]+src="\/([^"]+\.js)"/g)) files.add(match[1]);
  for (const match of html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="\/([^"]+\.js)"/g)) files.add(match[1]);
  return files;
}

export function measureBundle(distDir = 'dist') {
  const manifestPath = join(distDir, '.vite/manifest.json');
  const initial = existsSync(manifestPath)
    ? initialFromManifest(JSON.parse(readFileSync(manifestPath, 'utf8')))
    : initialFromHtml(readFileSync(join(distDir, 'index.html'), 'utf8'));
  const initialJs = [...initial].reduce((sum, file) => sum + gz(join(distDir, file)), 0);
  const sw = readFileSync(join(distDir, 'sw.js'), 'utf8');
  const precached = [...sw.matchAll(/url:"([^"]+)"/g)].map((m) => m[1].replace(/^\//, ''));
  let precache = 0;
  for (const file of precached) {
    const path = join(distDir, file);
    try {
      statSync(path);
      precache += gz(path);
    } catch {
      // navigation fallbacks may be listed by URL only
    }
  }
  return { initialJs, initialFiles: [...initial], precache, precacheFiles: precached.length };
}
