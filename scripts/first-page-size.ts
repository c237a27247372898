/**
 * What the explorer's first page loads before it can draw the first graph: what the built client's
 * index.html names (its entries, preloads and stylesheets) and every chunk and stylesheet those
 * import statically, read from Vite's manifest, with their gzip
 * sizes. Lazy chunks (dynamic import(): the Cypher console, exporters,
 * authoring, sources, analysis panels) are listed apart and not counted.
 *
 * `npx tsx scripts/first-page-size.ts [--build] [--dir dist/client]` prints the table and exits
 * 1 when the first page is over the budget; `npm run bench` records the same numbers.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { fromRoot } from '../server/paths.js';

/** Issue 16: at most 250 kB (gzip) of JavaScript and CSS before the first graph is drawn. */
export const FIRST_PAGE_BUDGET_BYTES = 250_000;

/** One entry of Vite's build manifest (the fields this script reads). */
interface ManifestChunk {
  readonly file: string;
  readonly isEntry?: boolean;
  readonly imports?: readonly string[];
  readonly dynamicImports?: readonly string[];
  readonly css?: readonly string[];
}

export interface SizedFile {
  readonly file: string;
  readonly bytes: number;
  readonly gzipBytes: number;
}

export interface FirstPageSize {
  /** The JavaScript and CSS index.html names and everything they import statically. */
  readonly files: readonly SizedFile[];
  readonly jsGzipBytes: number;
  readonly cssGzipBytes: number;
  /** JavaScript + CSS, gzip: what the budget is about. */
  readonly totalGzipBytes: number;
  readonly htmlGzipBytes: number;
  /** Chunks only reached through dynamic import(), largest first (not counted above). */
  readonly lazy: readonly SizedFile[];
  readonly budgetBytes: number;
  readonly withinBudget: boolean;
}

function sized(dir: string, file: string): SizedFile {
  const body = readFileSync(join(dir, file));
  // Level 9, as a static server precompressing its files would; Vite's report uses the same.
  return { file, bytes: body.length, gzipBytes: gzipSync(body, { level: 9 }).length };
}

/** The files under assets/ that index.html names (script src, stylesheet and modulepreload href). */
function namedInHtml(dir: string): Set<string> {
  const html = readFileSync(join(dir, 'index.html'), 'utf8');
  return new Set([...html.matchAll(/(?:src|href)="\/(assets\/[^"]+)"/g)].map((m) => m[1]!));
}

/** Reads dist/client's manifest and weighs what the first page loads before it can draw. */
export function firstPageSize(dir = fromRoot('dist', 'client')): FirstPageSize {
  const manifestFile = join(dir, '.vite', 'manifest.json');
  if (!existsSync(manifestFile)) {
    throw new Error(
      `No build manifest at ${manifestFile}: build the client first (npx vite build client), or pass --build.`,
    );
  }
  const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as Record<string, ManifestChunk>;
  // The page loads what index.html names — the explorer's entry and the small one before it that
  // sends the first requests (client/vite.config.ts), their preloads and stylesheets — and
  // everything those import statically.
  const named = namedInHtml(dir);
  const staticKeys = new Set<string>();
  const visit = (key: string): void => {
    if (staticKeys.has(key)) return;
    staticKeys.add(key);
    for (const next of manifest[key]?.imports ?? []) visit(next);
  };
  for (const [key, chunk] of Object.entries(manifest)) if (named.has(chunk.file)) visit(key);
  if (![...staticKeys].some((k) => manifest[k]?.isEntry)) {
    throw new Error(`index.html in ${dir} names no entry of ${manifestFile}`);
  }

  const files = new Set<string>([...named].filter((f) => f.endsWith('.css')));
  for (const key of staticKeys) {
    const chunk = manifest[key];
    if (!chunk) continue;
    files.add(chunk.file);
    for (const css of chunk.css ?? []) files.add(css);
  }
  const first = [...files].map((f) => sized(dir, f));
  const lazyFiles = new Set<string>();
  for (const [key, chunk] of Object.entries(manifest)) {
    if (staticKeys.has(key) || !/\.(js|mjs|css)$/.test(chunk.file)) continue;
    if (!files.has(chunk.file)) lazyFiles.add(chunk.file);
    for (const css of chunk.css ?? []) if (!files.has(css)) lazyFiles.add(css);
  }
  const sum = (xs: readonly SizedFile[]): number => xs.reduce((a, f) => a + f.gzipBytes, 0);
  const js = sum(first.filter((f) => /\.m?js$/.test(f.file)));
  const css = sum(first.filter((f) => f.file.endsWith('.css')));
  const total = js + css;
  return {
    files: first.sort((a, b) => b.gzipBytes - a.gzipBytes),
    jsGzipBytes: js,
    cssGzipBytes: css,
    totalGzipBytes: total,
    htmlGzipBytes: sized(dir, 'index.html').gzipBytes,
    lazy: [...lazyFiles].map((f) => sized(dir, f)).sort((a, b) => b.gzipBytes - a.gzipBytes),
    budgetBytes: FIRST_PAGE_BUDGET_BYTES,
    withinBudget: total <= FIRST_PAGE_BUDGET_BYTES,
  };
}

const kB = (n: number): string => `${(n / 1000).toFixed(1)} kB`;

/** The table the CLI prints. */
export function describeFirstPage(size: FirstPageSize): string {
  const row = (f: SizedFile): string =>
    `  ${kB(f.gzipBytes).padStart(10)} gzip  ${kB(f.bytes).padStart(10)}  ${f.file}`;
  return [
    'First page (what index.html names and their static imports):',
    ...size.files.map(row),
    `  ${kB(size.totalGzipBytes).padStart(10)} gzip  JS ${kB(size.jsGzipBytes)} + CSS ${kB(size.cssGzipBytes)} (index.html ${kB(size.htmlGzipBytes)} more); budget ${kB(size.budgetBytes)}: ${size.withinBudget ? 'within' : 'OVER'}`,
    'Loaded when first used (dynamic import):',
    ...size.lazy.map(row),
  ].join('\n');
}

function main(): void {
  const { values } = parseArgs({
    options: {
      build: { type: 'boolean', default: false },
      dir: { type: 'string', default: fromRoot('dist', 'client') },
    },
    strict: true,
  });
  if (values.build) {
    const built = spawnSync('npx', ['vite', 'build', 'client', '--outDir', values.dir], {
      cwd: fromRoot(),
      stdio: 'inherit',
    });
    if (built.status !== 0) process.exit(built.status ?? 1);
  }
  const size = firstPageSize(values.dir);
  console.log(describeFirstPage(size));
  if (!size.withinBudget) process.exit(1);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) main();
