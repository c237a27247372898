import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { stripComments } from '../../server/cypher/split-statements.js';
import {
  articleFiles,
  articleIds,
  BEGIN,
  cypherString,
  parseCypherString,
  readArticle,
  seedPath,
  sourcesDir,
  withCurrentBlock,
  type ArticleId,
} from '../../scripts/generate-seed-articles.js';
import { handWrittenStatements, seedElements } from '../../scripts/story-seed.js';
import { sharedData } from '../support/shared-data.js';

const seed = readFileSync(seedPath, 'utf8');
const elements = seedElements(seed);
const nodes = elements.filter((e) => e.kind === 'node');
const relationships = elements.filter((e) => e.kind === 'relationship');
const sharedSeeds = sharedData(
  'The shared copy of the source articles',
  ['seeds'],
  "It is the project's shared folder, laid beside the checkout in CI; cypher/sources holds the same articles, so only the byte-for-byte comparison with it is skipped.",
);

describe('the story seed file (cypher/seed.cypher), read without a database', () => {
  it.skipIf(!sharedSeeds.present)(
    'keeps byte-for-byte copies of the shared source articles in cypher/sources',
    () => {
      for (const file of Object.values(articleFiles)) {
        expect(
          readFileSync(join(sourcesDir, file)).equals(readFileSync(join(sharedSeeds.dir, file))),
        ).toBe(true);
      }
    },
  );

  it('has its generated article-text block up to date with cypher/sources', () => {
    expect(withCurrentBlock(seed)).toBe(seed);
  });

  it('stores each article text as a Cypher literal that decodes to the file byte for byte', () => {
    for (const id of articleIds) {
      const marker = `MERGE (a:Article {id: '${id}'})\nSET a.file = '${articleFiles[id]}', a.text = `;
      const at = seed.indexOf(marker, seed.indexOf(BEGIN));
      expect(at, id).toBeGreaterThan(-1);
      const { value } = parseCypherString(seed, at + marker.length);
      expect(
        Buffer.from(value, 'utf8').equals(readFileSync(join(sourcesDir, articleFiles[id]))),
      ).toBe(true);
    }
  });

  it('escapes string literals so that they round-trip (quotes, backslashes, line breaks, Unicode)', () => {
    const awkward = "it's a \\ back\nslash\r\n\t“quoted” ’ \u00a0 \u0001 end'";
    expect(parseCypherString(cypherString(awkward), 0).value).toBe(awkward);
  });

  it('splits into statements that each MERGE one node or one relationship (or derive CLAIMED_BY)', () => {
    const statements = handWrittenStatements(seed);
    const derived = statements.filter((s) => /MERGE \(c\)-\[r:CLAIMED_BY/.test(s.text));
    expect(derived).toHaveLength(1);
    expect(elements.length + derived.length).toBe(statements.length);
  });

  it('gives every node and relationship at least one source and aligned quotes', () => {
    expect(nodes.length).toBeGreaterThan(50);
    expect(relationships.length).toBeGreaterThan(100);
    for (const e of elements) {
      expect(e.sources, `${e.kind} ${e.id}`).toBeDefined();
      expect(e.sources?.length, `${e.kind} ${e.id}`).toBeGreaterThan(0);
      expect(e.quotes?.length, `${e.kind} ${e.id}: sources and quotes aligned`).toBe(
        e.sources?.length,
      );
      for (const s of e.sources ?? []) expect(articleIds, `${e.id} cites ${s}`).toContain(s);
    }
  });

  it('quotes only verbatim substrings of the article each quote cites', () => {
    const texts = Object.fromEntries(articleIds.map((id) => [id, readArticle(id)])) as Record<
      ArticleId,
      string
    >;
    const wrong: string[] = [];
    let checked = 0;
    for (const e of elements) {
      (e.sources ?? []).forEach((source, i) => {
        const quote = e.quotes?.[i] ?? '';
        checked++;
        if (quote.trim() === '' || !texts[source as ArticleId].includes(quote)) {
          wrong.push(`${e.id} [${i}] ${source}: ${quote}`);
        }
      });
    }
    expect(wrong).toEqual([]);
    expect(checked).toBeGreaterThan(250);
  });

  it('uses unique kebab-case ids for nodes and for relationships', () => {
    const kebab = /^[a-z0-9]+(-[a-z0-9]+)*$/;
    const nodeIds = nodes.map((n) => n.id);
    const relIds = relationships.map((r) => r.id);
    expect(new Set(nodeIds).size).toBe(nodeIds.length);
    expect(new Set(relIds).size).toBe(relIds.length);
    for (const id of [...nodeIds, ...relIds]) expect(id).toMatch(kebab);
  });

  it('matches, in every relationship statement, nodes that the seed defines with that label', () => {
    const defined = new Set(nodes.map((n) => `${n.label}:${n.id}`));
    for (const r of relationships) {
      const ends = [...r.text.matchAll(/\((?:a|b):(\w+) \{id: '([^']+)'\}\)/g)].map(
        (m) => `${m[1]}:${m[2]}`,
      );
      expect(ends, r.id).toHaveLength(2);
      for (const end of ends) expect(defined.has(end), `${r.id} → ${end}`).toBe(true);
    }
  });

  it('names an existing Disagreement wherever an element is marked disputed', () => {
    const disagreements = new Set(nodes.filter((n) => n.label === 'Disagreement').map((n) => n.id));
    const disputed = elements.filter((e) => /\bdisputed: true\b/.test(e.text));
    expect(disputed.length).toBeGreaterThan(5);
    for (const e of disputed) {
      const m = /\bdisagreement: '([^']+)'/.exec(e.text);
      expect(m?.[1] && disagreements.has(m[1]), e.id).toBe(true);
    }
  });

  it('takes no parameters, so that it runs as is in cypher-shell and Neo4j Browser', () => {
    expect(stripComments(seed).replace(/'(?:\\.|[^'\\])*'/g, "''")).not.toMatch(/\$\w/);
  });
});
