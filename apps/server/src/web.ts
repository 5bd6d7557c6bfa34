// Serves the built web app (apps/web/dist) and answers unknown non-API paths with its
// index.html, so that the app's own routes survive a reload.
// Hashed assets (/assets/*) are cached for a year (their name changes with their content);
// index.html is revalidated on every load. The build writes a Brotli and a gzip copy of each
// asset, sent as they are to a browser that accepts them. No source map is built or served.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { AppInstance } from './app-instance.ts';

export const DEFAULT_WEB_ROOT = fileURLToPath(new URL('../../web/dist/', import.meta.url));

const ASSETS = '/assets/';
const HASHED_ASSET_CACHE = 'public, max-age=31536000, immutable';
const PAGE_CACHE = 'no-cache';

export async function registerWeb(app: AppInstance, webRoot: string): Promise<boolean> {
  if (!existsSync(`${webRoot}/index.html`)) {
    app.log.warn({ webRoot }, 'web app not built (run `npm run build:web`); serving the API only');
    return false;
  }
  await app.register(fastifyStatic, {
    root: webRoot,
    wildcard: false,
    index: 'index.html',
    preCompressed: true,
    cacheControl: false,
    allowedPath: (pathName) => !pathName.endsWith('.map'),
    setHeaders: (reply, path) => {
      reply.header('cache-control', path.includes(ASSETS) ? HASHED_ASSET_CACHE : PAGE_CACHE);
    },
  });
  return true;
}

export function isApiPath(url: string): boolean {
  return url.startsWith('/api/') || url === '/api' || url === '/health' || url === '/ready';
}

// The last segment of a file's path ends in an extension (.js, .map, .png); the app's routes never do.
const FILE_NAME = /\.[A-Za-z0-9]{1,8}$/;

/** A path the web app's own router answers (index.html), not a file that is missing. */
export function isAppPath(url: string): boolean {
  const path = url.split(/[?#]/, 1)[0] ?? url;
  return !isApiPath(path) && !path.startsWith(ASSETS) && !FILE_NAME.test(path);
}
