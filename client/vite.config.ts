import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// The self-contained HTML export inlines Cytoscape's standalone bundle; the package's "exports"
// map hides dist/, so it is reached through an alias.
const cytoscapeDist = dirname(createRequire(import.meta.url).resolve('cytoscape'));

// The client is built into dist/client, which server/app.ts serves at `/`; in `vite dev` the
// GraphQL calls are proxied to a running server (PORT, default 4000).
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/',
  resolve: {
    alias: [
      {
        find: /^cytoscape-standalone(\?.*)?$/,
        replacement: `${join(cytoscapeDist, 'cytoscape.min.js')}$1`,
      },
    ],
  },
  build: {
    outDir: fileURLToPath(new URL('../dist/client', import.meta.url)),
    emptyOutDir: true,
    // Cytoscape and the Cypher editor are large; the warning would only repeat that.
    chunkSizeWarningLimit: 1500,
    sourcemap: true,
    // dist/client/.vite/manifest.json: scripts/first-page-size.ts follows the entry's static
    // imports in it to weigh what the first page loads (issue 16's 250 kB budget).
    manifest: true,
  },
  server: {
    proxy: { '/graphql': `http://localhost:${process.env['PORT'] ?? '4000'}` },
  },
});
