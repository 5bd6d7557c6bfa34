import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { compressedAssetsAndBudget } from './build-budget.ts';

// packages/crypto reaches its Node-only parts (worker pool, benchmark) through lazy loaders that a
// browser never calls; the browser build replaces them with an empty module.
const NODE_ONLY = /\/packages\/crypto\/(src\/node|bench)\//;
const nodeOnly: Plugin = {
  name: 'isoloir-node-only',
  enforce: 'pre',
  resolveId(source, importer) {
    if (
      importer !== undefined &&
      /\/packages\/crypto\//.test(importer) &&
      (source.startsWith('./node/') || source.startsWith('../bench/'))
    )
      return '\0isoloir-node-only';
    return NODE_ONLY.test(source) ? '\0isoloir-node-only' : null;
  },
  load(id) {
    return id === '\0isoloir-node-only' ? 'export {};' : null;
  },
};

export default defineConfig({
  plugins: [nodeOnly, react(), compressedAssetsAndBudget()],
  // The booth chunk (lazy, with the ballot cryptography) is about 700 kB before compression: expected.
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: false, target: 'es2022', chunkSizeWarningLimit: 800 },
  server: {
    proxy: { '/api': 'http://localhost:8080', '/health': 'http://localhost:8080', '/ready': 'http://localhost:8080' },
  },
});
