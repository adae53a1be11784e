import { createHash } from 'node:crypto';

/** CSP source expressions for each inline <style> of a page (index.html inlines the frame's CSS). */
export const inlineStyleHashes = (html: string): readonly string[] =>
  [...html.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/gi)].map(
    (match) => `'sha256-${createHash('sha256').update(match[1] ?? '', 'utf8').digest('base64')}'`,
  );

/** No 'unsafe-inline' anywhere: a page's own <style> blocks are allowed by hash, nothing else inline. */
export const contentSecurityPolicyFor = (styleHashes: readonly string[]): string =>
  [
    "default-src 'self'",
    "script-src 'self'",
    ['style-src', "'self'", ...styleHashes].join(' '),
    "img-src 'self' data: blob:",
    "connect-src 'self' ws: wss:",
    "worker-src 'self'",
    "manifest-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "frame-ancestors 'none'",
    "form-action 'self'",
  ].join('; ');

export const contentSecurityPolicy = contentSecurityPolicyFor([]);

/** On every response; no-referrer matters because invite secrets live in URL fragments. */
export const baseHeaders: Readonly<Record<string, string>> = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
};

/** For a page: its CSP allows the inline styles it carries and no others. */
export const htmlHeadersFor = (html: string): Readonly<Record<string, string>> => ({
  ...baseHeaders,
  'Content-Security-Policy': contentSecurityPolicyFor(inlineStyleHashes(html)),
});

const immutable = 'public, max-age=31536000, immutable';

/**
 * Vite's hashed output under assets/ never changes. Everything else (index.html, sw.js,
 * registerSW.js, the manifest, icons) must revalidate so app updates reach users.
 */
export const cacheControlFor = (relativePath: string): string =>
  relativePath.startsWith('assets/') ? immutable : 'no-cache';

/** Text formats worth gzipping (images and fonts are compressed already). */
export const isCompressible = (mimeType: string): boolean =>
  /^(text\/|application\/(javascript|json|manifest\+json|xml)|image\/svg\+xml)/.test(mimeType);

/** Below this a gzip header costs about what it saves. */
export const MIN_COMPRESS_BYTES = 1024;
