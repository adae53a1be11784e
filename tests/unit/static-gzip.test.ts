import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningServer, startServer } from '../../server/http-server';

const script = `export const words = ${JSON.stringify('chapter meeting poll '.repeat(400))};\n`;
let dist = '';
let server: RunningServer;

beforeAll(async () => {
  dist = await mkdtemp(join(tmpdir(), 'chapterhouse-gzip-'));
  await writeFile(join(dist, 'index.html'), '<!doctype html><title>shell</title>');
  await writeFile(join(dist, 'app.js'), script);
  await writeFile(join(dist, 'icon.png'), Buffer.alloc(4096, 7));
  server = await startServer({ port: 0, host: '127.0.0.1', distDir: dist, log: () => {} });
});

afterAll(async () => {
  await server?.close();
  await rm(dist, { recursive: true, force: true });
});

const get = (path: string, headers: Readonly<Record<string, string>> = {}) =>
  new Promise<{ readonly headers: IncomingHttpHeaders; readonly body: Buffer }>((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port: server.port, path, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });

describe('static server compression', () => {
  it('gzips text for clients that accept it, and the bytes unpack to the file', async () => {
    const reply = await get('/app.js', { 'Accept-Encoding': 'gzip, deflate, br' });
    expect(reply.headers['content-encoding']).toBe('gzip');
    expect(reply.headers.vary).toBe('Accept-Encoding');
    expect(reply.body.length).toBeLessThan(script.length / 4);
    expect(gunzipSync(reply.body).toString('utf8')).toBe(script);
  });

  it('sends plain bytes with a length to clients that do not, and never gzips images', async () => {
    const plain = await get('/app.js');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.headers['content-length']).toBe(String(Buffer.byteLength(script)));
    expect(plain.body.toString('utf8')).toBe(script);
    const png = await get('/icon.png', { 'Accept-Encoding': 'gzip' });
    expect(png.headers['content-encoding']).toBeUndefined();
    expect(png.body.length).toBe(4096);
  });
});
