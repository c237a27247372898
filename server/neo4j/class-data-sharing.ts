import { createHash } from 'node:crypto';
import {
  existsSync,
  readdirSync,
  readFileSync,
  realpathSync,
  renameSync,
  rmSync,
  statSync,
  utimesSync,
} from 'node:fs';
import { delimiter, dirname, join } from 'node:path';

/**
 * Class-data sharing (AppCDS) for the local Neo4j's JVM. Starting Neo4j loads and verifies some
 * 20,000 classes from 200 jars, and a cold JVM's first Cypher statement loads thousands more; on a
 * 2-core machine that is about 40 % of the CPU a start costs. A JVM started with
 * -XX:ArchiveClassesAtExit writes the classes it loaded into an archive as it exits; later JVMs
 * map that archive (-XX:SharedArchiveFile) instead of parsing and verifying the classes again.
 *
 * The first start without an archive writes one when it stops (seconds more to stop, once); every
 * later start, the app's and a bare one alike, uses it. The archive is only valid for the same
 * JVM build, class path and heap flags, so its name carries a hash of them. A JVM that is killed
 * while writing leaves a truncated file, which would crash the next JVM that maps it (SIGBUS), so
 * it writes to a temporary name and the archive is only renamed into place once the JVM's own log
 * says it was written in full.
 */
export interface ClassDataSharing {
  /** JVM flags for this start: use the archive, or write one at exit. */
  readonly flags: readonly string[];
  /** True when this JVM writes an archive as it exits (it takes longer to stop). */
  readonly writesArchive: boolean;
  /** Each line of the JVM's output: notices when the JVM refuses the archive. */
  onOutput(line: string): void;
  /** After the JVM has exited and its output is closed: keep a complete archive, drop the rest. */
  settle(): void;
}

const NONE: ClassDataSharing = {
  flags: [],
  writesArchive: false,
  onOutput: () => undefined,
  settle: () => undefined,
};

/** The java on PATH, resolved through symlinks (e.g. /etc/alternatives). */
function javaBinary(): string | undefined {
  for (const dir of (process.env['PATH'] ?? '').split(delimiter)) {
    const candidate = join(dir, 'java');
    if (existsSync(candidate)) {
      try {
        return realpathSync(candidate);
      } catch {
        return undefined;
      }
    }
  }
  return undefined;
}

/** Identifies the JVM build: the archive refers to classes in its base archive (libjvm's own). */
function jvmIdentity(): string | undefined {
  const java = javaBinary();
  if (java === undefined) return undefined;
  const libjvm = join(dirname(java), '..', 'lib', 'server', 'libjvm.so');
  const file = existsSync(libjvm) ? libjvm : java;
  const stat = statSync(file);
  return `${file}:${stat.size}:${stat.mtimeMs}`;
}

const WEEK_MS = 7 * 24 * 3_600_000;

/** "Written dynamic archive 0x… - 0x… [984 bytes header, 1693152 bytes total]" */
const WRITTEN = /Written dynamic archive .*\[\d+ bytes header, (\d+) bytes total\]/;

/**
 * Where the archive for this JVM build, class path and flags is (whether or not it exists yet);
 * undefined when class-data sharing does not apply (a directory on the class path, no java).
 */
export function archivePath(
  dir: string,
  classpath: string,
  jvmArgs: readonly string[],
): string | undefined {
  if (classpath.split(':').some((entry) => !entry.endsWith('.jar'))) return undefined;
  const jvm = jvmIdentity();
  if (jvm === undefined) return undefined;
  const key = createHash('sha256')
    .update(JSON.stringify([jvm, classpath, jvmArgs]))
    .digest('hex')
    .slice(0, 16);
  return join(dir, `dossier-cds-${key}.jsa`);
}

/**
 * The flags and bookkeeping for one JVM start. `dir` holds the archives (beside the jars);
 * `jvmArgs` are the flags that must match between the run that wrote an archive and one that maps
 * it (heap, GC). Without CDS support (a directory on the class path: CDS only archives classes
 * from jars), it does nothing.
 */
export function classDataSharing(
  dir: string,
  classpath: string,
  jvmArgs: readonly string[],
): ClassDataSharing {
  const archive = archivePath(dir, classpath, jvmArgs);
  if (archive === undefined) return NONE;
  if (existsSync(archive)) {
    // Marks it in use: the clean-up below spares archives used within the last week.
    try {
      const now = new Date();
      utimesSync(archive, now, now);
    } catch {
      // Read-only cache: it is then never cleaned up either.
    }
    let refused = false;
    return {
      flags: [`-XX:SharedArchiveFile=${archive}`],
      writesArchive: false,
      onOutput(line) {
        // E.g. "[warning][cds,dynamic] Unable to use shared archive. …": the JVM runs on without
        // it; drop it so that the next start writes a fresh one.
        if (line.includes('[cds') && line.includes('Unable to use shared archive')) refused = true;
      },
      settle() {
        if (refused) rmSync(archive, { force: true });
      },
    };
  }
  const temporary = `${archive}.${process.pid}.${Date.now()}.tmp`;
  const log = `${temporary}.log`;
  return {
    flags: [
      `-XX:ArchiveClassesAtExit=${temporary}`,
      // The dump warns about every class it skips (thousands of lines); its summary goes to a
      // file, which says whether the archive was written in full.
      '-Xlog:cds=off',
      '-Xlog:cds+dynamic=off',
      `-Xlog:cds+dynamic=info:file=${log}`,
    ],
    writesArchive: true,
    onOutput: () => undefined,
    settle() {
      try {
        const written = WRITTEN.exec(existsSync(log) ? readFileSync(log, 'utf8') : '');
        if (written?.[1] && existsSync(temporary) && statSync(temporary).size >= Number(written[1]))
          renameSync(temporary, archive);
      } finally {
        rmSync(temporary, { force: true });
        rmSync(log, { force: true });
        // Archives for another JVM build or class path are no use once nothing starts with them
        // any more: not used for a week. Not at once: another checkout sharing this cache (a
        // symlinked .cache, so another class path) uses its own, and deleting each other's made
        // every start of both write one again. Nor are the leftovers of a dump whose Node process
        // was killed (an hour is far longer than any dump takes).
        const now = Date.now();
        for (const name of readdirSync(dir)) {
          const path = join(dir, name);
          // Gone meanwhile (another start cleaning up): age 0, nothing to do.
          const age = (): number =>
            now - (statSync(path, { throwIfNoEntry: false })?.mtimeMs ?? now);
          if (
            (/^dossier-cds-[0-9a-f]+\.jsa$/.test(name) && path !== archive && age() > WEEK_MS) ||
            (/^dossier-cds-.*\.tmp/.test(name) && age() > 3_600_000)
          )
            rmSync(path, { force: true });
        }
      }
    },
  };
}
