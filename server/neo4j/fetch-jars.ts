import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fromRoot } from '../paths.js';
import type { Progress } from '../terminal-progress.js';

export type { Progress };

/** What the local Neo4j needs on disk: a classpath file and the compiled launcher. */
export interface Neo4jInstall {
  readonly dir: string;
  readonly version: string;
  readonly classpath: string;
}

export class MissingToolError extends Error {
  override name = 'MissingToolError';
}

const pomPath = fromRoot('server', 'neo4j', 'pom.xml');
const launcherSource = fromRoot('server', 'neo4j', 'src', 'DossierNeo4j.java');
const unsignedJarsSource = fromRoot('server', 'neo4j', 'src', 'UnsignedJars.java');

/** The Neo4j version pinned in pom.xml. */
export function pinnedVersion(): string {
  const match = /<neo4j\.version>([^<]+)<\/neo4j\.version>/.exec(readFileSync(pomPath, 'utf8'));
  if (!match?.[1]) throw new Error(`No <neo4j.version> in ${pomPath}`);
  return match[1];
}

function has(tool: string, versionArg: string): boolean {
  const r = spawnSync(tool, [versionArg], { stdio: 'ignore' });
  return r.error === undefined && r.status === 0;
}

/**
 * Fails with one line naming what to install when a tool is missing: java always; javac and mvn
 * only while Neo4j still has to be fetched.
 */
export function requireTools(forInstall: boolean): void {
  const missing: string[] = [];
  if (!has('java', '-version')) missing.push('java');
  if (forInstall && !has('javac', '-version')) missing.push('javac');
  if (forInstall && !has('mvn', '-v')) missing.push('mvn');
  if (missing.length > 0) throw missingTools(missing);
}

/** The one line that names what to install. */
export function missingTools(missing: readonly string[]): MissingToolError {
  return new MissingToolError(
    `${missing.join(', ')} not found on PATH: the local Neo4j needs a JDK 17 and Maven ` +
      `(Debian/Ubuntu: apt-get install openjdk-17-jdk-headless maven), or set NEO4J_URI to use another Neo4j.`,
  );
}

// Maven's size of everything org.neo4j:neo4j 5.26 pulls in, for a rough percentage and the bar.
const EXPECTED_BYTES = 138 * 1000 * 1000;
const TASK = "Neo4j's jars";

function parseSize(amount: string, unit: string): number {
  const n = Number(amount);
  switch (unit) {
    case 'B':
      return n;
    case 'kB':
      return n * 1000;
    case 'MB':
      return n * 1000 * 1000;
    default:
      return 0;
  }
}

/**
 * Makes sure Neo4j's jars are in the cache and the launcher is compiled; downloads (with progress)
 * only on the first run. The marker file is written last, so an interrupted fetch is redone.
 */
export async function ensureNeo4jInstalled(
  cacheDir: string,
  progress: Progress,
): Promise<Neo4jInstall> {
  const version = pinnedVersion();
  const dir = join(cacheDir, `neo4j-${version}`);
  const marker = join(dir, 'installed');
  const classpathFile = join(dir, 'classpath.txt');
  const classesDir = join(dir, 'classes');
  // Installed: java is not checked here. \`java -version\` is a JVM start of its own (0.1-0.2 s of
  // every start on a small machine, before Neo4j's JVM could be spawned); startLocalNeo4j says the
  // same line when spawning java finds no java.
  if (existsSync(marker)) {
    return { dir, version, classpath: readClasspath(dir, classpathFile, classesDir) };
  }
  requireTools(true);
  mkdirSync(dir, { recursive: true });
  progress(`Fetching Neo4j ${version} (about 138 MB of jars from Maven Central) into ${dir} …`);
  const tmpClasspath = `${classpathFile}.tmp`;
  await runMaven(
    [
      '-B',
      '-f',
      pomPath,
      `-Dmaven.repo.local=${join(cacheDir, 'm2')}`,
      'dependency:build-classpath',
      `-Dmdep.outputFile=${tmpClasspath}`,
    ],
    progress,
  );
  renameSync(tmpClasspath, classpathFile);

  rmSync(classesDir, { recursive: true, force: true });
  rmSync(join(dir, 'dossier-launcher.jar'), { force: true });
  mkdirSync(classesDir, { recursive: true });
  const jars = readFileSync(classpathFile, 'utf8').trim();
  const javac = spawnSync('javac', ['-cp', jars, '-d', classesDir, launcherSource], {
    encoding: 'utf8',
  });
  if (javac.status !== 0) {
    throw new Error(`Compiling the Neo4j launcher failed:\n${javac.stderr}`);
  }
  writeFileSync(marker, `${new Date().toISOString()}\n`);
  progress(`Neo4j ${version} is installed.`);
  return { dir, version, classpath: readClasspath(dir, classpathFile, classesDir) };
}

/**
 * The launcher's class as a jar, made with the JDK's jar tool on first use: class-data sharing
 * (class-data-sharing.ts) only archives classes from jars and refuses a class path with a
 * non-empty directory on it. Undefined when there is no jar tool (a JRE), so no CDS.
 */
function launcherJar(dir: string, classesDir: string): string | undefined {
  const jar = join(dir, 'dossier-launcher.jar');
  if (existsSync(jar)) return jar;
  const partial = `${jar}.${process.pid}.tmp`;
  const made = spawnSync('jar', ['cf', partial, '-C', classesDir, '.'], { stdio: 'ignore' });
  if (made.error !== undefined || made.status !== 0) {
    rmSync(partial, { force: true });
    return undefined;
  }
  renameSync(partial, jar);
  return jar;
}

function readClasspath(dir: string, file: string, classesDir: string): string {
  const jars = unsignedClasspath(dir, readFileSync(file, 'utf8').trim());
  return `${launcherJar(dir, classesDir) ?? classesDir}:${jars}`;
}

/**
 * Maven's class path with its signed jars replaced by unsigned copies (src/UnsignedJars.java),
 * made on first use and remembered in classpath-unsigned.txt beside the class path it came from.
 * Class-data sharing cannot archive a signed jar's classes, and Neo4j's eclipse-collections jars
 * are signed: without them a bare start took 1.77–1.96 s here against 2.60–2.77 s. When the copies
 * cannot be made (no java yet, or a JRE without the compiler that runs a source file), the signed
 * jars are used as they are: slower, the same Neo4j.
 */
export function unsignedClasspath(dir: string, jars: string): string {
  const file = join(dir, 'classpath-unsigned.txt');
  if (existsSync(file)) {
    const [from, classpath] = readFileSync(file, 'utf8').split('\n');
    if (from === jars && classpath && classpath.split(':').every((j) => existsSync(j))) {
      return classpath;
    }
  }
  const made = spawnSync('java', [unsignedJarsSource, join(dir, 'unsigned'), jars], {
    encoding: 'utf8',
  });
  if (made.error !== undefined || made.status !== 0 || made.stdout.trim() === '') return jars;
  const classpath = made.stdout.trim();
  const partial = `${file}.${process.pid}.tmp`;
  writeFileSync(partial, `${jars}\n${classpath}\n`);
  renameSync(partial, file);
  return classpath;
}

function runMaven(args: string[], progress: Progress): Promise<void> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn('mvn', args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let files = 0;
    let bytes = 0;
    let lastReport = 0;
    const tail: string[] = [];
    let buffered = '';
    const onData = (chunk: Buffer): void => {
      buffered += chunk.toString('utf8');
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      for (const line of lines) {
        tail.push(line);
        if (tail.length > 40) tail.shift();
        const m = /Downloaded from \S+: \S+ \(([\d.]+) (B|kB|MB)/.exec(line);
        if (!m?.[1] || !m[2]) continue;
        files += 1;
        bytes += parseSize(m[1], m[2]);
        const now = Date.now();
        // Once a second: often enough for a bar, few enough lines for a JSON log.
        if (now - lastReport > 1000) {
          lastReport = now;
          const pct = Math.min(99, Math.round((bytes / EXPECTED_BYTES) * 100));
          progress(`  … ${files} files, ${(bytes / 1e6).toFixed(1)} MB (~${pct}%)`, {
            task: TASK,
            // Never complete before Maven is done: the expected size is an estimate.
            done: Math.round(bytes / 1e5) / 10,
            total: Math.max(EXPECTED_BYTES, bytes * 1.01) / 1e6,
            unit: 'MB',
          });
        }
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('error', reject);
    child.on('close', (code) => {
      if (code === 0) {
        const mb = Math.round(bytes / 1e5) / 10;
        progress(`  … ${files} files, ${mb.toFixed(1)} MB fetched`, {
          task: TASK,
          done: mb,
          total: mb,
          unit: 'MB',
        });
        resolvePromise();
      } else {
        reject(new Error(`Maven failed (exit ${code}). Last lines:\n${tail.join('\n')}`));
      }
    });
  });
}
