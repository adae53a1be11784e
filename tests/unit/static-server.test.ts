import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from '../../server/headers';
import { type RunningServer, startServer } from '../../server/http-server';

interface Reply {
  readonly status: number;
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
}

const indexHtml = '<!doctype html><title>Chapterhouse test shell</title>';
const styledCss = ':root{--accent:#b3261e}body{margin:0}';
const styledHtml = `<!doctype html><style>${styledCss}</style><p>frame</p>`;
const secret = 'TOP-SECRET-OUTSIDE-DIST';
const expectedCsp =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; " +
  "connect-src 'self' ws: wss:; worker-src 'self'; manifest-src 'self'; object-src 'none'; base-uri 'self'; " +
  "frame-ancestors 'none'; form-action 'self'";

let root = '';
let server: RunningServer;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'chapterhouse-static-'));
  const dist = join(root, 'dist');
  await mkdir(join(dist, 'assets'), { recursive: true });
  await mkdir(join(dist, 'icons'));
  const files: Readonly<Record<string, string>> = {
    'index.html': indexHtml,
    'styled.html': styledHtml,
    'sw.js': 'self.skipWaiting();',
    'registerSW.js': 'navigator.serviceWorker.register("/sw.js");',
    'manifest.webmanifest': '{"name":"Chapterhouse"}',
    'favicon.svg': '<svg xmlns="http://www.w3.org/2000/svg"/>',
    'favicon.ico': 'ico',
    'data.json': '{}',
    '.env': secret,
    'icons/icon-192.png': 'png',
    'assets/index-abc123.js': 'console.log(1);',
    'assets/index-abc123.css': 'body{}',
    'assets/font-abc123.woff2': 'woff2',
    'assets/blob-abc123.unknownext': 'bytes',
  };
  for (const [name, content] of Object.entries(files)) await writeFile(join(dist, name), content);
  await writeFile(join(root, 'secret.txt'), secret);
  await writeFile(join(root, 'package.json'), secret);
  server = await startServer({ port: 0, host: '127.0.0.1', distDir: dist, log: () => {} });
});

afterAll(async () => {
  await server?.close();
  await rm(root, { recursive: true, force: true });
});

/** node:http sends the path as given, so traversal attempts reach the server unnormalised (unlike fetch). */
const request = (path: string, method = 'GET', headers: Readonly<Record<string, string>> = {}): Promise<Reply> =>
  new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port: server.port, path, method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }),
      );
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });

const expectHtmlHeaders = (reply: Reply): void => {
  expect(reply.headers['content-type']).toBe('text/html; charset=utf-8');
  expect(reply.headers['content-security-policy']).toBe(expectedCsp);
  expect(reply.headers['x-content-type-options']).toBe('nosniff');
  expect(reply.headers['referrer-policy']).toBe('no-referrer');
  expect(reply.headers['cache-control']).toBe('no-cache');
};

describe('static server', () => {
  it('uses the CSP from the brief', () => {
    expect(contentSecurityPolicy).toBe(expectedCsp);
  });

  it('serves index.html at / with the security headers', async () => {
    const reply = await request('/');
    expect(reply.status).toBe(200);
    expect(reply.body).toBe(indexHtml);
    expectHtmlHeaders(reply);
    expectHtmlHeaders(await request('/index.html'));
  });

  it("allows a page's own inline <style> by its hash, and nothing inline otherwise", async () => {
    const hash = createHash('sha256').update(styledCss).digest('base64');
    const csp = String((await request('/styled.html')).headers['content-security-policy']);
    expect(csp).toContain(`style-src 'self' 'sha256-${hash}';`);
    expect(csp).not.toContain('unsafe-inline');
    expect(csp.replace(` 'sha256-${hash}'`, '')).toBe(expectedCsp);
  });

  it.each([
    ['/assets/index-abc123.js', 'text/javascript; charset=utf-8'],
    ['/assets/index-abc123.css', 'text/css; charset=utf-8'],
    ['/assets/font-abc123.woff2', 'font/woff2'],
    ['/assets/blob-abc123.unknownext', 'application/octet-stream'],
    ['/manifest.webmanifest', 'application/manifest+json'],
    ['/favicon.svg', 'image/svg+xml'],
    ['/favicon.ico', 'image/x-icon'],
    ['/icons/icon-192.png', 'image/png'],
    ['/data.json', 'application/json; charset=utf-8'],
    ['/sw.js', 'text/javascript; charset=utf-8'],
  ])('serves %s as %s with nosniff and no CSP', async (path, type) => {
    const reply = await request(path);
    expect(reply.status).toBe(200);
    expect(reply.headers['content-type']).toBe(type);
    expect(reply.headers['x-content-type-options']).toBe('nosniff');
    expect(reply.headers['content-security-policy']).toBeUndefined();
  });

  it('caches hashed assets forever and revalidates the app shell, service worker and manifest', async () => {
    expect((await request('/assets/index-abc123.js')).headers['cache-control']).toBe(
      'public, max-age=31536000, immutable',
    );
    for (const path of ['/', '/index.html', '/sw.js', '/registerSW.js', '/manifest.webmanifest']) {
      expect((await request(path)).headers['cache-control']).toBe('no-cache');
    }
  });

  it('falls back to the app shell for client-side routes', async () => {
    for (const path of ['/join', '/chapters/abc/minutes', '/join?x=1']) {
      const reply = await request(path, 'GET', { Accept: 'text/html,application/xhtml+xml' });
      expect(reply.status).toBe(200);
      expect(reply.body).toBe(indexHtml);
      expectHtmlHeaders(reply);
    }
    expect((await request('/join', 'GET', { 'Sec-Fetch-Mode': 'navigate', Accept: 'application/json' })).status).toBe(
      200,
    );
  });

  it('returns 404 for missing files and non-navigation requests', async () => {
    expect((await request('/missing.js')).status).toBe(404);
    expect((await request('/assets/gone-123.css', 'GET', { Accept: 'text/html' })).status).toBe(404);
    expect((await request('/api/things', 'GET', { Accept: 'application/json' })).status).toBe(404);
    const dotfile = await request('/.env');
    expect(dotfile.status).toBe(404);
    expect(dotfile.body).not.toContain(secret);
  });

  it.each([
    '/../package.json',
    '/../secret.txt',
    '/%2e%2e/secret.txt',
    '/%2E%2E/package.json',
    '/assets/..%2f..%2fsecret.txt',
    '/%2e%2e%2fsecret.txt',
    '/assets/../../secret.txt',
    '/..%5csecret.txt',
    '/..\\secret.txt',
    '/%00index.html',
    '/%E0%A4%A',
  ])('rejects %s', async (path) => {
    const reply = await request(path, 'GET', { Accept: 'text/html' });
    expect([400, 404]).toContain(reply.status);
    expect(reply.body).not.toContain(secret);
    expect(reply.headers['x-content-type-options']).toBe('nosniff');
  });

  it('answers HEAD without a body', async () => {
    const reply = await request('/assets/index-abc123.js', 'HEAD');
    expect(reply.status).toBe(200);
    expect(reply.headers['content-length']).toBe(String('console.log(1);'.length));
    expect(reply.body).toBe('');
  });

  it('answers 304 when the ETag matches', async () => {
    const first = await request('/sw.js');
    const etag = first.headers.etag;
    expect(etag).toBeTruthy();
    const second = await request('/sw.js', 'GET', { 'If-None-Match': etag ?? '' });
    expect(second.status).toBe(304);
    expect(second.body).toBe('');
  });

  it.each(['POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS'])('rejects %s with 405', async (method) => {
    const reply = await request('/', method);
    expect(reply.status).toBe(405);
    expect(reply.headers.allow).toBe('GET, HEAD');
  });
});
