import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { fromRoot } from '../../server/paths.js';

/**
 * The explorer's first page is what its two entries reach through static imports: the small one
 * that sends the first requests (client/src/boot.ts) and the explorer (client/src/main.ts).
 * Issue 16 keeps it under 250 kB gzip by loading the heavy parts with dynamic import() when first
 * used. This walks the static import graph of the sources (a structural check: no build, no
 * timing) and fails when a module known to be lazy is on it.
 */

const CLIENT = fromRoot('client', 'src');

/** Packages the first page must not carry (each has a lazy boundary in the client). */
const LAZY_PACKAGES = [
  /^@neo4j-cypher\//, // the Cypher editor (console)
  /^@codemirror\//,
  /^codemirror$/,
  /^pdfjs-dist(\/|$)/, // Add source: PDF
  /^mammoth(\/|$)/, // Add source: Word
  /^@mozilla\/readability$/, // Add source: HTML
  /^compromise(\/|$)/, // the reader's suggestions
  /^graphology/, // structure panel (issue 15)
  /^cytoscape-dagre$/, // a layout few views use
  /^cytoscape-svg$/, // the SVG export
  /^cytoscape-standalone/, // the self-contained HTML export
];

/** Client folders whose modules load lazily (the console, the exporters). */
const LAZY_FOLDERS = ['console', 'export'];

interface ImportGraph {
  /** Client modules reached, as paths relative to client/src. */
  readonly modules: Set<string>;
  /** Bare specifiers reached (packages), with the module that imports each. */
  readonly packages: Map<string, string>;
}

/** Static imports and re-exports of one file (type-only ones are erased, so skipped). */
function staticSpecifiers(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest);
  const out: string[] = [];
  for (const s of source.statements) {
    if (ts.isImportDeclaration(s) && !s.importClause?.isTypeOnly) {
      out.push((s.moduleSpecifier as ts.StringLiteral).text);
    } else if (ts.isExportDeclaration(s) && s.moduleSpecifier && !s.isTypeOnly) {
      out.push((s.moduleSpecifier as ts.StringLiteral).text);
    }
  }
  return out;
}

function resolveLocal(from: string, spec: string): string | null {
  const bare = resolve(dirname(from), spec.replace(/\?.*$/, ''));
  for (const candidate of [
    bare.replace(/\.js$/, '.ts'),
    bare,
    `${bare}.ts`,
    join(bare, 'index.ts'),
  ])
    if (existsSync(candidate) && /\.(ts|css)$/.test(candidate)) return candidate;
  return null;
}

/** Everything `entry` reaches through static imports. */
function staticGraph(entry: string): ImportGraph {
  const modules = new Set<string>();
  const packages = new Map<string, string>();
  const visit = (file: string): void => {
    const rel = relative(CLIENT, file);
    if (modules.has(rel)) return;
    modules.add(rel);
    if (!file.endsWith('.ts')) return;
    for (const spec of staticSpecifiers(file)) {
      if (spec.startsWith('.')) {
        const target = resolveLocal(file, spec);
        if (!target) throw new Error(`${rel}: cannot resolve ${spec}`);
        visit(target);
      } else if (!packages.has(spec)) packages.set(spec, rel);
    }
  };
  visit(entry);
  return { modules, packages };
}

const lazyPackagesIn = (g: ImportGraph): string[] =>
  [...g.packages]
    .filter(([spec]) => LAZY_PACKAGES.some((re) => re.test(spec)))
    .map(([spec, by]) => `${spec} (imported by ${by})`);

const lazyModulesIn = (g: ImportGraph): string[] =>
  [...g.modules].filter((m) => LAZY_FOLDERS.some((f) => m.startsWith(`${f}/`)));

/** Both graphs in one. */
function union(a: ImportGraph, b: ImportGraph): ImportGraph {
  return {
    modules: new Set([...a.modules, ...b.modules]),
    packages: new Map([...a.packages, ...b.packages]),
  };
}

describe('the first page (client/src/boot.ts, client/src/main.ts and their static imports)', () => {
  const entry = staticGraph(join(CLIENT, 'boot.ts'));
  const first = union(entry, staticGraph(join(CLIENT, 'main.ts')));

  it('starts from an entry that carries neither Cytoscape nor the explorer', () => {
    // The entry sends the first page's requests as soon as it runs: it must not wait for the
    // explorer's code to download and compile first.
    expect([...entry.packages.keys()].filter((p) => p.startsWith('cytoscape'))).toEqual([]);
    expect(entry.modules.has('main.ts')).toBe(false);
    expect(entry.modules.has('app/first-requests.ts')).toBe(true);
  });

  it('draws with Cytoscape and fCoSE', () => {
    // The walk sees packages at all: the renderer and the default layout are on the first page.
    expect([...first.packages.keys()]).toEqual(
      expect.arrayContaining(['cytoscape', 'cytoscape-fcose']),
    );
  });

  it('carries none of the packages that load when first used', () => {
    expect(lazyPackagesIn(first)).toEqual([]);
  });

  it('carries none of the console or export modules', () => {
    expect(lazyModulesIn(first)).toEqual([]);
  });

  it('would notice: the console and the exporters reach what the first page must not carry', () => {
    // The same walk from the lazy modules finds the heavy packages, so a static import of either
    // from the first page would make the checks above fail.
    const consoleGraph = staticGraph(join(CLIENT, 'console', 'console-panel.ts'));
    expect(lazyPackagesIn(consoleGraph).join('\n')).toMatch(/@neo4j-cypher\/codemirror/);
    const exporters = staticGraph(join(CLIENT, 'export', 'exporters.ts'));
    expect(lazyPackagesIn(exporters).join('\n')).toMatch(/cytoscape-svg/);
    expect(lazyModulesIn(exporters)).toContain('export/exporters.ts');
  });
});
