// @ts-check
// The server as `npm start` runs it: server/main.ts and everything it imports in a few files
// (esbuild), instead of the ~1,400 files Node would otherwise resolve, read and compile one by
// one. On a first or warm start those modules load while the local Neo4j's JVM starts on the same
// cores, and every millisecond of CPU Node spends there comes off the JVM: importing the app took
// 0.70-0.76 s of CPU from tsc's output against 0.16-0.21 s from the bundle (GraphiQL loaded when
// first opened), and the full bench's warm start to /ready went from 3,164 to 2,690 ms
// (bench/notes.md, eleventh pass; BENCHMARKS.md).
// esbuild rather than hand-written concatenation: it is what vite and tsx already run here.
//
// tsc still type-checks and emits dist/server/ (the CLIs' compiled form); this is the one entry
// the server is started from.
import { build } from 'esbuild';
import { rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SERVER_MAIN } from './fresh-build.mjs';

/**
 * Bundles server/main.ts into `outdir` (emptied first, so no stale chunk survives a rebuild).
 * Code split at dynamic imports: what main.ts loads while the JVM starts, the app, and GraphiQL
 * (loaded the first time someone opens it) stay separate chunks.
 * @param {string} root the checkout
 * @param {string} [outdir] defaults to the directory of SERVER_MAIN (dist/server-bundle)
 */
export async function bundleServer(root, outdir = join(root, dirname(SERVER_MAIN))) {
  rmSync(outdir, { recursive: true, force: true });
  return build({
    absWorkingDir: root,
    entryPoints: { main: join(root, 'server', 'main.ts') },
    outdir,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20.19',
    tsconfig: join(root, 'tsconfig.build.json'),
    sourcemap: 'linked',
    metafile: true,
    logLevel: 'warning',
    // Some CommonJS dependencies require Node's built-ins; an ES module has no `require` of its
    // own, so each chunk gets one (esbuild renames the app's own `require` variables around it).
    banner: {
      js: "import { createRequire as __dossierRequire } from 'node:module'; const require = __dossierRequire(import.meta.url);",
    },
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const root = join(dirname(fileURLToPath(import.meta.url)), '..');
  await bundleServer(root);
}
