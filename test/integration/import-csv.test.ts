import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import neo4j from 'neo4j-driver';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../server/db/database.js';
import { importCsvDirectory } from '../../server/import/import-csv.js';
import { ImportError } from '../../server/import/import-error.js';
import { connectTestDatabase, resetDatabase } from '../support/database.js';

let db: Database;
let root: string;
let n = 0;

/** A fresh directory holding the given files. */
function fixture(files: Record<string, string>): string {
  const dir = join(root, `case-${++n}`);
  mkdirSync(dir);
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

async function count(cypher: string): Promise<number> {
  const [row] = await db.read(cypher);
  return Number(row?.['n']);
}

/** The ImportError an import throws (fails the test if it succeeds or throws something else). */
async function importFailure(dir: string, batchSize = 1000): Promise<ImportError> {
  const err = await importCsvDirectory(db, dir, { batchSize }).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ImportError);
  return err as ImportError;
}

beforeAll(() => {
  db = connectTestDatabase();
  root = mkdtempSync(join(tmpdir(), 'dossier-import-test-'));
});
afterAll(async () => {
  await db.close();
  rmSync(root, { recursive: true, force: true });
});
beforeEach(async () => {
  await resetDatabase(db);
});

describe('importCsvDirectory', () => {
  it('stores typed values, several labels, arrays and RFC 4180 quoted fields as written', async () => {
    const dir = fixture({
      'people.csv': [
        ':ID,name,age:int,height:double,active:boolean,born:date,seen:datetime,tags:string[],:LABEL',
        'p1,"Smith, Jane",42,1.68,true,1980-02-29,2020-01-02T03:04:05Z,a;b,Person;Suspect',
        'p2,"He said ""hi""\non two lines",,,,,,,Person',
      ].join('\n'),
      'knows.csv': ':START_ID,:END_ID,:TYPE,since:int\np1,p2,KNOWS,2001\n',
    });
    const summary = await importCsvDirectory(db, dir);
    expect(summary).toMatchObject({ nodes: 2, relationships: 1, nodesCreated: 2 });
    expect(summary.labels).toEqual({ Person: 2, Suspect: 1 });

    const rows = await db.session('READ').executeRead(async (tx) => {
      const r = await tx.run(
        'MATCH (n:Person) RETURN n.importId AS id, labels(n) AS labels, properties(n) AS p ORDER BY id',
      );
      return r.records.map((rec) => rec.toObject());
    });
    expect(rows[0]?.['labels']).toEqual(['Person', 'Suspect']);
    const p1 = rows[0]?.['p'] as Record<string, unknown>;
    expect(p1['name']).toBe('Smith, Jane');
    expect(neo4j.isInt(p1['age'])).toBe(true);
    expect(String(p1['age'])).toBe('42');
    expect(p1['height']).toBe(1.68);
    expect(p1['active']).toBe(true);
    expect(String(p1['born'])).toBe('1980-02-29');
    expect(neo4j.isDateTime(p1['seen'])).toBe(true);
    expect(p1['tags']).toEqual(['a', 'b']);
    // An empty field is no property at all.
    expect(rows[1]?.['p']).toEqual({ importId: 'p2', name: 'He said "hi"\non two lines' });
    expect(
      await count(
        "MATCH (:Person {importId:'p1'})-[r:KNOWS {since: 2001}]->() RETURN count(r) AS n",
      ),
    ).toBe(1);
  });

  it('keeps parallel relationships apart, and a second run adds nothing and changes nothing', async () => {
    const dir = fixture({
      'n.csv': ':ID,:LABEL\na,Account\nb,Account\n',
      'r.csv':
        ':START_ID,:END_ID,:TYPE,amount:int\na,b,PAID,10\na,b,PAID,20\na,b,PAID,10\nb,a,PAID,5\n',
    });
    // Batches of 2 put a first occurrence and its duplicate in different transactions too.
    const first = await importCsvDirectory(db, dir, { batchSize: 2 });
    expect(first.relationshipsCreated).toBe(4);
    const snapshot = async () =>
      db.read(
        'MATCH (a)-[r:PAID]->(b) RETURN a.importId AS s, b.importId AS e, r.amount AS amount, r.importSeq AS seq ORDER BY s, e, coalesce(seq, 0)',
      );
    const before = await snapshot();
    expect(before).toEqual([
      { s: 'a', e: 'b', amount: 10, seq: null },
      { s: 'a', e: 'b', amount: 20, seq: 1 },
      { s: 'a', e: 'b', amount: 10, seq: 2 },
      { s: 'b', e: 'a', amount: 5, seq: null },
    ]);
    const second = await importCsvDirectory(db, dir, { batchSize: 3 });
    expect(second).toMatchObject({ nodesCreated: 0, relationshipsCreated: 0, relationships: 4 });
    expect(await snapshot()).toEqual(before);
  });

  it('on a second run updates changed values and keeps a property whose field is now empty', async () => {
    const first = fixture({ 'n.csv': ':ID,name,age:int,:LABEL\n1,Ann,30,Person;Client\n' });
    await importCsvDirectory(db, first);
    const second = fixture({ 'n.csv': ':ID,name,age:int,:LABEL\n1,,31,Person;Client\n' });
    expect(await importCsvDirectory(db, second)).toMatchObject({ nodes: 1, nodesCreated: 0 });
    expect(await db.read('MATCH (n:Person:Client) RETURN n.name AS name, n.age AS age')).toEqual([
      { name: 'Ann', age: 31 },
    ]);
  });

  it('creates the uniqueness constraint on importId for each first label before writing', async () => {
    const dir = fixture({ 'n.csv': ':ID,:LABEL\n1,Company;Client\n2,Person\n' });
    await importCsvDirectory(db, dir);
    const constraints = await db.read(
      "SHOW CONSTRAINTS YIELD name, type, labelsOrTypes, properties WHERE type = 'UNIQUENESS' RETURN name, labelsOrTypes, properties ORDER BY name",
    );
    expect(constraints).toEqual([
      { name: 'import_id_Company', labelsOrTypes: ['Company'], properties: ['importId'] },
      { name: 'import_id_Person', labelsOrTypes: ['Person'], properties: ['importId'] },
    ]);
  });

  it('keeps ID groups apart and reads headers from separate -header files', async () => {
    const dir = fixture({
      'people-header.csv': ':ID(People),name,:LABEL\n',
      'people-part1.csv': '1,Ann,Person\n',
      'people-part2.csv': '2,Bob,Person\n',
      'firms.csv': ':ID(Firms),name,:LABEL\n1,Acme,Company\n',
      'works.csv': ':START_ID(People),:END_ID(Firms),:TYPE\n1,1,WORKS_AT\n2,1,WORKS_AT\n',
    });
    const summary = await importCsvDirectory(db, dir);
    expect(summary).toMatchObject({ files: 4, nodes: 3, relationships: 2 });
    expect(
      await db.read(
        'MATCH (p:Person)-[:WORKS_AT]->(c:Company) RETURN p.name AS person, p.importId AS pid, c.importId AS cid ORDER BY person',
      ),
    ).toEqual([
      { person: 'Ann', pid: 'People:1', cid: 'Firms:1' },
      { person: 'Bob', pid: 'People:2', cid: 'Firms:1' },
    ]);
  });

  it('stops at a row with the wrong number of columns, naming file and line, with nothing of its batch written', async () => {
    const dir = fixture({
      'n.csv': ':ID,name,:LABEL\n1,a,Thing\n2,b,Thing\n3,c,Thing\n4,d,extra,Thing\n5,e,Thing\n',
    });
    const err = await importFailure(dir, 2);
    expect(err.message).toBe('n.csv, line 5: expected 3 columns as in the header, found 4');
    expect(err.line).toBe(5);
    // Lines 2–3 were the first batch; lines 4–5 (3 and the bad row) were never sent.
    expect(await count('MATCH (n:Thing) RETURN count(n) AS n')).toBe(2);
  });

  it('reports a value that does not parse as its declared type with file, line and column', async () => {
    const dir = fixture({
      'n.csv': ':ID,lat:double,:LABEL\n1,53.5,Place\n"2",not-a-number,Place\n',
    });
    const err = await importFailure(dir);
    expect(err.message).toBe(
      'n.csv, line 3: column "lat": "not-a-number" is not a number (double)',
    );
    expect(await count('MATCH (n) RETURN count(n) AS n')).toBe(0);
  });

  it('reports the right line after a quoted field that spans lines', async () => {
    const dir = fixture({
      'n.csv': ':ID,note,:LABEL\n1,"line one\nline two\nline three",Note\n\n2,,\n',
    });
    const err = await importFailure(dir);
    expect(err.message).toBe('n.csv, line 6: the node has no label (Dossier needs at least one)');
  });

  it('refuses an empty :ID, a duplicate :ID and a label that is not an identifier', async () => {
    expect((await importFailure(fixture({ 'n.csv': ':ID,:LABEL\n,Thing\n' }))).message).toBe(
      'n.csv, line 2: the :ID field is empty',
    );
    expect(
      (await importFailure(fixture({ 'n.csv': ':ID,:LABEL\n1,Thing\n1,Other\n' }))).message,
    ).toMatch(/^n\.csv, line 3: :ID "1" is already used/);
    expect(
      (await importFailure(fixture({ 'n.csv': ':ID,:LABEL\n1,Bad`) DETACH DELETE n //\n' })))
        .message,
    ).toMatch(/^n\.csv, line 2: label "Bad`\) DETACH DELETE n \/\/" is not usable/);
    expect(
      (
        await importFailure(
          fixture({
            'n.csv': ':ID,:LABEL\n1,A\n',
            'r.csv': ':START_ID,:END_ID,:TYPE\n1,1,HAS SPACE\n',
          }),
        )
      ).message,
    ).toMatch(/^r\.csv, line 2: relationship type "HAS SPACE" is not usable/);
    expect(
      (await importFailure(fixture({ 'n.csv': ':ID,importId,:LABEL\n1,x,Thing\n' }))).message,
    ).toMatch(/^n\.csv, line 1: the property "importId" is Dossier's own/);
    expect(await count('MATCH ()-[r]->() RETURN count(r) AS n')).toBe(0);
  });

  it('refuses a relationship whose endpoint is in no node file, writing nothing of its batch', async () => {
    const dir = fixture({
      'n.csv': ':ID,:LABEL\n1,A\n2,A\n',
      'r.csv': ':START_ID,:END_ID,:TYPE\n1,2,LINKS\n2,1,LINKS\n1,99,LINKS\n',
    });
    const err = await importFailure(dir);
    expect(err.message).toBe(
      'r.csv, line 4: :END_ID "99" is not the :ID of any node in the node files',
    );
    expect(await count('MATCH (n:A) RETURN count(n) AS n')).toBe(2);
    expect(await count('MATCH ()-[r]->() RETURN count(r) AS n')).toBe(0);
  });

  it('reports malformed quoting with its line', async () => {
    const dir = fixture({ 'n.csv': ':ID,name,:LABEL\n1,ok,A\n2,"bad"quote,A\n' });
    const err = await importFailure(dir);
    expect(err.file).toBe(join(dir, 'n.csv'));
    expect(err.message).toMatch(/^n\.csv, line 3: malformed CSV: Invalid Closing Quote/);
  });

  it('refuses a directory with a file that is neither a node nor a relationship file', async () => {
    const err = await importFailure(fixture({ 'notes.csv': 'name,age\nx,1\n' }));
    expect(err.message).toMatch(/^notes\.csv, line 1: no :ID column/);
  });
});
