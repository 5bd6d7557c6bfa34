import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { after, before, describe, test } from 'node:test';
import { testDatabases, type TestStore } from '@isoloir/store/testing';
import { buildApp } from './app.ts';
import type { AppInstance } from './app-instance.ts';
import { DEFAULT_WEB_ROOT } from './web.ts';

// A built web app as Vite leaves it, plus a stray source map that must never be served.
function fakeWebRoot(): string {
  const root = mkdtempSync(join(tmpdir(), 'isoloir-web-'));
  mkdirSync(join(root, 'assets'));
  const script = `console.log(${JSON.stringify('x'.repeat(4000))});`;
  writeFileSync(
    join(root, 'index.html'),
    '<!doctype html><title>isoloir</title><script src="/assets/index-abc123.js"></script>',
  );
  writeFileSync(join(root, 'assets', 'index-abc123.js'), script);
  writeFileSync(join(root, 'assets', 'index-abc123.js.br'), brotliCompressSync(script));
  writeFileSync(join(root, 'assets', 'index-abc123.js.gz'), gzipSync(script));
  writeFileSync(join(root, 'assets', 'index-abc123.js.map'), '{"version":3,"sources":["secret.ts"]}');
  return root;
}

const pglite = testDatabases().find((database) => database.name === 'pglite');

describe('the web app as served', () => {
  let store: TestStore;
  let app: AppInstance;
  let webRoot: string;

  before(async () => {
    assert.ok(pglite);
    webRoot = fakeWebRoot();
    store = await pglite.open();
    app = await buildApp({ store, webRoot });
  });
  after(async () => {
    await app.close();
    await store.close();
    rmSync(webRoot, { recursive: true, force: true });
  });

  test('hashed assets go compressed, cached for a year', async () => {
    const brotli = await app.inject({ url: '/assets/index-abc123.js', headers: { 'accept-encoding': 'br, gzip' } });
    assert.equal(brotli.statusCode, 200);
    assert.equal(brotli.headers['content-encoding'], 'br');
    assert.equal(brotli.headers['cache-control'], 'public, max-age=31536000, immutable');
    const gzip = await app.inject({ url: '/assets/index-abc123.js', headers: { 'accept-encoding': 'gzip' } });
    assert.equal(gzip.headers['content-encoding'], 'gzip');
    const plain = await app.inject({ url: '/assets/index-abc123.js', headers: { 'accept-encoding': 'identity' } });
    assert.equal(plain.headers['content-encoding'], undefined);
    assert.match(plain.body, /^console\.log/);
  });

  test('source maps are never served, not even as the app page', async () => {
    for (const url of ['/assets/index-abc123.js.map', '/assets/other.js.map', '/index-abc123.js.map']) {
      const response = await app.inject(url);
      assert.equal(response.statusCode, 404, url);
      assert.doesNotMatch(response.body, /secret\.ts|<!doctype/i, url);
      assert.equal(typeof response.json<{ code: unknown }>().code, 'string', url);
    }
  });

  test('a missing asset is a 404, while the app routes answer index.html, revalidated each time', async () => {
    assert.equal((await app.inject('/assets/gone-000.js')).statusCode, 404);
    for (const url of ['/', '/vote', '/counting/team-b']) {
      const page = await app.inject(url);
      assert.equal(page.statusCode, 200, url);
      assert.match(page.body, /<title>isoloir<\/title>/, url);
      assert.equal(page.headers['cache-control'], 'no-cache', url);
    }
  });
});

// The real build (npm test builds it first): every compressed copy is the file as finally written
// (a copy made before the bundler's last rewrite once broke the booth's lazy loading), and no map.
describe('the built web app', { skip: !existsSync(join(DEFAULT_WEB_ROOT, 'index.html')) && 'not built' }, () => {
  test('each .br and .gz decompresses to its file, and no source map is written', () => {
    const assets = join(DEFAULT_WEB_ROOT, 'assets');
    const names = readdirSync(assets);
    assert.ok(
      names.some((name) => name.endsWith('.js.br')),
      'the build writes Brotli copies',
    );
    assert.deepEqual(
      names.filter((name) => name.endsWith('.map')),
      [],
    );
    for (const name of names) {
      const original = name.replace(/\.(br|gz)$/, '');
      if (original === name) continue;
      const unpack = name.endsWith('.br') ? brotliDecompressSync : gunzipSync;
      assert.ok(unpack(readFileSync(join(assets, name))).equals(readFileSync(join(assets, original))), name);
    }
  });
});
