import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin, type Rollup } from 'vite';

// The self-contained HTML export inlines Cytoscape's standalone bundle; the package's "exports"
// map hides dist/, so it is reached through an alias.
const cytoscapeDist = dirname(createRequire(import.meta.url).resolve('cytoscape'));

/**
 * Puts a second, small entry (src/boot.ts) in index.html before the explorer's: it sends the first
 * page's requests as soon as it arrives, while the explorer's much larger code is still
 * downloading and compiling. A second `<script type="module">` in the HTML itself would be bundled
 * into the explorer's entry and wait for it, so the entry is built on its own (build.rollupOptions
 * input) and named here.
 */
function bootEntry(module: string): Plugin {
  return {
    name: 'dossier:boot-entry',
    transformIndexHtml: {
      order: 'post',
      handler(_html, { bundle }) {
        // `vite dev` serves the module itself.
        let src = module;
        if (bundle) {
          const boot = Object.values(bundle).find(
            (c): c is Rollup.OutputChunk =>
              c.type === 'chunk' && c.isEntry && !!c.facadeModuleId?.endsWith(module),
          );
          if (!boot) throw new Error(`boot-entry: no entry chunk is built from ${module}`);
          src = `/${boot.fileName}`;
        }
        return [
          {
            tag: 'script',
            attrs: { type: 'module', crossorigin: true, src },
            injectTo: 'head-prepend' as const,
          },
        ];
      },
    },
  };
}

// The client is built into dist/client, which server/app.ts serves at `/`; in `vite dev` the
// GraphQL calls are proxied to a running server (PORT, default 4000).
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/',
  plugins: [bootEntry('/src/boot.ts')],
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
    rollupOptions: {
      input: {
        index: fileURLToPath(new URL('index.html', import.meta.url)),
        boot: fileURLToPath(new URL('src/boot.ts', import.meta.url)),
      },
    },
  },
  server: {
    proxy: { '/graphql': `http://localhost:${process.env['PORT'] ?? '4000'}` },
  },
});
