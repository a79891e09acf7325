import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createJwtAuthorizer } from '../../local/authorizer.ts';
import { createObjectStoreProxy } from '../../local/object-store-proxy.ts';
import { createLocalServer, type LocalServer } from '../../local/server.ts';
import { createStaticSite } from '../../local/web-console.ts';
import { fakeHandlers } from './fake-handlers.ts';

let folder: string;
let server: LocalServer;
let base: string;
let upstream: Server;
const forwarded: { method?: string; url?: string; headers: IncomingHttpHeaders; body: string }[] = [];

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'greenline-site-'));
  await mkdir(join(folder, 'assets'));
  await writeFile(join(folder, 'index.html'), '<!doctype html><title>绿线督办</title>');
  await writeFile(join(folder, 'assets', 'index-abc123.js'), 'console.log(1)');
  await writeFile(join(folder, 'favicon.svg'), '<svg/>');

  upstream = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      forwarded.push({ ...request, headers: request.headers, body: Buffer.concat(chunks).toString() });
      response.writeHead(200, { etag: '"e1"', 'x-amz-request-id': 'r1' });
      response.end();
    });
  });
  await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', resolve));

  server = createLocalServer({
    loadHandler: fakeHandlers({}).loadHandler,
    authorizer: createJwtAuthorizer({ key: randomBytes(32) }),
    routes: [],
    site: createStaticSite(folder, { auth: { mode: 'local' } }),
    objectStore: createObjectStoreProxy({
      bucket: 'greenline-attachments',
      endpoint: `http://127.0.0.1:${(upstream.address() as AddressInfo).port}`,
    }),
  });
  base = `http://127.0.0.1:${await server.listen(0)}`;
});
afterAll(async () => {
  await server.close();
  upstream.close();
  await rm(folder, { recursive: true, force: true });
});

describe('the web console on the API’s origin', () => {
  it('serves the single page for every page route, with its security headers and no caching', async () => {
    for (const path of ['/', '/track', '/console/cases/01KABC']) {
      const response = await fetch(`${base}${path}`);
      expect(response.status).toBe(200);
      expect(await response.text()).toContain('绿线督办');
      expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(response.headers.get('cache-control')).toBe('no-cache');
      expect(response.headers.get('content-security-policy')).toContain("script-src 'self'");
      expect(response.headers.get('x-frame-options')).toBe('DENY');
    }
  });

  it('serves hashed assets as immutable, and a missing asset as 404 rather than the page', async () => {
    const asset = await fetch(`${base}/assets/index-abc123.js`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');

    const missing = await fetch(`${base}/assets/index-gone.js`);
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  });

  it('never serves a file outside the build folder', async () => {
    const response = await fetch(`${base}/..%2F..%2Fpackage.json`);
    expect(await response.text()).not.toContain('"name"');
  });

  it('tells the pages to sign in locally (/config.json), and leaves /v1 and /local to their routes', async () => {
    expect(await (await fetch(`${base}/config.json`)).json()).toEqual({ auth: { mode: 'local' } });
    expect((await fetch(`${base}/v1/nothing-here`)).status).toBe(404);
    expect(await (await fetch(`${base}/v1/nothing-here`)).text()).not.toContain('绿线督办');
  });

  it('passes an upload to the bucket on to the object store untouched: method, path, signature, Host and body', async () => {
    const url = `${base}/greenline-attachments/uploads/01KXYZ?X-Amz-Signature=abc&X-Amz-Expires=900`;

    const response = await fetch(url, { method: 'PUT', headers: { 'content-type': 'image/png' }, body: 'PNGDATA' });

    expect(response.status).toBe(200);
    expect(response.headers.get('etag')).toBe('"e1"');
    const request = forwarded.at(-1);
    expect(request).toMatchObject({
      method: 'PUT',
      url: '/greenline-attachments/uploads/01KXYZ?X-Amz-Signature=abc&X-Amz-Expires=900',
      body: 'PNGDATA',
    });
    expect(request?.headers.host).toBe(new URL(base).host);
    expect(request?.headers['content-type']).toBe('image/png');
  });
});
