// Gzipped size of the JS a first visit loads (entry + modulepreloads) and of the whole precache.
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const gz = (path) => gzipSync(readFileSync(path), { level: 9 }).length;

export function measureBundle(distDir = 'dist') {
  const html = readFileSync(join(distDir, 'index.html'), 'utf8');
  const initial = new Set();
  for (const match of html.matchAll(/<script[^>]+src="\/([^"]+\.js)"/g)) initial.add(match[1]);
  for (const match of html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="\/([^"]+\.js)"/g)) initial.add(match[1]);
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
