import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  beginBuild,
  buildIsCurrent,
  endBuild,
  ensureBuild,
  inputsHash,
} from '../../scripts/fresh-build.mjs';

let root: string;

function write(path: string, text: string): void {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(join(root, path), text);
}

/** The outputs a usable dist/ must hold: tsc's server, the server's bundle and the client. */
function writeOutputs(): void {
  write('dist/server/main.js', '// built');
  write('dist/server-bundle/main.js', '// bundled');
  write('dist/client/index.html', '<!doctype html>');
}

/** What a build leaves: the outputs, then the stamp. */
function build(): void {
  beginBuild(root);
  writeOutputs();
  endBuild(root);
}

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'dossier-fresh-build-'));
  write('package.json', '{}');
  write('package-lock.json', '{}');
  write('tsconfig.json', '{}');
  write('server/main.ts', 'export {};');
  write('server/graphql/schema/a.graphql', 'type Query { a: Int }');
  write('server/graphql/generated/resolvers.ts', '// generated');
  write('client/src/main.ts', 'export {};');
  write('client/src/generated/graphql.ts', '// generated');
  write('scripts/codegen.ts', 'export {};');
});

afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('fresh-build: does dist/ hold a build of the current sources?', () => {
  it('is not current before the first build, and is after one', () => {
    expect(buildIsCurrent(root)).toBe(false);
    build();
    expect(buildIsCurrent(root)).toBe(true);
  });

  it('an edit, a new file or a removed file in the inputs makes it stale; undoing the edit does not', () => {
    build();
    write('server/main.ts', 'export const x = 1;');
    expect(buildIsCurrent(root)).toBe(false);
    write('server/main.ts', 'export {};');
    expect(buildIsCurrent(root)).toBe(true);

    write('client/src/new-panel.ts', 'export {};');
    expect(buildIsCurrent(root)).toBe(false);
    rmSync(join(root, 'client/src/new-panel.ts'));
    expect(buildIsCurrent(root)).toBe(true);

    write('package-lock.json', '{"lockfileVersion": 3}');
    expect(buildIsCurrent(root)).toBe(false);
  });

  it('a renamed file changes the hash although no content changed', () => {
    const before = inputsHash(root);
    rmSync(join(root, 'server/main.ts'));
    write('server/start.ts', 'export {};');
    expect(inputsHash(root)).not.toBe(before);
  });

  it('touching a file, or codegen rewriting its own output, does not make it stale', () => {
    build();
    const later = new Date(Date.now() + 60_000);
    utimesSync(join(root, 'server/main.ts'), later, later);
    write('server/graphql/generated/resolvers.ts', '// generated again, differently');
    write('client/src/generated/graphql.ts', '// generated again, differently');
    expect(buildIsCurrent(root)).toBe(true);
  });

  it('the SDL is an input even though the generated types are not', () => {
    build();
    write('server/graphql/schema/a.graphql', 'type Query { a: Int b: Int }');
    expect(buildIsCurrent(root)).toBe(false);
  });

  it('a build that began and did not end leaves it stale, even over an earlier good build', () => {
    build();
    beginBuild(root);
    expect(buildIsCurrent(root)).toBe(false);
  });

  it('an edit made while a build runs is not taken for built', () => {
    beginBuild(root);
    write('server/main.ts', 'export const editedDuringTheBuild = true;');
    writeOutputs();
    endBuild(root);
    expect(buildIsCurrent(root)).toBe(false);
  });

  it('a dist/ missing an output is stale whatever the stamp says', () => {
    build();
    rmSync(join(root, 'dist/client/index.html'));
    expect(buildIsCurrent(root)).toBe(false);
  });

  it('end without begin is an error, not a stamp', () => {
    expect(() => endBuild(root)).toThrow(/no build was begun/);
    expect(buildIsCurrent(root)).toBe(false);
  });

  it('ensureBuild builds only when stale', () => {
    const runs: string[] = [];
    const options = { build: () => (runs.push('build'), build()), log: () => undefined };
    expect(ensureBuild(root, options)).toBe(true);
    expect(ensureBuild(root, options)).toBe(false);
    write('client/src/main.ts', 'export const y = 2;');
    expect(ensureBuild(root, options)).toBe(true);
    expect(runs).toEqual(['build', 'build']);
  });
});
