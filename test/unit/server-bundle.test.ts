import { mkdtempSync, rmSync } from 'node:fs';
import { isBuiltin } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Metafile } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleServer } from '../../scripts/bundle-server.mjs';
import { projectRoot } from '../../server/paths.js';

// What `npm start` runs is scripts/bundle-server.mjs's output. These check the shape that makes
// it start fast: main.ts's own chunks spawn the JVM before the app's modules are loaded, GraphiQL
// loads only when opened, and nothing but Node's built-ins is left to resolve at run time.

let outdir: string;
let outputs: Metafile['outputs'];

beforeAll(async () => {
  outdir = mkdtempSync(join(tmpdir(), 'dossier-bundle-'));
  const result = await bundleServer(projectRoot, outdir);
  outputs = result.metafile.outputs;
}, 60_000);

afterAll(() => rmSync(outdir, { recursive: true, force: true }));

const chunks = (): [string, Metafile['outputs'][string]][] =>
  Object.entries(outputs).filter(([path]) => path.endsWith('.js'));

function entryChunk(entryPoint: string): string {
  const found = chunks().find(([, o]) => o.entryPoint === entryPoint);
  if (!found) throw new Error(`no chunk for ${entryPoint}`);
  return found[0];
}

/** The chunks loaded with `path` before any of its code runs: its static imports, transitively. */
function staticClosure(path: string, seen = new Set<string>()): Set<string> {
  if (seen.has(path)) return seen;
  seen.add(path);
  for (const i of outputs[path]?.imports ?? []) {
    if (!i.external && i.kind === 'import-statement') staticClosure(i.path, seen);
  }
  return seen;
}

const sourcesOf = (paths: Iterable<string>): string[] =>
  [...paths].flatMap((p) => Object.keys(outputs[p]?.inputs ?? {}));

describe('the server bundle', () => {
  it('loads the app, its schema and neo4j-driver only after main.ts has started the JVM', () => {
    const atStart = sourcesOf(staticClosure(entryChunk('server/main.ts')));
    expect(atStart).toContain('server/main.ts');
    expect(atStart).toContain('server/neo4j/local-neo4j.ts');
    for (const later of ['server/app.ts', 'server/graphql/schema.ts', 'server/db/database.ts']) {
      expect(atStart).not.toContain(later);
    }
    expect(atStart.filter((s) => s.includes('node_modules/graphql-yoga/'))).toEqual([]);
    expect(atStart.filter((s) => s.includes('node_modules/neo4j-driver'))).toEqual([]);
  });

  it('keeps GraphiQL out of the app until someone opens it', () => {
    const app = entryChunk('server/app.ts');
    const withApp = sourcesOf(staticClosure(app));
    expect(withApp.filter((s) => s.includes('render-graphiql'))).toEqual([]);
    const graphiql = chunks().find(([, o]) =>
      Object.keys(o.inputs).some((s) => s.includes('node_modules/@graphql-yoga/render-graphiql/')),
    );
    expect(graphiql).toBeDefined();
    expect(
      outputs[app]?.imports.some((i) => i.kind === 'dynamic-import' && i.path === graphiql?.[0]),
    ).toBe(true);
  });

  it('leaves only Node built-ins to be resolved when it runs', () => {
    const external = new Set(
      chunks().flatMap(([, o]) => o.imports.filter((i) => i.external).map((i) => i.path)),
    );
    expect(external.size).toBeGreaterThan(0);
    expect([...external].filter((name) => !isBuiltin(name))).toEqual([]);
  });
});
