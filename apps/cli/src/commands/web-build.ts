// `isoloir start` on a clone where the web app was never built: build it once (Vite, as
// `npm run build:web` does), or refuse to start with what to do, rather than serve the API alone
// while the banner promises a web app.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { DEFAULT_WEB_ROOT } from '@isoloir/server';

const WEB_PACKAGE = join(DEFAULT_WEB_ROOT, '..', 'package.json');

function viteBin(): string | undefined {
  try {
    const vitePackage = createRequire(WEB_PACKAGE).resolve('vite/package.json');
    const bin = join(dirname(vitePackage), 'bin', 'vite.js');
    return existsSync(bin) ? bin : undefined;
  } catch {
    return undefined;
  }
}

/** Returns undefined when the web app is there (built now if it was missing), else why it is not. */
export function ensureWebBuilt(log: (line: string) => void): string | undefined {
  if (existsSync(join(DEFAULT_WEB_ROOT, 'index.html'))) return undefined;
  const bin = viteBin();
  if (bin === undefined)
    return 'the web app is not built and Vite is not installed: run `npm ci && npm run build:web`, then start again';
  log('The web app is not built yet: building it once (npm run build:web)…\n');
  const build = spawnSync(process.execPath, [bin, 'build'], {
    cwd: dirname(WEB_PACKAGE),
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  if (build.status !== 0 || !existsSync(join(DEFAULT_WEB_ROOT, 'index.html')))
    return 'building the web app failed (see above): fix it, run `npm run build:web`, then start again';
  return undefined;
}
