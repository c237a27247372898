import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../server/config.js';
import { ensureNeo4jInstalled, unsignedClasspath } from '../../server/neo4j/fetch-jars.js';

/** The entries of a jar, as the JDK's jar tool lists them. */
const entries = (jar: string): string[] =>
  execFileSync('jar', ['tf', jar], { encoding: 'utf8' }).trim().split('\n').sort();

/** jarsigner's verdict on a jar: "jar verified." or "jar is unsigned." among its lines. */
const verdict = (jar: string): string =>
  spawnSync('jarsigner', ['-verify', jar], { encoding: 'utf8' }).stdout;

// Class-data sharing cannot archive a signed jar's classes; Neo4j's eclipse-collections jars are
// signed, so the local Neo4j runs on unsigned copies (server/neo4j/src/UnsignedJars.java).
describe('the local Neo4j runs on unsigned copies of signed jars', { timeout: 120_000 }, () => {
  let dir: string;
  let signed: string;
  let plain: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'dossier-unsigned-'));
    const content = join(dir, 'content');
    mkdirSync(join(content, 'pkg'), { recursive: true });
    writeFileSync(join(content, 'pkg', 'a.txt'), 'the same bytes\n');
    writeFileSync(join(content, 'pkg', 'b.bin'), Buffer.from([0, 1, 2, 255]));
    signed = join(dir, 'signed.jar');
    plain = join(dir, 'plain.jar');
    execFileSync('jar', ['cf', signed, '-C', content, '.']);
    execFileSync('jar', ['cf', plain, '-C', content, '.']);
    const keystore = join(dir, 'keys.p12');
    execFileSync('keytool', [
      '-genkeypair',
      '-keystore',
      keystore,
      '-storepass',
      'changeit',
      '-alias',
      'test',
      '-keyalg',
      'RSA',
      '-keysize',
      '2048',
      '-dname',
      'CN=Dossier test',
      '-validity',
      '2',
    ]);
    execFileSync('jarsigner', ['-keystore', keystore, '-storepass', 'changeit', signed, 'test']);
    expect(verdict(signed)).toContain('jar verified.');
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('replaces a signed jar by a copy without the signature, and leaves an unsigned one as it is', () => {
    const out = join(dir, 'cache');
    mkdirSync(out);
    const classpath = unsignedClasspath(out, `${signed}:${plain}`).split(':');
    expect(classpath).toHaveLength(2);
    const [copy, second] = classpath as [string, string];
    expect(second).toBe(plain);
    expect(copy.startsWith(join(out, 'unsigned'))).toBe(true);
    expect(verdict(copy)).toContain('jar is unsigned.');

    const signatureFiles = entries(signed).filter((e) => /^META-INF\/[^/]+\.(SF|RSA)$/.test(e));
    expect(signatureFiles).toHaveLength(2);
    expect(entries(copy)).toEqual(entries(signed).filter((e) => !signatureFiles.includes(e)));
    const unpacked = join(dir, 'unpacked');
    mkdirSync(unpacked);
    execFileSync('jar', ['xf', copy], { cwd: unpacked });
    expect(readFileSync(join(unpacked, 'pkg', 'a.txt'), 'utf8')).toBe('the same bytes\n');
    expect([...readFileSync(join(unpacked, 'pkg', 'b.bin'))]).toEqual([0, 1, 2, 255]);

    // Remembered: the next start reads the class path instead of starting a JVM to make it.
    const remembered = join(out, 'classpath-unsigned.txt');
    const written = statSync(remembered).mtimeMs;
    expect(unsignedClasspath(out, `${signed}:${plain}`)).toBe(classpath.join(':'));
    expect(statSync(remembered).mtimeMs).toBe(written);
    // A different class path (another Neo4j version's) is not answered from it.
    expect(unsignedClasspath(out, plain)).toBe(plain);
  });

  it('the installed class path holds no signed jar where eclipse-collections was signed', async () => {
    const install = await ensureNeo4jInstalled(loadConfig({}).localNeo4j.cacheDir, () => undefined);
    const collections = install.classpath
      .split(':')
      .filter((j) => /eclipse-collections(-api)?-[\d.]+\.jar$/.test(j));
    expect(collections).toHaveLength(2);
    for (const jar of collections) {
      expect(jar).toContain(`${join(install.dir, 'unsigned')}/`);
      expect(verdict(jar)).toContain('jar is unsigned.');
    }
  });
});
