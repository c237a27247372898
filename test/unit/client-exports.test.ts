import { describe, expect, it } from 'vitest';
import { asCypher, asGraphQL, cypherString } from '../../client/src/export/copy-as.js';
import { csvCell, edgesToCsv, nodesToCsv } from '../../client/src/export/csv.js';
import { escapeXml, toGraphML } from '../../client/src/export/graphml.js';
import type { EdgeData, NodeData } from '../../client/src/graph/to-elements.js';

const nodes: NodeData[] = [
  {
    id: 'n1',
    caption: 'Forbes',
    labels: ['Outlet'],
    label: 'Outlet',
    props: { name: 'Forbes', sources: ['article-000'] },
    degree: 3,
    size: 36,
    disputed: false,
    cited: true,
  },
  {
    id: 'n2',
    caption: 'Three, "tracked" editors',
    labels: ['Person', 'Journalist'],
    label: 'Person',
    props: { name: 'Three, "tracked" editors', count: 3 },
    degree: 1,
    size: 32,
    disputed: true,
    cited: false,
  },
];
const edges: EdgeData[] = [
  {
    id: 'e1',
    source: 'n2',
    target: 'n1',
    type: 'WORKS_FOR',
    props: { since: 2020 },
    disputed: false,
    cited: false,
  },
];

describe('CSV export', () => {
  it('writes nodes with id, labels, caption and one column per property, quoting per RFC 4180', () => {
    const csv = nodesToCsv(nodes);
    const lines = csv.trimEnd().split('\r\n');
    expect(lines[0]).toBe('id,labels,caption,count,name,sources');
    expect(lines[1]).toBe('n1,Outlet,Forbes,,Forbes,"[""article-000""]"');
    expect(lines[2]).toBe(
      'n2,Person;Journalist,"Three, ""tracked"" editors",3,"Three, ""tracked"" editors",',
    );
  });

  it('writes relationships with type, source and target', () => {
    expect(edgesToCsv(edges)).toBe('id,type,source,target,since\r\ne1,WORKS_FOR,n2,n1,2020\r\n');
  });

  it('quotes cells holding line breaks', () => {
    expect(csvCell('a\nb')).toBe('"a\nb"');
    expect(csvCell(null)).toBe('');
  });
});

describe('GraphML export', () => {
  it('declares typed keys and writes nodes, edges and positions', () => {
    const xml = toGraphML(nodes, edges, new Map([['n1', { x: 10, y: 20 }]]));
    expect(xml).toContain('<graph id="dossier" edgedefault="directed">');
    expect(xml).toContain('<edge id="e1" source="n2" target="n1" label="WORKS_FOR">');
    expect(xml).toMatch(/<key id="n\d+" for="node" attr.name="count" attr.type="double"\/>/);
    expect(xml).toMatch(/<key id="n\d+" for="node" attr.name="x" attr.type="double"\/>/);
    expect(xml).toContain('Three, &quot;tracked&quot; editors');
  });

  it('escapes XML specials and drops forbidden control characters', () => {
    expect(escapeXml(`<a href="x">&'\u0001`)).toBe('&lt;a href=&quot;x&quot;&gt;&amp;&apos;');
  });
});

describe('copy as GraphQL / Cypher', () => {
  it('gives a subgraph query with the ids as variables', () => {
    const q = asGraphQL(['n1', 'n2']);
    expect(q).toContain('subgraph(ids: $ids)');
    expect(q).toContain('"ids":["n1","n2"]');
  });

  it('gives Cypher with the ids inlined as escaped string literals', () => {
    const c = asCypher(['4:x:1', "it's"], ['ABOUT']);
    expect(c).toContain("WITH ['4:x:1', 'it\\'s'] AS ids");
    expect(c).toContain("AND NOT type(r) IN ['ABOUT']");
    expect(cypherString('a\\b')).toBe("'a\\\\b'");
  });
});
