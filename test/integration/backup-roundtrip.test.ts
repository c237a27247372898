import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import neo4j, {
  isDate,
  isDateTime,
  isDuration,
  isLocalDateTime,
  isLocalTime,
  isPoint,
  isTime,
  type Integer,
} from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { BackupFileError } from '../../server/backup/backup-format.js';
import { exportBackup } from '../../server/backup/export-backup.js';
import {
  RESTORING_LABEL,
  restoreBackup,
  TargetNotEmptyError,
} from '../../server/backup/restore-backup.js';
import type { Database } from '../../server/db/database.js';
import { fromRoot } from '../../server/paths.js';
import { seedStory } from '../../server/seed/seed.js';
import { connectTestDatabase, resetDatabase } from '../support/database.js';
import { graphqlClient } from '../support/graphql.js';
import { pole, usePole } from '../support/load-pole.js';

/**
 * A value's exact identity, written without the backup's codec so that the test does not check
 * the codec against itself: the driver type, and every component (offset and zone id of a
 * datetime, -0, NaN, integers beyond 2^53).
 */
function typed(v: unknown): string {
  if (v === null || v === undefined) return 'null';
  if (typeof v === 'string') return `s${JSON.stringify(v)}`;
  if (typeof v === 'boolean') return `b${v}`;
  if (typeof v === 'number') return `f${Object.is(v, -0) ? '-0' : String(v)}`;
  if (neo4j.isInt(v)) return `i${(v as Integer).toString()}`;
  if (Array.isArray(v)) return `[${v.map(typed).join(',')}]`;
  if (v instanceof Int8Array) return `bytes:${Buffer.from(v).toString('hex')}`;
  if (isDateTime(v)) {
    return `DateTime:${v.toString()}|${String(v.timeZoneOffsetSeconds)}|${String(v.timeZoneId)}`;
  }
  if (isDate(v) || isTime(v) || isLocalTime(v) || isLocalDateTime(v)) {
    return `${(v as object).constructor.name}:${String(v)}`;
  }
  if (isDuration(v)) return `Duration:${v.months}:${v.days}:${v.seconds}:${v.nanoseconds}`;
  if (isPoint(v)) return `Point:${v.srid}:${typed(v.x)}:${typed(v.y)}:${typed(v.z)}`;
  throw new Error(`unexpected value ${String(v)}`);
}

const props = (p: Record<string, unknown>): string =>
  Object.keys(p)
    .sort()
    .map((k) => `${k}=${typed(p[k])}`)
    .join(';');

interface Digest {
  labels: Record<string, number>;
  types: Record<string, number>;
  schema: string[];
  nodes: number;
  relationships: number;
  /** sha256 over every node (labels, every property with its type) and every relationship. */
  hash: string;
  /** The history and citations, spelled out, so a difference there reads plainly. */
  bookkeeping: string[];
}

/** Everything that makes two graphs the same graph, independent of element ids. */
async function digest(db: Database): Promise<Digest> {
  return db.readTransaction(
    async (tx) => {
      const nodeKey = new Map<string, string>();
      const nodes: string[] = [];
      for (const r of await tx.runRecords(
        'MATCH (n) RETURN elementId(n) AS id, labels(n) AS labels, properties(n) AS p',
      )) {
        const key = `${(r.get('labels') as string[]).sort().join(':')}{${props(r.get('p') as Record<string, unknown>)}}`;
        nodeKey.set(r.get('id') as string, createHash('sha256').update(key).digest('hex'));
        nodes.push(key);
      }
      const rels: string[] = [];
      for (const r of await tx.runRecords(
        'MATCH (a)-[r]->(b) RETURN elementId(a) AS a, type(r) AS t, properties(r) AS p, elementId(b) AS b',
      )) {
        rels.push(
          `${nodeKey.get(r.get('a') as string)}-[${r.get('t') as string}{${props(r.get('p') as Record<string, unknown>)}}]->${nodeKey.get(r.get('b') as string)}`,
        );
      }
      const hash = createHash('sha256');
      for (const line of [...nodes.sort(), '--', ...rels.sort()]) hash.update(`${line}\n`);
      const count = async (cypher: string): Promise<Record<string, number>> =>
        Object.fromEntries(
          (await tx.run(cypher)).map((row) => [String(row['k']), Number(row['n'])]),
        );
      const schema = (
        await tx.run(
          "SHOW INDEXES YIELD name, type, entityType, labelsOrTypes, properties, owningConstraint WHERE type <> 'LOOKUP' RETURN name, type, entityType, labelsOrTypes, properties, owningConstraint IS NOT NULL AS owned ORDER BY name",
        )
      ).map((row) => JSON.stringify(row));
      const bookkeeping = [...nodes, ...rels]
        .filter((n) => /^Dossier|quotes=|dossierQuote/.test(n))
        .sort();
      return {
        labels: await count('MATCH (n) UNWIND labels(n) AS k RETURN k, count(*) AS n ORDER BY k'),
        types: await count('MATCH ()-[r]->() RETURN type(r) AS k, count(*) AS n ORDER BY k'),
        schema,
        nodes: nodes.length,
        relationships: rels.length,
        hash: hash.digest('hex'),
        bookkeeping,
      };
    },
    { timeoutMs: 300_000 },
  );
}

/** Every property type Neo4j stores, at its edges, on a node and on a relationship. */
async function addEveryType(db: Database): Promise<void> {
  await db.write(
    `CREATE (z:TypeZoo {name: 'every type'})
     SET z += $p,
         z.date = date('-0044-03-15'), z.dates = [date('2022-12-22'), date('1970-01-01')],
         z.time = time('23:59:59.999999999+14:00'), z.times = [time('00:00:00Z')],
         z.localTime = localtime('12:34:56.000000001'), z.localTimes = [localtime('01:02')],
         z.zoned = datetime('2022-10-30T02:30:00.123456789[Europe/Paris]'),
         z.zonedLater = datetime('2022-10-30T02:30:00+01:00[Europe/Paris]'),
         z.offset = datetime('2022-12-22T10:00:00.5-05:30'),
         z.datetimes = [datetime('2000-01-01T00:00Z'), datetime('1999-12-31T23:59:59-08:00')],
         z.localDateTime = localdatetime('+999999999-12-31T23:59:59.999999999'),
         z.localDateTimes = [localdatetime('2022-01-01T00:00')],
         z.duration = duration('P1Y2M3DT4H5M6.000000007S'),
         z.negDuration = duration('-PT0.000000001S'),
         z.durations = [duration('P14DT16H12M'), duration('PT0S')],
         z.cartesian = point({x: 1.5, y: -2.25}), z.cartesian3d = point({x: 1, y: 2, z: 3}),
         z.wgs = point({longitude: 12.4964, latitude: 41.9028}),
         z.wgs3d = point({longitude: -0.1276, latitude: 51.5072, height: 35.0}),
         z.points = [point({x: 0, y: 0}), point({x: 1e308, y: -1e-308})],
         z.bools = [true, false]
     CREATE (z)-[:SAME_AS_ITSELF {note: 'relationship properties too'}]->(z)
     WITH z MATCH (z)-[r:SAME_AS_ITSELF]->() SET r += $p, r.when = z.zoned`,
    {
      p: {
        big: neo4j.int('9007199254740993'),
        min: neo4j.int('-9223372036854775808'),
        max: neo4j.int('9223372036854775807'),
        ints: [neo4j.int(1), neo4j.int('-9007199254740995')],
        tenth: 0.1,
        nan: Number.NaN,
        inf: Infinity,
        ninf: -Infinity,
        negZero: -0,
        tiny: 5e-324,
        floats: [1.5, -0, Number.NaN],
        text: 'quotes " and \\ and ’ and 🙂 and \u0000 and line\nbreaks',
        empty: '',
        texts: ['a', '', 'ç'],
        bytes: new Int8Array([0, -1, 127, -128]),
      },
    },
  );
}

const EDIT_SOURCE =
  'Officer Jane Doe confirmed that the van belonged to Newly Identified. Newly Identified knows the first person on file. He also uses the alias N.I.';

/**
 * A set of user edits through Dossier's own mutations: a source, an entity, a relationship to a
 * POLE person, a property edit, a claim, a retraction, one of them under an idempotency key. They
 * leave the bookkeeping the backup must carry: citations with offsets, history entries, versions,
 * an idempotency key, a retracted flag.
 */
async function addUserEdits(db: Database): Promise<void> {
  const gql = graphqlClient(db);
  const source = (
    await gql.data<{ addSource: { source: { id: string } } }>(
      'mutation ($t: String!) { addSource(input: {text: $t, title: "Police notes", published: "summer 2022"}) { source { id } } }',
      { t: EDIT_SOURCE },
    )
  ).addSource.source.id;
  const cite = (quote: string) => [{ source, quote }];
  const entity = (
    await gql.data<{ addEntity: { element: { elementId: string; version: number } } }>(
      `mutation ($c: [CitationInput!]!) { addEntity(input: {label: "Person", name: "Newly Identified",
         properties: {age: 41, tags: ["suspect", "driver"]}, citations: $c}, idempotencyKey: "backup-key-1")
         { element { elementId version } } }`,
      { c: cite('the van belonged to Newly Identified') },
    )
  ).addEntity.element;
  const [first] = await db.read(
    'MATCH (p:Person) WHERE p.importId IS NOT NULL RETURN elementId(p) AS id ORDER BY p.importId LIMIT 1',
  );
  const rel = (
    await gql.data<{ addRelationship: { element: { elementId: string } } }>(
      `mutation ($from: ID!, $to: ID!, $c: [CitationInput!]!) { addRelationship(input: {from: $from,
         type: "KNOWS", to: $to, citations: $c}) { element { elementId } } }`,
      {
        from: entity.elementId,
        to: first?.['id'],
        c: cite('Newly Identified knows the first person'),
      },
    )
  ).addRelationship.element;
  await gql.data(
    `mutation ($e: ID!, $v: Int!, $c: [CitationInput!]!) { setProperty(input: {element: $e, key: "alias",
       value: "N.I.", baseVersion: $v, citations: $c}) { outcome } }`,
    { e: entity.elementId, v: entity.version, c: cite('He also uses the alias N.I.') },
  );
  await gql.data(
    `mutation ($about: [ID!], $c: [CitationInput!]!) { addClaim(input: {name: "claim-van",
       statement: "The van belonged to Newly Identified.", about: $about, citations: $c}) { outcome } }`,
    { about: [entity.elementId], c: cite('Officer Jane Doe confirmed') },
  );
  await gql.data(
    'mutation ($id: ID!) { retract(id: $id, reason: "Only one source says so.") { __typename } }',
    { id: rel.elementId },
  );
}

const gz = (lines: string[]): Buffer => gzipSync(`${lines.join('\n')}\n`);

describe.skipIf(!pole.present)(
  'backup: npm run export → npm run restore',
  { timeout: 900_000 },
  () => {
    let db: Database;
    let dir: string;
    let file: string;
    let before: Digest;
    let story: Digest;
    let storyFile: string;

    beforeAll(async () => {
      db = connectTestDatabase();
      dir = mkdtempSync(join(tmpdir(), 'dossier-backup-'));
      file = join(dir, 'investigation.dossier.gz');
      // POLE as the files before left it (the sequencer runs this file after them), then the story.
      await usePole(db);
      await seedStory(db);
      await addUserEdits(db);
      await addEveryType(db);
      before = await digest(db);
    });
    afterAll(async () => {
      await resetDatabase(db);
      await db.close();
      rmSync(dir, { recursive: true, force: true });
    });

    it('story + POLE + user edits + every property type: export, wipe, restore → the identical graph and schema', async () => {
      const progress: number[] = [];
      const exported = await exportBackup(db, file, {
        onProgress: (p) => progress.push(p.nodes + p.relationships),
      });
      expect(exported.nodes).toBe(before.nodes);
      expect(exported.relationships).toBe(before.relationships);
      expect(progress.length).toBeGreaterThan(5);
      // The user edits' bookkeeping is in the file: one history entry per change at least, and
      // the idempotency key.
      expect(before.labels['DossierChange']).toBeGreaterThanOrEqual(6);
      expect(before.labels['DossierIdempotencyKey']).toBe(1);
      expect(before.labels['TypeZoo']).toBe(1);

      await resetDatabase(db);
      expect((await digest(db)).nodes).toBe(0);
      const restored = await restoreBackup(db, file);
      expect(restored.nodes).toBe(before.nodes);

      const after = await digest(db);
      expect(after.labels).toEqual(before.labels);
      expect(after.types).toEqual(before.types);
      expect(after.schema).toEqual(before.schema);
      expect(after.bookkeeping).toEqual(before.bookkeeping);
      expect(after.hash).toBe(before.hash);
      expect(after.labels[RESTORING_LABEL]).toBeUndefined();
      // The digest sees a small loss: 2^53 + 1 written back as the 2^53 a JS number would give.
      await db.write('MATCH (z:TypeZoo) SET z.big = 9007199254740992');
      expect((await digest(db)).hash).not.toBe(before.hash);
      console.log(
        `backup: ${before.nodes} nodes, ${before.relationships} relationships, ${before.schema.length} indexes; export ${(exported.elapsedMs / 1000).toFixed(1)} s (${Math.round(exported.bytes / 1024)} KiB), restore ${(restored.elapsedMs / 1000).toFixed(1)} s`,
      );
    });

    it('a corrupt or cut-off file is refused with its file and line, and nothing is written', async () => {
      const lines = gunzipSync(readFileSync(file)).toString('utf8').trimEnd().split('\n');
      await resetDatabase(db);
      const cases: [string, Buffer, RegExp][] = [
        ['bad JSON', gz([...lines.slice(0, 4), '{"n": oops', ...lines.slice(5)]), /:5: not JSON/],
        [
          'a bad value',
          gz([
            ...lines.slice(0, 6),
            '{"n":"x","l":["A"],"p":{"k":["i","12x"]}}',
            ...lines.slice(7),
          ]),
          /:7: property "k": "12x" is not a 64-bit integer/,
        ],
        ['no footer', gz(lines.slice(0, -1)), /ends without its footer/],
        ['cut-off gzip', readFileSync(file).subarray(0, 20_000), /damaged or cut off/],
      ];
      for (const [name, bytes, message] of cases) {
        const bad = join(dir, `${name}.gz`);
        writeFileSync(bad, bytes);
        const err = await restoreBackup(db, bad).catch((e: unknown) => e);
        expect(err, name).toBeInstanceOf(BackupFileError);
        expect((err as Error).message, name).toMatch(message);
        expect((err as Error).message.startsWith(bad), name).toBe(true);
        const [row] = await db.read('MATCH (n) RETURN count(n) AS n');
        expect(row?.['n'], name).toBe(0);
        const [schema] = await db.read(
          "SHOW INDEXES YIELD type WHERE type <> 'LOOKUP' RETURN count(*) AS n",
        );
        expect(schema?.['n'], name).toBe(0);
      }
    });

    it('the CLIs: npm run export and npm run restore against NEO4J_URI, with progress on stderr', async () => {
      const n = inject('neo4j');
      const env = {
        NEO4J_URI: n.uri,
        NEO4J_USER: n.user,
        NEO4J_PASSWORD: n.password,
        NEO4J_DATABASE: n.database,
      };
      await resetDatabase(db);
      await seedStory(db);
      story = await digest(db);
      const cliFile = join(dir, 'story.dossier.gz');
      storyFile = cliFile;
      const exported = await cli('export-cli.ts', [cliFile], env);
      expect(exported.code, exported.stderr).toBe(0);
      expect(exported.stderr).toMatch(/export: \d+\/\d+ nodes/);
      const refused = await cli('restore-cli.ts', [cliFile], env);
      expect(refused.code).toBe(1);
      expect(refused.stderr).toMatch(/not empty.*--replace/);
      await resetDatabase(db);
      const restored = await cli('restore-cli.ts', [cliFile], env);
      expect(restored.code, restored.stderr).toBe(0);
      expect(restored.stdout).toMatch(/Restored \d+ nodes/);
      expect((await digest(db)).hash).toBe(story.hash);
    });

    // On the story's backup from the CLI test: what is checked is the refusal and that --replace
    // deletes what was there first; a second restore of all of POLE would prove nothing more.
    it('refuses a database that is not empty, changing nothing, and --replace restores over it', async () => {
      await db.write("CREATE (:Extra {name: 'not in the backup'})");
      await expect(restoreBackup(db, storyFile)).rejects.toBeInstanceOf(TargetNotEmptyError);
      const [row] = await db.read('MATCH (n:Extra) RETURN count(n) AS n');
      expect(row?.['n']).toBe(1);
      await restoreBackup(db, storyFile, { replace: true });
      expect((await digest(db)).hash).toBe(story.hash);
    });
  },
);

function cli(
  script: string,
  args: string[],
  env: Record<string, string>,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', fromRoot('server', 'cli', script), ...args],
      { cwd: fromRoot(), env: { ...process.env, LOG_LEVEL: undefined, ...env } },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}
