import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { generateGraph, writeGraph } from '../../scripts/generate-graph.js';
import type { Database } from '../../server/db/database.js';
import { forgetLiveSchema } from '../../server/graph/live-schema.js';
import {
  binOf,
  forgetPropertyStats,
  histogramLayout,
  MAX_STATS_PROPERTIES,
  PROPERTY_STATS_TTL_MS,
  readPropertyStats,
} from '../../server/graph/property-stats.js';
import { importCsvDirectory } from '../../server/import/import-csv.js';
import { seedStory } from '../../server/seed/seed.js';
import { connectTestDatabase, resetDatabase } from '../support/database.js';
import { graphqlClient, type GraphQLClient } from '../support/graphql.js';

interface Bin {
  from: number;
  to: number;
  count: number;
}
interface Distribution {
  key: string;
  kind: 'NUMBER' | 'DATE' | 'CATEGORY';
  present: number;
  distinct: number;
  min: number | null;
  max: number | null;
  integral: boolean;
  bins: Bin[];
  unbinned: number;
  values: { value: string; count: number }[];
  valuesCapped: boolean;
}
interface Stats {
  label: string;
  count: number;
  scanned: number;
  sampled: boolean;
  propertyCount: number;
  propertiesCapped: boolean;
  properties: Distribution[];
}

const STATS = `query ($label: String!, $properties: [String!], $bins: Int, $values: Int) {
  propertyStats(label: $label, properties: $properties, bins: $bins, values: $values) {
    label count scanned sampled propertyCount propertiesCapped
    properties { key kind present distinct min max integral bins { from to count } unbinned
      values { value count } valuesCapped }
  }
}`;

const DAY = 86_400_000;
const dayOf = (iso: string): number => Date.parse(`${iso}T00:00:00Z`) / DAY;
const prop = (s: Stats, key: string): Distribution => {
  const p = s.properties.find((x) => x.key === key);
  if (!p) throw new Error(`no property ${key} in ${s.properties.map((x) => x.key).join()}`);
  return p;
};
const sum = (bins: readonly { count: number }[]): number => bins.reduce((a, b) => a + b.count, 0);

let db: Database;
let gql: GraphQLClient;

beforeAll(() => {
  db = connectTestDatabase();
  gql = graphqlClient(db);
});
afterAll(async () => {
  await resetDatabase(db);
  await db.close();
});

describe('propertyStats on the story', () => {
  beforeAll(async () => {
    await resetDatabase(db);
    await seedStory(db);
    forgetLiveSchema(db);
    forgetPropertyStats(db);
  });

  it('summarises Event in one statement: start as a date histogram, kind as value counts', async () => {
    const res = await gql.counted<{ propertyStats: Stats }>(STATS, { label: 'Event' });
    expect(res.errors).toBeUndefined();
    expect(res.sent.statements).toHaveLength(1);
    const s = res.data!.propertyStats;
    const events = (await db.read('MATCH (e:Event) RETURN count(e) AS n'))[0]!['n'];
    expect(s).toMatchObject({ label: 'Event', count: events, scanned: events, sampled: false });

    const start = prop(s, 'start');
    expect(start.kind).toBe('DATE');
    expect(start.integral).toBe(true);
    const starts = (
      await db.read('MATCH (e:Event) WHERE e.start IS NOT NULL RETURN toString(e.start) AS d')
    ).map((r) => dayOf(String(r['d'])));
    expect(start.min).toBe(Math.min(...starts));
    expect(start.max).toBe(Math.max(...starts));
    expect(sum(start.bins)).toBe(starts.length);

    const kind = prop(s, 'kind');
    expect(kind.kind).toBe('CATEGORY');
    const kinds = await db.read(
      'MATCH (e:Event) WHERE e.kind IS NOT NULL RETURN e.kind AS value, count(*) AS count ORDER BY count DESC, value',
    );
    expect(kind.values).toEqual(kinds.slice(0, 20));
    // Dossier's own keys never show.
    expect(s.properties.some((p) => /^dossier/i.test(p.key))).toBe(false);
  });

  it('refuses an unknown label with BAD_USER_INPUT, naming the near one, before any statement', async () => {
    const res = await gql.counted<{ propertyStats: Stats }>(STATS, { label: 'Evnt' });
    expect(res.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0]?.message).toMatch(/Unknown label "Evnt".*Did you mean "Event"/);
    expect(res.sent.statements).toHaveLength(0);
    const own = await gql.counted<{ propertyStats: Stats }>(STATS, { label: 'DossierChange' });
    expect(own.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
    expect(own.sent.statements).toHaveLength(0);
    const key = await gql.counted(STATS, { label: 'Event', properties: ['strat'] });
    expect(key.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
    expect(key.sent.statements).toHaveLength(0);
    const bins = await gql.counted(STATS, { label: 'Event', bins: 1000 });
    expect(bins.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
    expect(bins.sent.statements).toHaveLength(0);
  });

  it('caches per label and arguments; a write shows once the entry expires or is forgotten', async () => {
    forgetPropertyStats(db);
    const first = await gql.counted<{ propertyStats: Stats }>(STATS, { label: 'Person' });
    expect(first.sent.statements).toHaveLength(1);
    const again = await gql.counted<{ propertyStats: Stats }>(STATS, { label: 'Person' });
    expect(again.sent.statements).toHaveLength(0);
    expect(again.data).toEqual(first.data);
    const other = await gql.counted(STATS, { label: 'Person', values: 3 });
    expect(other.sent.statements).toHaveLength(1);

    await db.write("CREATE (:Person {id: 'stats-extra', name: 'Extra'})");
    const cached = await gql.counted<{ propertyStats: Stats }>(STATS, { label: 'Person' });
    expect(cached.data!.propertyStats.count).toBe(first.data!.propertyStats.count);
    // Past the TTL the next request reads again: a write is never hidden for longer than that.
    const now = Date.now();
    const clock = vi.spyOn(Date, 'now').mockReturnValue(now + PROPERTY_STATS_TTL_MS + 1);
    try {
      const fresh = await gql.counted<{ propertyStats: Stats }>(STATS, { label: 'Person' });
      expect(fresh.sent.statements).toHaveLength(1);
      expect(fresh.data!.propertyStats.count).toBe(first.data!.propertyStats.count + 1);
    } finally {
      clock.mockRestore();
    }
    await db.write("MATCH (p:Person {id: 'stats-extra'}) DELETE p");
    forgetPropertyStats(db);
    const forgotten = await gql.counted<{ propertyStats: Stats }>(STATS, { label: 'Person' });
    expect(forgotten.sent.statements).toHaveLength(1);
    expect(forgotten.data!.propertyStats.count).toBe(first.data!.propertyStats.count);
  });
});

describe('propertyStats on a generated graph', () => {
  let dir: string;

  beforeAll(async () => {
    await resetDatabase(db);
    dir = mkdtempSync(join(tmpdir(), 'dossier-stats-'));
    writeGraph(generateGraph({ relationships: 3000, seed: 15 }), dir);
    await importCsvDirectory(db, dir, { batchSize: 5000 });
    await db.write(
      `CREATE (:Wide $wide)
       CREATE (:Crimeish {date: '24/08/2017', n: 1}), (:Crimeish {date: '4/8/2017', n: 2}),
              (:Crimeish {date: '2017-08-31T10:00:00', n: 3}), (:Crimeish {date: '31/02/2017', n: 2.5})`,
      { wide: Object.fromEntries(Array.from({ length: 35 }, (_, i) => [`p${i}`, i])) },
    );
    forgetLiveSchema(db);
    forgetPropertyStats(db);
  }, 120_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  /** The bins a JavaScript pass over the raw values gives with the same layout. */
  const expectedBins = (values: number[], d: Distribution, maxBins: number): number[] => {
    const lo = Math.min(...values);
    const layout = histogramLayout(lo, Math.max(...values), d.integral, maxBins);
    const counts = Array.from({ length: layout.count }, () => 0);
    for (const v of values) counts[binOf(v, lo, layout)]! += 1;
    return counts;
  };

  it('bins a DATE property and a float property exactly as a pass over the raw values does', async () => {
    const res = await gql.counted<{ propertyStats: Stats }>(STATS, { label: 'Person', bins: 12 });
    expect(res.errors).toBeUndefined();
    expect(res.sent.statements).toHaveLength(1);
    const s = res.data!.propertyStats;
    const born = prop(s, 'born');
    expect(born.kind).toBe('DATE');
    const days = (
      await db.read('MATCH (p:Person) WHERE p.born IS NOT NULL RETURN toString(p.born) AS d')
    ).map((r) => dayOf(String(r['d'])));
    expect(born.bins.length).toBeLessThanOrEqual(12);
    expect(born.bins.map((b) => b.count)).toEqual(expectedBins(days, born, 12));
    expect(born.bins[0]!.from).toBe(Math.min(...days));

    const addr = await gql.data<{ propertyStats: Stats }>(STATS, { label: 'Address', bins: 7 });
    const lat = prop(addr.propertyStats, 'latitude');
    expect(lat).toMatchObject({ kind: 'NUMBER', integral: false });
    const lats = (await db.read('MATCH (a:Address) RETURN a.latitude AS v')).map((r) =>
      Number(r['v']),
    );
    expect(lat.bins).toHaveLength(7);
    expect(lat.bins.map((b) => b.count)).toEqual(expectedBins(lats, lat, 7));
    expect(lat.bins.at(-1)!.to).toBe(Math.max(...lats));
  });

  it('counts categorical values (text and booleans), capped at `values` and saying so', async () => {
    const s = (await gql.data<{ propertyStats: Stats }>(STATS, { label: 'Person', values: 3 }))
      .propertyStats;
    const nat = prop(s, 'nationality');
    const truth = await db.read(
      'MATCH (p:Person) WHERE p.nationality IS NOT NULL RETURN p.nationality AS value, count(*) AS count ORDER BY count DESC, value',
    );
    expect(nat.kind).toBe('CATEGORY');
    expect(nat.values).toEqual(truth.slice(0, 3));
    expect(nat.distinct).toBe(truth.length);
    expect(nat.valuesCapped).toBe(truth.length > 3);
    const org = (await gql.data<{ propertyStats: Stats }>(STATS, { label: 'Organisation' }))
      .propertyStats;
    const active = prop(org, 'active');
    expect(active.kind).toBe('CATEGORY');
    expect(active.values.map((v) => v.value).sort()).toEqual(['false', 'true']);
    expect(sum(active.values)).toBe(active.present);
  });

  it('recognises day-first and ISO dates in text, and reads only the properties asked for', async () => {
    const s = (
      await gql.data<{ propertyStats: Stats }>(STATS, { label: 'Crimeish', properties: ['date'] })
    ).propertyStats;
    expect(s.properties.map((p) => p.key)).toEqual(['date']);
    const date = prop(s, 'date');
    expect(date.kind).toBe('DATE');
    // 31/02/2017 rolls over to 3 March, as Date.UTC does; the others are in August.
    expect(date.min).toBe(dayOf('2017-03-03'));
    expect(date.max).toBe(dayOf('2017-08-31'));
    expect(sum(date.bins)).toBe(4);
    const n = prop(
      (await gql.data<{ propertyStats: Stats }>(STATS, { label: 'Crimeish' })).propertyStats,
      'n',
    );
    expect(n).toMatchObject({ kind: 'NUMBER', integral: false, min: 1, max: 3, unbinned: 0 });
  });

  it('caps the properties per label and the nodes read, and says so', async () => {
    const wide = (await gql.data<{ propertyStats: Stats }>(STATS, { label: 'Wide' })).propertyStats;
    expect(wide.properties).toHaveLength(MAX_STATS_PROPERTIES);
    expect(wide).toMatchObject({ propertyCount: 35, propertiesCapped: true });

    const sampled = await readPropertyStats(db, 'Person', { scan: 100 });
    const [row] = await db.read('MATCH (p:Person) RETURN count(p) AS n');
    expect(sampled).toMatchObject({ scanned: 100, count: row!['n'], sampled: true });
    expect(prop(sampled as unknown as Stats, 'name').present).toBe(100);
  });
});
