// Build step for the web app's weight: once the bundle is written (after every other plugin has
// finished its chunks), writes a Brotli and a gzip copy beside every asset (the server sends them as
// they are, no compression per request), then measures the JavaScript the home page
// loads (the entry chunk and what it imports statically, compressed with Brotli) and fails the build
// when it is over the budget. Voters abroad on slow links pay for every kilobyte.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { Plugin, Rollup } from 'vite';

export const HOME_PAGE_JS_BUDGET_BYTES = 200 * 1024;
const COMPRESSIBLE = /\.(js|css|html|svg|json|txt|woff)$/;
const MIN_SIZE = 512;

type OutputChunk = Rollup.OutputChunk;
type OutputAsset = Rollup.OutputAsset;
type Output = Record<string, OutputChunk | OutputAsset>;

function brotli(bytes: Uint8Array): Buffer {
  return brotliCompressSync(bytes, {
    params: { [constants.BROTLI_PARAM_QUALITY]: 9, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length },
  });
}

/** The chunks a page loads before it runs: the entry and, recursively, its static imports. */
export function homePageChunks(bundle: Output): OutputChunk[] {
  const chunks = Object.values(bundle).filter((item): item is OutputChunk => item.type === 'chunk');
  const byName = new Map(chunks.map((chunk) => [chunk.fileName, chunk]));
  const seen = new Set<string>();
  const pending = chunks.filter((chunk) => chunk.isEntry).map((chunk) => chunk.fileName);
  for (let name = pending.pop(); name !== undefined; name = pending.pop()) {
    if (seen.has(name)) continue;
    seen.add(name);
    pending.push(...(byName.get(name)?.imports ?? []));
  }
  return chunks.filter((chunk) => seen.has(chunk.fileName));
}

export function compressedAssetsAndBudget(budget = HOME_PAGE_JS_BUDGET_BYTES): Plugin {
  return {
    name: 'isoloir-compress-and-budget',
    apply: 'build',
    enforce: 'post',
    writeBundle(options, bundle: Output) {
      const outDir = options.dir ?? 'dist';
      const compressedSize = new Map<string, number>();
      for (const fileName of Object.keys(bundle)) {
        if (!COMPRESSIBLE.test(fileName)) continue;
        const path = join(outDir, fileName);
        const bytes = readFileSync(path);
        const compressed = brotli(bytes);
        compressedSize.set(fileName, compressed.length);
        if (bytes.length < MIN_SIZE) continue;
        writeFileSync(`${path}.br`, compressed);
        writeFileSync(`${path}.gz`, gzipSync(bytes, { level: 9 }));
      }
      const home = homePageChunks(bundle);
      const size = home.reduce((total, chunk) => total + (compressedSize.get(chunk.fileName) ?? 0), 0);
      const line = `home page JavaScript: ${(size / 1024).toFixed(1)} kB Brotli in ${String(home.length)} file(s) (budget ${(budget / 1024).toFixed(0)} kB)`;
      if (size > budget) this.error(`${line}: over budget; load the heavy page lazily`);
      this.info(line);
    },
  };
}
