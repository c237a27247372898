import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, get as httpGet, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { staticFiles } from '../../server/http/static-files.js';

describe('the built client is served gzipped to browsers that take it', () => {
  const script = `console.log(${JSON.stringify('explorer '.repeat(500))});\n`;
  let server: Server;
  let base = '';

  beforeAll(async () => {
    const root = mkdtempSync(join(tmpdir(), 'dossier-static-'));
    writeFileSync(join(root, 'index.html'), '<!doctype html><title>x</title>');
    writeFileSync(join(root, 'app.js'), script);
    server = createServer(staticFiles(root));
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => void server.close());

  /** node:http's own client, which (unlike fetch) leaves the body as it came. */
  const get = (path: string, acceptEncoding?: string) =>
    new Promise<{ headers: Record<string, unknown>; body: Buffer }>((resolve, reject) => {
      const headers = acceptEncoding ? { 'accept-encoding': acceptEncoding } : {};
      httpGet(`${base}${path}`, { headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ headers: res.headers, body: Buffer.concat(chunks) }));
      }).on('error', reject);
    });

  it('gzips a script for a client that accepts gzip, and says the answer varies by it', async () => {
    const { headers, body } = await get('/app.js', 'gzip, deflate, br');
    expect(headers['content-encoding']).toBe('gzip');
    expect(headers['vary']).toBe('accept-encoding');
    expect(Number(headers['content-length'])).toBe(body.length);
    expect(body.length).toBeLessThan(script.length / 4);
    expect(gunzipSync(body).toString()).toBe(script);
    // The second answer comes from the kept copy and is the same.
    expect((await get('/app.js', 'gzip')).body.equals(body)).toBe(true);
  });

  it('sends the file as it is to a client that does not take gzip, or refuses it', async () => {
    for (const accept of [undefined, 'identity', 'gzip;q=0, identity']) {
      const { headers, body } = await get('/app.js', accept);
      expect(headers['content-encoding']).toBeUndefined();
      expect(body.toString()).toBe(script);
    }
  });

  it('does not gzip a file too small to gain from it', async () => {
    const { headers, body } = await get('/index.html', 'gzip');
    expect(headers['content-encoding']).toBeUndefined();
    expect(body.toString()).toContain('<title>x</title>');
  });
});
