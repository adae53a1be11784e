import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { type IncomingMessage, STATUS_CODES, type ServerResponse } from 'node:http';
import { join, relative, resolve, sep } from 'node:path';
import { pipeline } from 'node:stream';
import { createGzip } from 'node:zlib';
import { baseHeaders, cacheControlFor, htmlHeadersFor, isCompressible, MIN_COMPRESS_BYTES } from './headers';
import { isHtmlType, mimeTypeFor } from './mime';
import { parseRequestPath } from './request-path';

export interface StaticOptions {
  readonly distDir: string;
}

export type RequestHandler = (request: IncomingMessage, response: ServerResponse) => void;

interface FoundFile {
  readonly path: string;
  /** Relative to the served folder, with forward slashes. */
  readonly relativePath: string;
  readonly size: number;
  readonly mtime: Date;
}

const sendStatus = (
  request: IncomingMessage,
  response: ServerResponse,
  status: number,
  extra: Readonly<Record<string, string>> = {},
): void => {
  const body = `${status} ${STATUS_CODES[status] ?? ''}`.trim();
  response.writeHead(status, {
    ...baseHeaders,
    ...extra,
    'Content-Type': 'text/plain; charset=utf-8',
    'Content-Length': Buffer.byteLength(body),
    'Cache-Control': 'no-store',
  });
  response.end(request.method === 'HEAD' ? undefined : body);
};

const statFile = async (root: string, path: string): Promise<FoundFile | undefined> => {
  // Belt and braces: the resolved path must still lie inside the served folder.
  if (path !== root && !path.startsWith(root + sep)) return undefined;
  try {
    const info = await stat(path);
    if (info.isDirectory()) return await statFile(root, join(path, 'index.html'));
    if (!info.isFile()) return undefined;
    const relativePath = relative(root, path).split(sep).join('/');
    return { path, relativePath, size: info.size, mtime: info.mtime };
  } catch {
    return undefined;
  }
};

const findFile = (root: string, segments: readonly string[]): Promise<FoundFile | undefined> => {
  // Dotfiles are never part of a build.
  if (segments.some((segment) => segment.startsWith('.'))) return Promise.resolve(undefined);
  return statFile(root, join(root, ...segments));
};

/** Client-side routes like /join have no extension; only page loads get the app shell, not fetches for data. */
const wantsAppShell = (request: IncomingMessage, segments: readonly string[]): boolean => {
  const last = segments.at(-1) ?? '';
  if (last.includes('.')) return false;
  if (request.headers['sec-fetch-mode'] === 'navigate') return true;
  const accept = request.headers.accept;
  return accept === undefined || accept.includes('text/html') || accept.includes('*/*');
};

// A page's headers depend on its content (the CSP names its inline styles' hashes): read once per version.
const pageHeaders = new Map<string, { readonly version: string; readonly headers: Readonly<Record<string, string>> }>();
const headersForPage = async (file: FoundFile, version: string): Promise<Readonly<Record<string, string>>> => {
  const known = pageHeaders.get(file.path);
  if (known?.version === version) return known.headers;
  const headers = htmlHeadersFor(await readFile(file.path, 'utf8'));
  pageHeaders.set(file.path, { version, headers });
  return headers;
};

const sendFile = async (request: IncomingMessage, response: ServerResponse, file: FoundFile): Promise<void> => {
  const mimeType = mimeTypeFor(file.path);
  const etag = `W/"${file.size.toString(16)}-${file.mtime.getTime().toString(16)}"`;
  const headers = {
    ...(isHtmlType(mimeType) ? await headersForPage(file, etag) : baseHeaders),
    'Content-Type': mimeType,
    'Cache-Control': cacheControlFor(file.relativePath),
    ETag: etag,
    'Last-Modified': file.mtime.toUTCString(),
  };
  if (request.headers['if-none-match'] === etag) {
    response.writeHead(304, headers);
    response.end();
    return;
  }
  // Gzip text on the fly: the app shell's scripts shrink to a third over a slow phone link.
  const gzip = isCompressible(mimeType) && file.size >= MIN_COMPRESS_BYTES && /\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''));
  response.writeHead(200, gzip ? { ...headers, 'Content-Encoding': 'gzip', Vary: 'Accept-Encoding' } : { ...headers, 'Content-Length': file.size });
  if (request.method === 'HEAD') {
    response.end();
    return;
  }
  // pipeline destroys both streams on error; a vanished client is not our problem.
  if (gzip) pipeline(createReadStream(file.path), createGzip(), response, () => {});
  else pipeline(createReadStream(file.path), response, () => {});
};

const serve = async (root: string, request: IncomingMessage, response: ServerResponse): Promise<void> => {
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    sendStatus(request, response, 405, { Allow: 'GET, HEAD' });
    return;
  }
  const segments = parseRequestPath(request.url);
  if (segments === null) {
    sendStatus(request, response, 400);
    return;
  }
  const file =
    (await findFile(root, segments)) ??
    (wantsAppShell(request, segments) ? await findFile(root, ['index.html']) : undefined);
  if (file === undefined) {
    sendStatus(request, response, 404);
    return;
  }
  await sendFile(request, response, file);
};

/** Serves a built dist/ folder: exact files first, then the SPA shell for client-side routes. */
export const createStaticHandler = (options: StaticOptions): RequestHandler => {
  const root = resolve(options.distDir);
  return (request, response) => {
    serve(root, request, response).catch(() => {
      if (!response.headersSent) sendStatus(request, response, 500);
      else response.destroy();
    });
  };
};
