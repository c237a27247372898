/**
 * `npm run generate -- --relationships 100000 [--seed 42] --out <dir>`: writes a synthetic
 * investigation graph (people, organisations, addresses; who knows, works for, directs, owns,
 * lives at, is registered at, pays whom) as neo4j-admin-style CSV that `npm run import` loads.
 *
 * Deterministic: the same seed and size give byte-identical files (a seeded sfc32 generator, fixed
 * number formatting, no clocks). Degrees are heavy-tailed: most endpoints are drawn from a
 * Zipf-like distribution (rank = ⌊N^u⌋, u uniform, so P(rank ≤ k) ≈ ln k / ln N), which gives a
 * few hubs with thousands of neighbours (10k+ at 1M relationships) while the median node has a
 * handful, the shape of real leak and registry data.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

export interface GenerateOptions {
  readonly relationships: number;
  readonly seed: number;
}

export interface GeneratedGraph {
  /** File name → contents, in the order written. */
  readonly files: ReadonlyMap<string, string>;
  readonly summary: GraphSummary;
}

export interface GraphSummary {
  readonly seed: number;
  readonly nodes: Readonly<Record<string, number>>;
  readonly relationships: Readonly<Record<string, number>>;
  /** The five best-connected nodes (degree counts both directions). */
  readonly hubs: readonly { id: string; label: string; name: string; degree: number }[];
  /** A node whose degree is the median degree of nodes with at least one relationship. */
  readonly median: { id: string; label: string; name: string; degree: number };
}

/** sfc32, seeded through splitmix32: small, fast and good enough for test data. */
export function createRandom(seed: number): () => number {
  let s = seed >>> 0;
  const splitmix = (): number => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  };
  let a = splitmix();
  let b = splitmix();
  let c = splitmix();
  let d = splitmix();
  return () => {
    const t = (((a + b) >>> 0) + d) >>> 0;
    d = (d + 1) >>> 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) >>> 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) >>> 0;
    return t / 4294967296;
  };
}

const FIRST_NAMES = [
  'Aisha',
  'Alan',
  'Alice',
  'Amara',
  'Ana',
  'Andrei',
  'Anna',
  'Arjun',
  'Beatriz',
  'Ben',
  'Carla',
  'Carlos',
  'Chen',
  'Chloe',
  'Daniel',
  'David',
  'Diego',
  'Dmitri',
  'Elena',
  'Emeka',
  'Emma',
  'Eva',
  'Fatima',
  'Felix',
  'Fiona',
  'Francesca',
  'George',
  'Grace',
  'Hana',
  'Hans',
  'Helen',
  'Hiroshi',
  'Ibrahim',
  'Igor',
  'Ines',
  'Isabel',
  'Ivan',
  'Jack',
  'James',
  'Jana',
  'Javier',
  'Jin',
  'Joao',
  'John',
  'Jonas',
  'Julia',
  'Kamal',
  'Karim',
  'Katarzyna',
  'Kenji',
  'Laura',
  'Leila',
  'Lena',
  'Liam',
  'Lucas',
  'Lucia',
  'Luis',
  'Maria',
  'Marek',
  'Mark',
  'Marta',
  'Mateo',
  'Mei',
  'Mia',
  'Miguel',
  'Mohammed',
  'Nadia',
  'Natasha',
  'Nikolai',
  'Noah',
  'Nora',
  'Olga',
  'Omar',
  'Oscar',
  'Pablo',
  'Paul',
  'Pedro',
  'Petra',
  'Priya',
  'Rafael',
  'Rania',
  'Ravi',
  'Rosa',
  'Ruth',
  'Sami',
  'Sara',
  'Sergei',
  'Sofia',
  'Stefan',
  'Tariq',
  'Tom',
  'Tomas',
  'Vera',
  'Victor',
  'Wei',
  'Yara',
  'Yusuf',
  'Zainab',
  'Zoe',
];
const LAST_NAMES = [
  'Abbasi',
  'Adeyemi',
  'Alvarez',
  'Andersen',
  'Bakker',
  'Banerjee',
  'Becker',
  'Bianchi',
  'Brown',
  'Castro',
  'Chen',
  'Costa',
  'Cruz',
  'Dimitrov',
  'Dubois',
  'Eriksson',
  'Fernandes',
  'Fischer',
  'Garcia',
  'Gonzalez',
  'Haddad',
  'Hansen',
  'Hoffmann',
  'Horvat',
  'Huang',
  'Ivanov',
  'Jansen',
  'Jones',
  'Kaya',
  'Khan',
  'Kim',
  'Klein',
  'Kowalski',
  'Kumar',
  'Larsen',
  'Lee',
  'Lopez',
  'Malik',
  'Martin',
  'Meyer',
  'Moreau',
  'Muller',
  'Nagy',
  'Nakamura',
  'Nguyen',
  'Novak',
  'Okafor',
  'Oliveira',
  'Olsen',
  'Papadopoulos',
  'Park',
  'Patel',
  'Petrov',
  'Popescu',
  'Quinn',
  'Rahman',
  'Reyes',
  'Ricci',
  'Rossi',
  'Ruiz',
  'Sato',
  'Schmidt',
  'Silva',
  'Singh',
  'Smith',
  'Sokolov',
  'Santos',
  'Suzuki',
  'Tanaka',
  'Taylor',
  'Torres',
  'Usman',
  'Van Dijk',
  'Vasquez',
  'Volkov',
  'Wagner',
  'Walsh',
  'Wang',
  'Weber',
  'Williams',
  'Wilson',
  'Wojcik',
  'Wu',
  'Yamamoto',
  'Yilmaz',
  'Zhang',
  'Zhou',
  "O'Brien",
  'Nowak',
  'Kovacs',
];
const ORG_WORDS = [
  'Albion',
  'Apex',
  'Arcadia',
  'Atlas',
  'Aurora',
  'Baltic',
  'Beacon',
  'Blue Harbour',
  'Boreal',
  'Cardinal',
  'Castle',
  'Cedar',
  'Coastal',
  'Crescent',
  'Crown',
  'Delta',
  'Eastgate',
  'Echo',
  'Emerald',
  'Equinox',
  'Falcon',
  'Frontier',
  'Galaxy',
  'Granite',
  'Greenfield',
  'Harbour',
  'Helix',
  'Highland',
  'Horizon',
  'Ironbridge',
  'Juniper',
  'Keystone',
  'Lakeside',
  'Liberty',
  'Lion',
  'Marble',
  'Meridian',
  'Monarch',
  'Northgate',
  'Oakwood',
  'Orion',
  'Pacific',
  'Pinnacle',
  'Polar',
  'Quantum',
  'Redwood',
  'Riverside',
  'Sapphire',
  'Sentinel',
  'Silverline',
  'Solstice',
  'Summit',
  'Sterling',
  'Tidewater',
  'Trident',
  'Unity',
  'Vanguard',
  'Vertex',
  'Westbrook',
  'Zenith',
];
const ORG_KINDS = [
  'Holdings',
  'Trading',
  'Capital',
  'Logistics',
  'Consulting',
  'Shipping',
  'Properties',
  'Investments',
  'Energy',
  'Media',
  'Services',
  'Resources',
  'Ventures',
  'Partners',
  'Group',
];
const ORG_FORMS = ['Ltd', 'LLP', 'SA', 'GmbH', 'Inc', 'BV', 'SARL', 'Limited', 'AG', 'Corp'];
const JURISDICTIONS = [
  'GB',
  'CY',
  'VG',
  'PA',
  'LU',
  'NL',
  'MT',
  'KY',
  'DE',
  'FR',
  'IE',
  'AE',
  'SC',
  'US-DE',
  'HK',
];
const STREETS = [
  'Harbour Road',
  'High Street',
  'Station Road',
  'Church Lane',
  'Mill Street',
  'Market Square',
  'King Street',
  'Queen Street',
  'Bridge Road',
  'Park Avenue',
  'Victoria Road',
  'Green Lane',
  'Dock Street',
  'Castle Street',
  'North Road',
  'Canal Walk',
];
const CITIES: readonly (readonly [string, number, number])[] = [
  ['London', 51.5074, -0.1278],
  ['Limassol', 34.7071, 33.0226],
  ['Road Town', 18.4286, -64.6185],
  ['Panama City', 8.9824, -79.5199],
  ['Luxembourg', 49.6116, 6.1319],
  ['Amsterdam', 52.3676, 4.9041],
  ['Valletta', 35.8989, 14.5146],
  ['George Town', 19.2866, -81.3744],
  ['Berlin', 52.52, 13.405],
  ['Paris', 48.8566, 2.3522],
  ['Dublin', 53.3498, -6.2603],
  ['Dubai', 25.2048, 55.2708],
  ['Victoria', -4.6191, 55.4513],
  ['Wilmington', 39.7391, -75.5398],
  ['Hong Kong', 22.3193, 114.1694],
];

/** RFC 4180: quote a field that holds the delimiter, a quote, a line break or edge spaces. */
function csvField(value: string): string {
  return /[",\r\n]|^\s|\s$/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}
const csvRow = (fields: readonly string[]): string => `${fields.map(csvField).join(',')}\n`;

type Label = 'Person' | 'Organisation' | 'Address';

interface RelationshipSpec {
  readonly type: string;
  readonly share: number;
  readonly from: Label | 'Party';
  readonly to: Label | 'Party';
  /** Which end is drawn from the heavy tail (the other is uniform). */
  readonly hubEnd: 'start' | 'end';
  /** Parallel relationships are realistic for payments only. */
  readonly parallel: boolean;
  readonly header: readonly string[];
  readonly props: (random: () => number) => string[];
}

const pick = <T>(random: () => number, items: readonly T[]): T =>
  items[Math.floor(random() * items.length)] as T;
const dateIn = (random: () => number, fromYear: number, toYear: number): string => {
  const day = Math.floor(random() * (toYear - fromYear + 1) * 365);
  return new Date(Date.UTC(fromYear, 0, 1) + day * 86_400_000).toISOString().slice(0, 10);
};

const RELATIONSHIPS: readonly RelationshipSpec[] = [
  {
    type: 'KNOWS',
    share: 0.3,
    from: 'Person',
    to: 'Person',
    hubEnd: 'end',
    parallel: false,
    header: [],
    props: () => [],
  },
  {
    type: 'WORKS_FOR',
    share: 0.17,
    from: 'Person',
    to: 'Organisation',
    hubEnd: 'end',
    parallel: false,
    header: ['since:int', 'role'],
    props: (r) => [
      String(1990 + Math.floor(r() * 35)),
      pick(r, ['employee', 'consultant', 'agent', 'accountant', 'lawyer']),
    ],
  },
  {
    type: 'DIRECTOR_OF',
    share: 0.08,
    from: 'Person',
    to: 'Organisation',
    hubEnd: 'start',
    parallel: false,
    header: ['appointed:date'],
    props: (r) => [dateIn(r, 1995, 2024)],
  },
  {
    type: 'OWNS',
    share: 0.08,
    from: 'Organisation',
    to: 'Organisation',
    hubEnd: 'start',
    parallel: false,
    header: ['share:double'],
    props: (r) => [(1 + Math.floor(r() * 100)).toFixed(0)],
  },
  {
    type: 'LIVES_AT',
    share: 0.12,
    from: 'Person',
    to: 'Address',
    hubEnd: 'end',
    parallel: false,
    header: [],
    props: () => [],
  },
  {
    type: 'REGISTERED_AT',
    share: 0.05,
    from: 'Organisation',
    to: 'Address',
    hubEnd: 'end',
    parallel: false,
    header: [],
    props: () => [],
  },
  {
    type: 'PAID',
    share: 0.2,
    from: 'Party',
    to: 'Party',
    hubEnd: 'end',
    parallel: true,
    header: ['amount:double', 'date:date', 'reference'],
    props: (r) => [
      (Math.floor(r() ** 3 * 5_000_000) / 100 + 10).toFixed(2),
      dateIn(r, 2015, 2024),
      // Some references need CSV quoting: commas, quotes, a line break.
      pick(r, [
        'invoice',
        'consultancy fee',
        'loan',
        'loan repayment, part 2',
        'services "as agreed"',
        'dividend',
        'fees\nQ3',
        '',
      ]),
    ],
  },
];

/**
 * Builds the graph in memory as CSV text. Nodes ≈ relationships / 5: 60% people, 25%
 * organisations, 15% addresses.
 */
export function generateGraph(options: GenerateOptions): GeneratedGraph {
  const { relationships: total, seed } = options;
  if (!Number.isInteger(total) || total < 10)
    throw new RangeError('relationships must be an integer ≥ 10');
  const random = createRandom(seed);
  const nodeTotal = Math.max(10, Math.round(total / 5));
  const counts: Record<Label, number> = {
    Person: Math.max(2, Math.round(nodeTotal * 0.6)),
    Organisation: Math.max(2, Math.round(nodeTotal * 0.25)),
    Address: Math.max(2, Math.round(nodeTotal * 0.15)),
  };
  const prefix: Record<Label, string> = { Person: 'p', Organisation: 'o', Address: 'a' };
  const names: Record<Label, string[]> = { Person: [], Organisation: [], Address: [] };
  const files = new Map<string, string>();

  // People.
  const people: string[] = [
    csvRow([':ID', 'name', 'born:date', 'nationality', 'aliases:string[]', ':LABEL']),
  ];
  for (let i = 0; i < counts.Person; i++) {
    const first = pick(random, FIRST_NAMES);
    const last = pick(random, LAST_NAMES);
    const name = `${first} ${last}`;
    names.Person.push(name);
    const alias =
      random() < 0.1
        ? [`${first.charAt(0)}. ${last}`, `${last.toUpperCase()} ${first}`].join(';')
        : '';
    const labels = random() < 0.02 ? 'Person;PoliticallyExposed' : 'Person';
    people.push(
      csvRow([
        `p${i}`,
        name,
        random() < 0.9 ? dateIn(random, 1940, 2004) : '',
        pick(random, JURISDICTIONS).slice(0, 2),
        alias,
        labels,
      ]),
    );
  }
  files.set('nodes.Person.csv', people.join(''));

  // Organisations.
  const orgs: string[] = [
    csvRow([':ID', 'name', 'jurisdiction', 'incorporated:date', 'active:boolean', ':LABEL']),
  ];
  for (let i = 0; i < counts.Organisation; i++) {
    const name = `${pick(random, ORG_WORDS)} ${pick(random, ORG_KINDS)} ${pick(random, ORG_FORMS)}`;
    names.Organisation.push(name);
    orgs.push(
      csvRow([
        `o${i}`,
        name,
        pick(random, JURISDICTIONS),
        dateIn(random, 1980, 2024),
        random() < 0.8 ? 'true' : 'false',
        'Organisation',
      ]),
    );
  }
  files.set('nodes.Organisation.csv', orgs.join(''));

  // Addresses.
  const addresses: string[] = [
    csvRow([':ID', 'name', 'city', 'latitude:double', 'longitude:double', ':LABEL']),
  ];
  for (let i = 0; i < counts.Address; i++) {
    const [city, lat, lon] = pick(random, CITIES);
    const name = `${1 + Math.floor(random() * 200)} ${pick(random, STREETS)}, ${city}`;
    names.Address.push(name);
    addresses.push(
      csvRow([
        `a${i}`,
        name,
        city,
        (lat + (random() - 0.5) / 10).toFixed(6),
        (lon + (random() - 0.5) / 10).toFixed(6),
        'Address',
      ]),
    );
  }
  files.set('nodes.Address.csv', addresses.join(''));

  // Heavy tails: each label's nodes in a random order, so the hubs are not simply the first ids.
  const order: Record<Label, Int32Array> = {
    Person: shuffled(counts.Person, random),
    Organisation: shuffled(counts.Organisation, random),
    Address: shuffled(counts.Address, random),
  };
  const uniform = (label: Label): number => Math.floor(random() * counts[label]);
  const heavy = (label: Label): number => {
    const n = counts[label];
    const rank = Math.min(n - 1, Math.floor(n ** random()) - 1);
    return order[label][rank] ?? 0;
  };
  const party = (hub: boolean): [Label, number] => {
    const label: Label = random() < 0.7 ? 'Person' : 'Organisation';
    return [label, hub ? heavy(label) : uniform(label)];
  };

  const degree: Record<Label, Int32Array> = {
    Person: new Int32Array(counts.Person),
    Organisation: new Int32Array(counts.Organisation),
    Address: new Int32Array(counts.Address),
  };
  const relCounts: Record<string, number> = {};
  const seen = new Set<string>();
  for (const spec of RELATIONSHIPS) {
    const rows: string[] = [csvRow([':START_ID', ':END_ID', ':TYPE', ...spec.header])];
    const want =
      spec === RELATIONSHIPS[RELATIONSHIPS.length - 1]
        ? total - Object.values(relCounts).reduce((a, b) => a + b, 0)
        : Math.round(total * spec.share);
    let made = 0;
    let attempts = 0;
    while (made < want && attempts < want * 20) {
      attempts++;
      const end = (which: 'start' | 'end', label: Label | 'Party'): [Label, number] => {
        const hub = spec.hubEnd === which;
        if (label === 'Party') return party(hub);
        return [label, hub ? heavy(label) : uniform(label)];
      };
      const [fromLabel, from] = end('start', spec.from);
      const [toLabel, to] = end('end', spec.to);
      if (fromLabel === toLabel && from === to) continue;
      const fromId = `${prefix[fromLabel]}${from}`;
      const toId = `${prefix[toLabel]}${to}`;
      if (!spec.parallel) {
        const key = `${spec.type}|${fromId}|${toId}`;
        if (seen.has(key)) continue;
        seen.add(key);
      }
      rows.push(csvRow([fromId, toId, spec.type, ...spec.props(random)]));
      degree[fromLabel][from] = (degree[fromLabel][from] ?? 0) + 1;
      degree[toLabel][to] = (degree[toLabel][to] ?? 0) + 1;
      made++;
    }
    relCounts[spec.type] = made;
    files.set(`relationships.${spec.type}.csv`, rows.join(''));
  }

  const all: { id: string; label: Label; name: string; degree: number }[] = [];
  for (const label of ['Person', 'Organisation', 'Address'] as const) {
    degree[label].forEach((d, i) => {
      all.push({ id: `${prefix[label]}${i}`, label, name: names[label][i] ?? '', degree: d });
    });
  }
  const byDegree = [...all].sort((a, b) => b.degree - a.degree || (a.id < b.id ? -1 : 1));
  const connected = byDegree.filter((n) => n.degree > 0);
  const median = connected[Math.floor(connected.length / 2)] ?? all[0];
  const summary: GraphSummary = {
    seed,
    nodes: { ...counts },
    relationships: relCounts,
    hubs: byDegree.slice(0, 5),
    median: median ?? { id: 'p0', label: 'Person', name: '', degree: 0 },
  };
  return { files, summary };
}

/** 0…n-1 in a seeded random order (Fisher–Yates). */
function shuffled(n: number, random: () => number): Int32Array {
  const a = new Int32Array(n);
  for (let i = 0; i < n; i++) a[i] = i;
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    const t = a[i] ?? 0;
    a[i] = a[j] ?? 0;
    a[j] = t;
  }
  return a;
}

/** Writes the CSV files and graph.json (the summary) into dir. */
export function writeGraph(graph: GeneratedGraph, dir: string): void {
  mkdirSync(dir, { recursive: true });
  for (const [name, text] of graph.files) writeFileSync(join(dir, name), text);
  writeFileSync(join(dir, 'graph.json'), `${JSON.stringify(graph.summary, null, 2)}\n`);
}

const USAGE = `Usage: npm run generate -- --relationships <n> [--seed <n>] --out <dir>

Writes a synthetic investigation graph of about <n> relationships (nodes ≈ n/5) as
neo4j-admin-style CSV into <dir>, plus graph.json naming its hubs and a median node.
The same seed and size always give byte-identical files.`;

function main(argv: string[]): number {
  let values;
  try {
    values = parseArgs({
      args: argv,
      options: {
        relationships: { type: 'string' },
        seed: { type: 'string', default: '42' },
        out: { type: 'string' },
        help: { type: 'boolean', default: false },
      },
      strict: true,
    }).values;
  } catch (err) {
    console.error(`${(err as Error).message}\n\n${USAGE}`);
    return 2;
  }
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const relationships = Number(values.relationships);
  const seed = Number(values.seed);
  if (
    !Number.isInteger(relationships) ||
    relationships < 10 ||
    !Number.isInteger(seed) ||
    !values.out
  ) {
    console.error(USAGE);
    return 2;
  }
  const started = Date.now();
  const graph = generateGraph({ relationships, seed });
  const dir = resolve(values.out);
  writeGraph(graph, dir);
  const s = graph.summary;
  const nodes = Object.values(s.nodes).reduce((a, b) => a + b, 0);
  const rels = Object.values(s.relationships).reduce((a, b) => a + b, 0);
  console.log(
    `Wrote ${nodes} nodes and ${rels} relationships (seed ${seed}) to ${dir} in ${((Date.now() - started) / 1000).toFixed(1)} s.`,
  );
  console.log(`  hubs: ${s.hubs.map((h) => `${h.name} (${h.id}) ${h.degree}`).join(' · ')}`);
  console.log(`  median: ${s.median.name} (${s.median.id}) ${s.median.degree}`);
  return 0;
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = main(process.argv.slice(2));
}
