import { randomUUID } from 'node:crypto';
import autocannon from 'autocannon';
import neo4j, { type Driver } from 'neo4j-driver';
import type { App } from '../server/app.js';
import type { Database, Params } from '../server/db/database.js';
import { LIVE_SCHEMA_STATEMENTS } from '../server/graph/live-schema.js';
import { encodeParams } from './api/floor-endpoint.js';
import { postJson } from './lib/api-server-process.js';
import { elapsedMs, round, summarize, type LatencySummary } from './lib/stats.js';

/**
 * The write row: Dossier's addRelationship (a relationship citing a passage of a stored source,
 * recorded in the history, one write transaction) against the raw driver running the statements
 * Dossier sent for it (recorded with db.onStatement) the way Dossier sends them: in one explicit
 * transaction whose BEGIN goes out with the first RUN, and statements Dossier sent together
 * (without waiting for the one before) sent together too. Every request adds a
 * new relationship between two nodes no other request used, so both always take the "created"
 * path; the replayed statements get the same substitution (the two node ids, and fresh UUIDs
 * where Dossier generated them).
 */
export interface WriteBenchResult {
  readonly description: string;
  readonly statements: number;
  /** Round trips those statements took (statements sent together count once). */
  readonly roundTrips: number;
  readonly dossier: { latency: LatencySummary; requestsPerSecond16: number; errors16: number };
  /** The write floor (bench/api/write-floor-endpoint.ts), in the API server's process. */
  readonly floor?: { latency: LatencySummary; requestsPerSecond16: number; errors16: number };
  readonly raw: { latency: LatencySummary; requestsPerSecond16: number; errors16: number };
  /** Dossier p50 / raw p50 (target ≤ 1.3). */
  readonly p50VsRaw: number;
  /** Floor p50 / raw p50: what the HTTP hop alone costs on this machine. */
  readonly floorVsRaw?: number;
  readonly throughputVsRaw: number;
}

const TYPE = 'BENCH_ADDED';
const QUOTE = 'the benchmark adds relationships that cite this sentence';
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;
const MUTATION = `mutation Add($input: AddRelationshipInput!) {
  addRelationship(input: $input) { outcome element { uid elementId type } changes { id } }
}`;

type Json = Record<string, unknown>;

/** The params of a recorded statement with `from`/`to` ids swapped and every UUID made fresh. */
function substitute(
  value: unknown,
  swap: Map<string, string>,
  fresh: Map<string, string>,
): unknown {
  if (typeof value === 'string') {
    let s = value;
    for (const [a, b] of swap) s = s.split(a).join(b);
    return s.replace(UUID, (u) => {
      let v = fresh.get(u);
      if (v === undefined) fresh.set(u, (v = randomUUID()));
      return v;
    });
  }
  if (Array.isArray(value)) return value.map((v) => substitute(v, swap, fresh));
  if (value !== null && typeof value === 'object' && !neo4j.isInt(value)) {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [k, substitute(v, swap, fresh)]),
    );
  }
  return value;
}

/** One write as the bench sends it: the next pair's variables, and the raw replay of its statements. */
export interface WriteRow {
  readonly mutation: string;
  /** Variables for the next request: two nodes no request used before. */
  next(): Json;
  /** The body of the next request to the write floor: the next pair, `{from, to}`. */
  nextFloorBody(): string;
  /** Replays the recorded statements on `driver` for the next pair, as Dossier sent them. */
  rawOnce(driver: Driver): Promise<void>;
  /** The statements of the recorded request, by round trip, and the pair it wrote. */
  readonly recording: WriteRecording;
  readonly statements: number;
  readonly roundTrips: number;
}

/** Statements sent in one round trip, and the node pair of the request that sent them. */
export interface WriteRecording {
  readonly groups: readonly (readonly { cypher: string; params: Params }[])[];
  readonly template: { from: string; to: string };
}

/**
 * The recorded statements for another node pair, the way Dossier sent them: one explicit
 * transaction whose BEGIN goes out with the first RUN, each group pipelined, then COMMIT.
 */
export async function replayWrite(
  driver: Driver,
  database: string,
  recording: WriteRecording,
  p: { from: string; to: string },
): Promise<void> {
  const swap = new Map([
    [recording.template.from, p.from],
    [recording.template.to, p.to],
  ]);
  const fresh = new Map<string, string>();
  const session = driver.session({ database, defaultAccessMode: neo4j.session.WRITE });
  try {
    const tx = session.beginTransaction();
    for (const g of recording.groups)
      await Promise.all(
        g.map((s) => tx.run(s.cypher, substitute(s.params, swap, fresh) as Params)),
      );
    await tx.commit();
  } finally {
    await session.close();
  }
}

/**
 * Adds the cited source, records the statements of one addRelationship sent through `app` (after a
 * first one has warmed the caches) and returns what both sides of the row need.
 */
export async function prepareWriteRow(
  db: Database,
  app: App,
  log: (m: string) => void,
): Promise<WriteRow> {
  const call = async (query: string, variables: Json): Promise<Json> => {
    const res = await app.yoga.fetch('http://bench/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query, variables }),
    });
    const json = (await res.json()) as Json;
    if (json['errors'])
      throw new Error(`write bench: ${JSON.stringify(json['errors']).slice(0, 400)}`);
    return json;
  };
  const added = await call(
    'mutation($input: AddSourceInput!) { addSource(input: $input) { source { id } } }',
    {
      input: {
        title: `Benchmark source ${randomUUID()}`,
        text: `A source for the write benchmark: ${QUOTE}. ${randomUUID()}`,
      },
    },
  );
  const source = String(
    ((added['data'] as Json)['addSource'] as { source: { id: string } }).source.id,
  );
  // Nodes in a fixed order; each request takes the next two, so no pair is used twice. Once all
  // are used, each lap pairs every node with one further on, so pairs never repeat (a repeated
  // pair finds its relationship: UNCHANGED instead of CREATED).
  const nodes = (
    await db.read(
      'MATCH (n) WHERE n.importId IS NOT NULL RETURN elementId(n) AS id ORDER BY n.importId LIMIT 40000',
    )
  ).map((r) => String(r['id']));
  const half = Math.max(1, Math.floor(nodes.length / 2));
  let next = 0;
  const pair = (): { from: string; to: string } => {
    const i = 2 * (next % half);
    const lap = Math.floor(next / half);
    next++;
    return { from: nodes[i] ?? '', to: nodes[(i + 1 + 2 * lap) % nodes.length] ?? '' };
  };
  const variables = (p: { from: string; to: string }): Json => ({
    input: { from: p.from, to: p.to, type: TYPE, citations: [{ source, quote: QUOTE }] },
  });

  // Record the statements of one request (after a first one has warmed the schema caches).
  await call(MUTATION, variables(pair()));
  const recorded: { cypher: string; params: Params; group: number }[] = [];
  const template = pair();
  // Statements sent in one turn of the event loop were pipelined (each answer comes back in a
  // later turn, so a statement that waited for one cannot be in the same turn).
  let group = 0;
  let turn: NodeJS.Immediate | undefined;
  // Not the live-schema reads: they come once per 5 s cache period, not with every write, and a
  // slow first request on a loaded machine (load 36) let the cache expire and put them in the
  // replay (9 statements instead of 7, the raw driver then at 3x Dossier's p50).
  const off = db.onStatement((cypher, params) => {
    if (LIVE_SCHEMA_STATEMENTS.includes(cypher)) return;
    if (turn === undefined) {
      group++;
      turn = setImmediate(() => (turn = undefined));
    }
    recorded.push({ cypher, params, group });
  });
  const first = await call(MUTATION, variables(template));
  off();
  const outcome = ((first['data'] as Json)['addRelationship'] as Json)['outcome'];
  if (outcome !== 'CREATED')
    throw new Error(`write bench: the recorded write was ${String(outcome)}`);
  const groups = [...new Set(recorded.map((s) => s.group))].map((g) =>
    recorded.filter((s) => s.group === g),
  );
  log(
    `api: write: addRelationship sent ${recorded.length} statements in ${groups.length} round trips`,
  );

  return {
    mutation: MUTATION,
    next: () => variables(pair()),
    nextFloorBody: () => JSON.stringify(pair()),
    rawOnce: (driver) => replayWrite(driver, db.name, { groups, template }, pair()),
    recording: { groups, template },
    statements: recorded.length,
    roundTrips: groups.length,
  };
}

export async function benchWrite(
  db: Database,
  app: App,
  url: string,
  driver: Driver,
  seconds16: number,
  requestsC1: number,
  log: (m: string) => void,
): Promise<WriteBenchResult> {
  const row = await prepareWriteRow(db, app, log);
  const rawOnce = (): Promise<void> => row.rawOnce(driver);
  const floorUrl = url.replace(/\/graphql$/, '/write-floor');
  await postJson(`${floorUrl}/register`, JSON.stringify(encodeParams(row.recording)));
  const floorOnce = async (): Promise<void> => {
    await postJson(floorUrl, row.nextFloorBody());
  };
  const dossierOnce = async (): Promise<void> => {
    const json = (await postJson(
      url,
      JSON.stringify({ query: MUTATION, variables: row.next() }),
    )) as Json;
    if (json['errors'])
      throw new Error(`write bench: ${JSON.stringify(json['errors']).slice(0, 400)}`);
    const o = ((json['data'] as Json)['addRelationship'] as Json)['outcome'];
    if (o !== 'CREATED') throw new Error(`write bench: a write was ${String(o)}`);
  };

  const once = { dossier: dossierOnce, floor: floorOnce, raw: rawOnce };
  const impls = ['dossier', 'floor', 'raw'] as const;
  for (let i = 0; i < 20; i++) for (const impl of impls) await once[impl]();
  const samples = { dossier: [] as number[], floor: [] as number[], raw: [] as number[] };
  for (let i = 0; i < requestsC1; i++) {
    // Each in turn first, so none always follows the same one.
    for (let k = 0; k < impls.length; k++) {
      const impl = impls[(i + k) % impls.length] ?? 'raw';
      const t = process.hrtime.bigint();
      await once[impl]();
      samples[impl].push(elapsedMs(t));
    }
  }

  const dossier16 = await autocannon({
    url,
    connections: 16,
    duration: seconds16,
    requests: [
      {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        setupRequest: (req) => ({
          ...req,
          body: JSON.stringify({ query: MUTATION, variables: row.next() }),
        }),
      },
    ],
  });
  const floor16 = await autocannon({
    url: floorUrl,
    connections: 16,
    duration: seconds16,
    requests: [
      {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        setupRequest: (req) => ({ ...req, body: row.nextFloorBody() }),
      },
    ],
  });
  const until = Date.now() + seconds16 * 1000;
  let rawDone = 0;
  let rawErrors = 0;
  const started = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: 16 }, async () => {
      while (Date.now() < until) {
        try {
          await rawOnce();
          rawDone++;
        } catch {
          rawErrors++;
        }
      }
    }),
  );
  const rawRps = Math.round(rawDone / (elapsedMs(started) / 1000));
  const dossier = {
    latency: summarize(samples.dossier),
    requestsPerSecond16: Math.round(dossier16.requests.average),
    errors16: dossier16.errors + dossier16.non2xx + dossier16.timeouts,
  };
  const floor = {
    latency: summarize(samples.floor),
    requestsPerSecond16: Math.round(floor16.requests.average),
    errors16: floor16.errors + floor16.non2xx + floor16.timeouts,
  };
  const raw = { latency: summarize(samples.raw), requestsPerSecond16: rawRps, errors16: rawErrors };
  const result: WriteBenchResult = {
    description: `addRelationship between two nodes of the graph, citing a passage of a stored source (a new ${TYPE} relationship each time)`,
    statements: row.statements,
    roundTrips: row.roundTrips,
    dossier,
    floor,
    raw,
    p50VsRaw: round(dossier.latency.p50Ms / raw.latency.p50Ms, 2),
    floorVsRaw: round(floor.latency.p50Ms / raw.latency.p50Ms, 2),
    throughputVsRaw: round(dossier.requestsPerSecond16 / Math.max(1, raw.requestsPerSecond16), 2),
  };
  log(
    `api: write: p50 Dossier ${dossier.latency.p50Ms} ms, floor ${floor.latency.p50Ms} ms, raw ${raw.latency.p50Ms} ms (Dossier/raw ${result.p50VsRaw}, floor/raw ${result.floorVsRaw}); req/s@16 ${dossier.requestsPerSecond16} / ${floor.requestsPerSecond16} / ${raw.requestsPerSecond16}`,
  );
  return result;
}
