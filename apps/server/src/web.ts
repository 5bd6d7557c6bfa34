// Serves the built web app (apps/web/dist) and answers unknown non-API paths with its
// index.html, so that the app's own routes survive a reload.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { AppInstance } from './app-instance.ts';

export const DEFAULT_WEB_ROOT = fileURLToPath(new URL('../../web/dist/', import.meta.url));

export async function registerWeb(app: AppInstance, webRoot: string): Promise<boolean> {
  if (!existsSync(`${webRoot}/index.html`)) {
    app.log.warn({ webRoot }, 'web app not built (run `npm run build:web`); serving the API only');
    return false;
  }
  await app.register(fastifyStatic, { root: webRoot, wildcard: false, index: 'index.html', maxAge: '1h', immutable: false });
  return true;
}

export function isApiPath(url: string): boolean {
  return url.startsWith('/api/') || url === '/api' || url === '/health' || url === '/ready';
}
