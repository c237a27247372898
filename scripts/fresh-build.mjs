// @ts-check
// Whether dist/ was built from the sources as they are now, so `npm start` and `npm test` build
// only when something changed: the build (codegen, tsc, vite) is about 8 s on a small machine,
// twice the server's own warm start. Plain Node: start.mjs runs it before anything is compiled.
//
// `npm run build` runs `begin` first and `end` last: begin removes the stamp and hashes the inputs
// into a pending file, end makes it the stamp. A build that fails half-way leaves no stamp, and
// the hash is taken before the build reads the sources, so an edit made during a build is not
// taken for built.
import { execSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** What the build reads: its sources, the generator, the lockfile and the compiler settings. */
const INPUT_DIRS = ['server', 'client', 'scripts'];
const INPUT_FILES = ['package.json', 'package-lock.json', 'tsconfig.json', 'tsconfig.build.json'];
/** Written by the build's codegen step from the SDL and the client's operations, both inputs. */
const GENERATED = [join('server', 'graphql', 'generated'), join('client', 'src', 'generated')];
/** The server as `npm start` runs it, relative to the checkout: scripts/bundle-server.mjs's entry. */
export const SERVER_MAIN = join('dist', 'server-bundle', 'main.js');
/** What a usable build must hold. */
const OUTPUTS = [
  join('dist', 'server', 'main.js'),
  SERVER_MAIN,
  join('dist', 'client', 'index.html'),
];

const stampFile = (/** @type {string} */ root) => join(root, 'dist', '.build-stamp');
const pendingFile = (/** @type {string} */ root) => join(root, 'dist', '.build-stamp.pending');

/** @param {string} root @param {string} dir @param {string[]} out */
function walk(root, dir, out) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    const rel = relative(root, path);
    if (entry.isDirectory()) {
      if (entry.name === 'node_modules' || GENERATED.includes(rel)) continue;
      walk(root, path, out);
    } else if (entry.isFile()) {
      out.push(rel);
    }
  }
}

/**
 * A SHA-256 over the path and content of every input file, in a fixed order: a file added,
 * removed, renamed or edited changes it; touching one without changing it does not.
 * @param {string} root
 * @returns {string}
 */
export function inputsHash(root) {
  /** @type {string[]} */
  const files = [];
  for (const dir of INPUT_DIRS) if (existsSync(join(root, dir))) walk(root, join(root, dir), files);
  for (const file of INPUT_FILES) if (existsSync(join(root, file))) files.push(file);
  files.sort();
  const hash = createHash('sha256');
  for (const file of files) {
    hash.update(file.split(sep).join('/'));
    hash.update('\0');
    hash.update(readFileSync(join(root, file)));
    hash.update('\0');
  }
  return hash.digest('hex');
}

/**
 * True when dist/ holds a complete build of the current inputs.
 * @param {string} root
 * @returns {boolean}
 */
export function buildIsCurrent(root) {
  if (!OUTPUTS.every((f) => existsSync(join(root, f)))) return false;
  if (!existsSync(stampFile(root))) return false;
  return readFileSync(stampFile(root), 'utf8').trim() === inputsHash(root);
}

/**
 * Runs `build` unless dist/ is current; says which.
 * @param {string} root
 * @param {{ build?: () => void, log?: (message: string) => void }} [options]
 * @returns {boolean} whether it built
 */
export function ensureBuild(root, options = {}) {
  const log = options.log ?? ((m) => console.log(m));
  if (buildIsCurrent(root)) {
    log('The build is up to date with the sources (dist/.build-stamp).');
    return false;
  }
  log('Building Dossier …');
  (options.build ?? (() => execSync('npm run build --silent', { cwd: root, stdio: 'inherit' })))();
  return true;
}

/** @param {string} root */
export function beginBuild(root) {
  // dist/ does not exist yet on a fresh clone.
  mkdirSync(join(root, 'dist'), { recursive: true });
  rmSync(stampFile(root), { force: true });
  const hash = inputsHash(root);
  writeFileSync(pendingFile(root), `${hash}\n`);
}

/** @param {string} root */
export function endBuild(root) {
  if (!existsSync(pendingFile(root))) throw new Error('fresh-build end: no build was begun');
  renameSync(pendingFile(root), stampFile(root));
}

if (process.argv[1] !== undefined && pathToFileURL(process.argv[1]).href === import.meta.url) {
  const root = join(dirname(fileURLToPath(import.meta.url)), '..');
  const command = process.argv[2];
  if (command === 'begin') {
    beginBuild(root);
  } else if (command === 'end') {
    endBuild(root);
  } else if (command === 'ensure') {
    ensureBuild(root);
  } else {
    console.error('usage: node scripts/fresh-build.mjs begin|end|ensure');
    process.exit(2);
  }
}
