/**
 * What the reader's NLP library (compromise, through client/src/sources/suggest.ts) finds in the
 * story's two articles, measured against the named entities the story graph holds: precision (of
 * the people, organisations and places it finds, how many are entities of the graph) and recall
 * (of the graph's entities whose name the text contains, how many it finds).
 *
 *   npx tsx scripts/nlp-precision.ts [--json]
 *
 * The graph's entities are read from cypher/seed.cypher (Person, Organization, Team and Outlet
 * nodes; the unnamed groups such as "Head of audit and risk control" never occur by name, so they
 * only count where the text contains them). A found name matches an entity when, case aside, it is
 * the entity's name or holds it as whole words ("The Financial Times" is Financial Times); an
 * abbreviation ("US" for United States) does not match.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { suggestEntities, type Suggestion } from '../client/src/sources/suggest.js';
import { fromRoot } from '../server/paths.js';

const LABELS = ['Person', 'Organization', 'Team', 'Outlet'];

/** The story's entities of LABELS, by name, from the seed file. */
function graphEntities(): { label: string; name: string }[] {
  const seed = readFileSync(fromRoot('cypher', 'seed.cypher'), 'utf8');
  const out: { label: string; name: string }[] = [];
  const re = /MERGE \(n:(\w+) \{id: '[^']+'\}\)\nSET n \+= \{\n {2}name: '((?:[^'\\]|\\.)*)'/g;
  for (const m of seed.matchAll(re)) {
    if (LABELS.includes(m[1] ?? ''))
      out.push({ label: m[1] ?? '', name: (m[2] ?? '').replace(/\\'/g, "'") });
  }
  return out;
}

const words = (s: string): string =>
  ` ${s
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()} `;
/** The found name is the entity's name, or holds it as whole words ("The Financial Times"). */
const matches = (found: string, entity: string): boolean => words(found).includes(words(entity));
/** The graph entity a found name is: an exact name first, then one the found name holds. */
const entityOf = (found: string): string | null =>
  (
    entities.find((e) => words(e.name) === words(found)) ??
    entities.find((e) => matches(found, e.name))
  )?.name ?? null;

interface Report {
  file: string;
  found: (Suggestion & { entity: string | null })[];
  precision: number;
  present: string[];
  recalled: string[];
  recall: number;
}

const entities = graphEntities();
const reports: Report[] = [];
const dir = fromRoot('cypher', 'sources');
for (const file of readdirSync(dir)
  .filter((f) => f.endsWith('.txt'))
  .sort()) {
  const text = readFileSync(join(dir, file), 'utf8');
  const found = suggestEntities(text, []).map((s) => ({
    ...s,
    entity: entityOf(s.name),
  }));
  const lower = text.toLowerCase();
  const present = entities.filter((e) => lower.includes(e.name.toLowerCase())).map((e) => e.name);
  const recalled = present.filter((p) => found.some((f) => matches(f.name, p)));
  reports.push({
    file,
    found,
    precision: found.length ? found.filter((f) => f.entity).length / found.length : 0,
    present,
    recalled,
    recall: present.length ? recalled.length / present.length : 0,
  });
}

if (process.argv.includes('--json')) {
  console.log(JSON.stringify(reports, null, 2));
} else {
  const pct = (x: number): string => `${(100 * x).toFixed(0)} %`;
  for (const r of reports) {
    const hits = r.found.filter((f) => f.entity).length;
    console.log(
      `\n${r.file}: compromise found ${r.found.length} names; ${hits} are entities of the graph (precision ${pct(r.precision)})`,
    );
    for (const f of r.found) {
      console.log(
        `  ${f.entity ? '✓' : '✗'} ${f.name} (${f.kind}, ${f.count}×)${f.entity && f.entity !== f.name ? ` = ${f.entity}` : ''}`,
      );
    }
    console.log(
      `  graph entities named in the text: ${r.present.length}; found ${r.recalled.length} (recall ${pct(r.recall)})`,
    );
    const missed = r.present.filter((p) => !r.recalled.includes(p));
    if (missed.length) console.log(`  missed: ${missed.join(', ')}`);
  }
  const all = reports.flatMap((r) => r.found);
  const hits = all.filter((f) => f.entity).length;
  const present = reports.reduce((n, r) => n + r.present.length, 0);
  const recalled = reports.reduce((n, r) => n + r.recalled.length, 0);
  console.log(
    `\nBoth articles: precision ${hits}/${all.length} = ${pct(hits / all.length)}, recall ${recalled}/${present} = ${pct(recalled / present)}`,
  );
}
