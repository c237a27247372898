import { readFileSync } from 'node:fs';
import neo4j from 'neo4j-driver';
import { describe, expect, it } from 'vitest';
import { NotALiteral, parseLiteral } from '../../server/seed/cypher-literal.js';
import { nodeKey, parseStatement, seedSteps } from '../../server/seed/seed-batches.js';
import { seedFile } from '../../server/seed/seed.js';

const literal = (text: string): unknown => parseLiteral(text, 0).value;

describe('Cypher literals read as the parameters that store the same values', () => {
  it('integers become driver Integers (a JS number would be stored as a FLOAT), floats stay numbers', () => {
    expect(literal('3')).toEqual(neo4j.int(3));
    expect(neo4j.isInt(literal('-42'))).toBe(true);
    expect(String(literal('9007199254740993'))).toBe('9007199254740993');
    expect(literal('2.5')).toBe(2.5);
    expect(literal('1e3')).toBe(1000);
    expect(neo4j.isInt(literal('1.0'))).toBe(false);
  });

  it('date() becomes a driver Date; strings keep Cypher escapes; booleans, null, lists and maps', () => {
    expect(literal("date('2022-06-01')")).toEqual(new neo4j.types.Date(2022, 6, 1));
    expect(literal("'it\\'s \"x\"\\n\\u00e9'")).toBe('it\'s "x"\n\u00e9');
    expect(literal('"double"')).toBe('double');
    expect(literal('TRUE')).toBe(true);
    expect(literal('null')).toBeNull();
    expect(literal("[ 'a', 1, [false] ]")).toEqual(['a', neo4j.int(1), [false]]);
    expect(literal("{a: 1, `b c`: 'x', d: {}}")).toEqual({ a: neo4j.int(1), 'b c': 'x', d: {} });
  });

  it('anything that is not a literal is refused, so its statement runs as written', () => {
    for (const text of ['1 + 2', 'x', "datetime('2024-01-01')", "date('2024')", '0x1F', "'open"])
      expect(() => {
        const parsed = parseLiteral(text, 0);
        if (parsed.end !== text.length) throw new NotALiteral('more after the literal');
      }).toThrow(NotALiteral);
  });
});

describe('seed statements as UNWIND batches', () => {
  it('reads a node MERGE with SET += and with property assignments', () => {
    expect(parseStatement("MERGE (n:Person {id: 'p'})\nSET n += {name: 'P', count: 2}")).toEqual({
      kind: 'node',
      label: 'Person',
      id: 'p',
      props: { name: 'P', count: neo4j.int(2) },
    });
    expect(
      parseStatement("MERGE (a:Article {id: 'x'})\nSET a.file = 'f.txt', a.text = 'T'"),
    ).toEqual({ kind: 'node', label: 'Article', id: 'x', props: { file: 'f.txt', text: 'T' } });
  });

  it('reads a relationship MERGE, whichever MATCHed variable it starts from', () => {
    const forward = parseStatement(
      "MATCH (a:Team {id: 't'}), (b:Person {id: 'p'})\nMERGE (a)-[r:TRACKED {id: 't-p'}]->(b)\nSET r += {note: 'n'}",
    );
    expect(forward).toEqual({
      kind: 'relationship',
      row: {
        from: nodeKey('Team', 't'),
        to: nodeKey('Person', 'p'),
        type: 'TRACKED',
        id: 't-p',
        props: { note: 'n' },
      },
    });
    const backward = parseStatement(
      "MATCH (a:Team {id: 't'}), (b:Person {id: 'p'})\nMERGE (b)-[r:KNOWS {id: 'p-t'}]->(a)",
    );
    expect(backward).toMatchObject({
      row: { from: nodeKey('Person', 'p'), to: nodeKey('Team', 't'), props: {} },
    });
  });

  it('keeps other shapes as written: computed values, extra clauses, other patterns', () => {
    for (const text of [
      "MERGE (n:Person {id: 'p'}) SET n += {n: 1 + 2}",
      "MERGE (n:Person {id: 'p'}) SET n += {a: 1} RETURN n",
      "MERGE (n:Person {id: 'p'}) ON CREATE SET n.a = 1",
      'MATCH (c:Claim), (a:Article) WHERE a.id IN c.sources MERGE (c)-[r:CLAIMED_BY {id: c.id}]->(a)',
      "MATCH (a:A {id: 'a'}), (b:B {id: 'b'}) MERGE (a)-[r:T {id: 'x'}]->(a)",
      "MATCH (a:A {id: 'a', name: 'n'}), (b:B {id: 'b'}) MERGE (a)-[r:T {id: 'x'}]->(b)",
      "MATCH (a:A {id: 'a'}), (b:B {id: 'b'}) MERGE (a)-[r:T {id: 'x', w: 1}]->(b)",
      "CREATE (n:Person {id: 'p'})",
    ])
      expect(parseStatement(text)).toBeUndefined();
  });

  it('groups runs of statements without moving anything past a statement kept as written', () => {
    const steps = seedSteps(`
MERGE (n:A {id: '1'}) SET n += {x: 1};
MERGE (n:B {id: '2'});
MERGE (n:A {id: '3'});
MATCH (a:A {id: '1'}), (b:B {id: '2'}) MERGE (a)-[r:T {id: 'r1'}]->(b);
MATCH (a:A {id: '1'}), (b:Elsewhere {id: '9'}) MERGE (a)-[r:T {id: 'r2'}]->(b);
MERGE (n:A {id: '4'}) SET n += {y: a.b};
MERGE (n:C {id: '5'});
MATCH (a:C {id: '5'}), (b:A {id: '3'}) MERGE (a)-[r:U {id: 'r3'}]->(b);
`);
    expect(
      steps.map((s) =>
        s.kind === 'statement'
          ? `statement ${s.line}`
          : s.kind === 'nodes'
            ? `nodes ${s.rows.map((r) => r.id).join(',')}`
            : `relationships ${s.rows.map((r) => r.id).join(',')}`,
      ),
    ).toEqual([
      'nodes 1,3',
      'nodes 2',
      'relationships r1',
      // Its end node is not MERGEd by the file: it may be in the database already.
      'statement 6',
      'statement 7',
      'nodes 5',
      'relationships r3',
    ]);
    const dynamic = seedSteps("MERGE (n:A {id: '1'});\nMERGE (n:B {id: '2'});", {
      dynamicLabels: true,
    });
    expect(dynamic).toHaveLength(1);
    expect(dynamic[0]?.cypher).toContain('$(row.label)');
  });

  it('cypher/seed.cypher becomes one node batch and one relationship batch into an empty database, CLAIMED_BY included; its derived statement as written otherwise', () => {
    const steps = seedSteps(readFileSync(seedFile, 'utf8'), { dynamicLabels: true });
    expect(steps.map((s) => s.kind)).toEqual(['nodes', 'relationships']);
    const claimedBy = steps[1]?.kind === 'relationships' ? steps[1].rows : [];
    expect(claimedBy.filter((r) => r.type === 'CLAIMED_BY').length).toBeGreaterThan(0);
    const perLabel = seedSteps(readFileSync(seedFile, 'utf8'));
    expect(perLabel.filter((s) => s.kind === 'nodes')).toHaveLength(9);
    expect(perLabel.at(-1)?.kind === 'statement' && perLabel.at(-1)?.cypher).toContain(
      'CLAIMED_BY',
    );
  });

  it('computes CLAIMED_BY as Cypher would: one per claim and cited article, quotes by position; anything it cannot compute exactly runs as written', () => {
    const derived = readFileSync(seedFile, 'utf8').slice(
      readFileSync(seedFile, 'utf8').indexOf('MATCH (c:Claim), (a:Article)'),
    );
    const steps = seedSteps(
      `MERGE (n:Article {id: 'a1'});
MERGE (n:Article {id: 'a2'});
MERGE (n:Claim {id: 'c1'}) SET n += {sources: ['a1', 'a2', 'a1', 'elsewhere'], quotes: ['x', 'y', 'z', 'w']};
MERGE (n:Claim {id: 'c2'}) SET n += {sources: ['a2'], quotes: ['q'], gone: 1};
MERGE (n:Claim {id: 'c3'});
${derived}`,
      { dynamicLabels: true },
    );
    const last = steps.at(-1);
    const rows = last?.kind === 'relationships' ? last.rows : [];
    expect(rows.map((r) => [r.id, r.from, r.to, r.props])).toEqual([
      [
        'c1-claimed-by-a1',
        nodeKey('Claim', 'c1'),
        nodeKey('Article', 'a1'),
        { sources: ['a1', 'a1'], quotes: ['x', 'z'] },
      ],
      [
        'c1-claimed-by-a2',
        nodeKey('Claim', 'c1'),
        nodeKey('Article', 'a2'),
        { sources: ['a2'], quotes: ['y'] },
      ],
      [
        'c2-claimed-by-a2',
        nodeKey('Claim', 'c2'),
        nodeKey('Article', 'a2'),
        { sources: ['a2'], quotes: ['q'] },
      ],
    ]);
    // A quote missing (Cypher would store a null in a list and fail): as written.
    const missing = seedSteps(
      `MERGE (n:Article {id: 'a1'});\nMERGE (n:Claim {id: 'c1'}) SET n += {sources: ['a1'], quotes: []};\n${derived}`,
      { dynamicLabels: true },
    );
    expect(missing.at(-1)?.kind).toBe('statement');
    // Not into an empty database: other claims may be there already.
    expect(seedSteps(`MERGE (n:Article {id: 'a1'});\n${derived}`).at(-1)?.kind).toBe('statement');
  });
});
