import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { format, resolveConfig } from 'prettier';
import type { Impl } from './api-bench.js';
import { fromRoot } from '../server/paths.js';
import type { BenchResults } from './run-bench.js';

/**
 * BENCHMARKS.md from one run's results: the targets with met / not met first, then every table,
 * then how it was measured. bench/notes.md (hand-written: what limits each target and what was
 * tried) is appended as it is.
 */

const n = new Intl.NumberFormat('en-GB');
const ms = (x: number | null | undefined): string =>
  x === undefined || x === null || Number.isNaN(x)
    ? '–'
    : `${x < 10 ? x.toFixed(2) : Math.round(x)} ms`;
const ratio = (x: number | null | undefined): string =>
  x === undefined || x === null || !Number.isFinite(x) ? '–' : `${x.toFixed(2)}×`;
const PAGE_LIMIT = '180 s';
const verdict = (ok: boolean | undefined): string =>
  ok === undefined ? 'not run' : ok ? '**met**' : '**not met**';

const IMPL_NAMES: Record<Impl, string> = {
  dossier: "Dossier's GraphQL (`/graphql`)",
  floor: 'Floor: same Cypher, bare node:http (`/floor`)',
  raw: 'Same Cypher, raw neo4j-driver in the client (no HTTP)',
  neo4jGraphql: '@neo4j/graphql (`/neo4j-graphql`)',
};

function targets(r: BenchResults): string[] {
  const api = r.api?.queries ?? [];
  // Results saved before the floor existed have no p50VsFloor.
  const vsFloor = api.filter((x) => x.p50VsFloor !== undefined);
  const worstP50 = vsFloor.length ? Math.max(...vsFloor.map((x) => x.p50VsFloor)) : undefined;
  const worstTp = api.length ? Math.min(...api.map((x) => x.throughputVsNeo4jGraphql)) : undefined;
  const imports = r.imports.filter((i) => !i.dataset.endsWith('10k'));
  const worstImport = imports.length ? Math.min(...imports.map((i) => i.ratio)) : undefined;
  const rows = [
    [
      'GraphQL neighbourhood and search p50 ≤ 1.1× the floor (bare node:http, same statement)',
      vsFloor.map((x) => `${x.name} ${ratio(x.p50VsFloor)}`).join('; ') || '–',
      verdict(worstP50 === undefined ? undefined : worstP50 <= 1.1),
    ],
    [
      'Throughput at concurrency 16 ≥ 2× @neo4j/graphql',
      api.map((x) => `${x.name} ${ratio(x.throughputVsNeo4jGraphql)}`).join('; ') || '–',
      verdict(worstTp === undefined ? undefined : worstTp >= 2),
    ],
    [
      'Adding a sourced relationship: p50 ≤ 1.3× the raw driver running the same statements',
      r.api?.write ? ratio(r.api.write.p50VsRaw) : '–',
      verdict(r.api?.write ? r.api.write.p50VsRaw <= 1.3 : undefined),
    ],
    [
      'Import ≥ 0.7× LOAD CSV rows/s',
      imports.map((i) => `${i.dataset} ${ratio(i.ratio)}`).join('; ') || '–',
      verdict(worstImport === undefined ? undefined : worstImport >= 0.7),
    ],
    [
      `Explorer frame time ≤ 1.5× bare Cytoscape at ${n.format(r.render?.sizes.find((s) => s.nodes === 10_000)?.nodes ?? r.render?.sizes.at(-1)?.nodes ?? 10_000)} nodes`,
      r.render ? `${ratio(r.render.explorerVsBareLargest)} (mean frame time, same renderer)` : '–',
      verdict(r.render ? r.render.explorerVsBareLargest <= 1.5 : undefined),
    ],
    [
      'No main-thread task over 250 ms while expanding 500 nodes',
      r.render
        ? `longest ${ms(r.render.expand.longestTaskMs)} (${r.render.expand.nodesAdded} nodes added)`
        : '–',
      verdict(r.render ? r.render.expand.longestTaskMs <= 250 : undefined),
    ],
    [
      'Centrality and communities on 10,000 on-screen elements (issue 15): time, longest main-thread task',
      structureTarget(r),
      'reported',
    ],
    [
      'Warm start ≤ 1.2× bare Neo4j start',
      r.coldStart
        ? `${ratio(r.coldStart.ratio)} (${ms(r.coldStart.appMedianMs)} vs ${ms(r.coldStart.bareMedianMs)})${r.coldStart.npmStartRatio === undefined ? '' : `; \`npm start\` ${ratio(r.coldStart.npmStartRatio)} (${ms(r.coldStart.npmStartMedianMs)})`}`
        : '–',
      // Met only if the README's command meets it too.
      verdict(
        r.coldStart
          ? Math.max(r.coldStart.ratio, r.coldStart.npmStartRatio ?? 0) <= 1.2
          : undefined,
      ),
    ],
    [
      'First page ≤ 250 kB gzip (JS and CSS loaded before the first graph)',
      r.firstGraph
        ? `${(r.firstGraph.firstPage.totalGzipBytes / 1000).toFixed(1)} kB (${r.firstGraph.firstPage.files.length} files)`
        : '–',
      verdict(r.firstGraph?.firstPage.withinBudget),
    ],
    [
      'Navigation to first graph ≤ 1.5 s (story, POLE)',
      r.firstGraph?.rows
        .map((x) => `${x.dataset} ${ms(x.explorerP50Ms)} (${ratio(x.ratio)} bare Cytoscape)`)
        .join('; ') || '–',
      verdict(
        r.firstGraph?.rows.length
          ? r.firstGraph.rows.every((x) => x.explorerP50Ms <= 1500)
          : undefined,
      ),
    ],
    [
      'The story loads in ≤ 2 s on a first start',
      r.coldStart?.seedMs !== undefined
        ? `${ms(r.coldStart.seedMs)} (${r.coldStart.seedsMs && r.coldStart.seedsMs.length > 1 ? `median of ${r.coldStart.seedsMs.length} first starts, ` : ''}first start ${ms(r.coldStart.firstStartMs)} to /ready)${r.coldStart.noArchive ? `; on a fresh clone's very first start, before the class-data archive exists: ${ms(r.coldStart.noArchive.seedMs)} (${ms(r.coldStart.noArchive.firstStartMs)} to /ready)` : ''}`
        : '–',
      verdict(r.coldStart?.seedMs !== undefined ? r.coldStart.seedMs <= 2000 : undefined),
    ],
  ];
  return [
    '| Target | Measured (ratio) | |',
    '| --- | --- | --- |',
    ...rows.map((row) => `| ${row.join(' | ')} |`),
  ];
}

function apiSection(r: BenchResults): string[] {
  const a = r.api;
  if (!a) return ['Not run.'];
  const out = [
    `On the ${a.dataset} graph (${n.format(a.nodes)} nodes, ${n.format(a.relationships)} relationships). ${a.pinning}.`,
    `Latency: ${a.requestsPerImplC1} requests per implementation at concurrency 1 after a warm-up, all interleaved request by request; the HTTP ones from the same client (fetch). Throughput: ${a.secondsPerImplC16} s at concurrency 16 each (autocannon for the HTTP endpoints; 16 concurrent sessions for the raw driver). The floor is a bare node:http handler in the same server process: the statement Dossier sent, run with Dossier's driver and session settings, its records converted with Dossier's \`recordToRow\` and answered with \`JSON.stringify\`.`,
    '',
  ];
  for (const q of a.queries) {
    out.push(
      `**${q.name}** — ${q.description}. Dossier sent ${q.dossierStatements} statement(s) per request.`,
      '',
    );
    out.push(
      '| Implementation | p50 | p99 | req/s @16 | nodes / edges returned |',
      '| --- | ---: | ---: | ---: | ---: |',
    );
    for (const impl of ['dossier', 'floor', 'neo4jGraphql', 'raw'] as const) {
      const x = q.results[impl];
      if (!x) continue;
      out.push(
        `| ${IMPL_NAMES[impl]} | ${ms(x.latency.p50Ms)} | ${ms(x.latency.p99Ms)} | ${n.format(x.requestsPerSecond16)}${x.errors16 ? ` (${x.errors16} errors)` : ''} | ${x.nodes} / ${x.edges} |`,
      );
    }
    out.push(
      '',
      `Dossier p50 / floor p50 = **${ratio(q.p50VsFloor)}** (/ raw driver p50 ${ratio(q.p50VsRaw)}); Dossier req/s / @neo4j/graphql req/s = **${ratio(q.throughputVsNeo4jGraphql)}**.`,
      '',
    );
  }
  const w = a.write;
  if (w) {
    out.push(
      `**write** — ${w.description}. Dossier sent ${w.statements} statements per request in ${w.roundTrips ?? w.statements} round trips; the raw driver replays them the same way, in one explicit transaction whose BEGIN goes out with the first statement, statements Dossier sent together sent together (the two node ids and the UUIDs Dossier generated substituted).`,
      '',
      '| Implementation | p50 | p99 | req/s @16 |',
      '| --- | ---: | ---: | ---: |',
      ...(
        [
          ["Dossier's GraphQL `addRelationship`", w.dossier],
          ...(w.floor
            ? ([['Floor: same statements, bare node:http (`/write-floor`)', w.floor]] as const)
            : []),
          ['Same statements, raw neo4j-driver in the client', w.raw],
        ] as const
      ).map(
        ([name, x]) =>
          `| ${name} | ${ms(x.latency.p50Ms)} | ${ms(x.latency.p99Ms)} | ${n.format(x.requestsPerSecond16)}${x.errors16 ? ` (${x.errors16} errors)` : ''} |`,
      ),
      '',
      `Dossier p50 / raw p50 = **${ratio(w.p50VsRaw)}**${w.floorVsRaw === undefined ? '' : ` (the floor, the HTTP hop alone: ${ratio(w.floorVsRaw)})`}; Dossier req/s / raw req/s = ${ratio(w.throughputVsRaw)}.`,
      '',
    );
  }
  return out;
}

function importSection(r: BenchResults): string[] {
  if (r.imports.length === 0) return ['Not run.'];
  return [
    `Each data set loaded into an empty database with \`npm run import\`'s importer (${n.format(r.imports[0]?.batchSize ?? 0)} rows per transaction) and with the equivalent LOAD CSV script (the same uniqueness constraints, MERGE on importId, typed conversions in Cypher — while the importer CREATEs labels and types that were not in the database before, see the notes — \`CALL { … } IN TRANSACTIONS\` of the same size). Times include creating the constraints. POLE is loaded twice by each, in A B B A order, and each keeps its best run (all runs are in the JSON); the generated graphs once each, the order alternating between data sets.`,
    '',
    '| Data set | Rows | Dossier importer | LOAD CSV | Ratio | Same counts |',
    '| --- | ---: | ---: | ---: | ---: | --- |',
    ...r.imports.map(
      (i) =>
        `| ${i.dataset} | ${n.format(i.rows)} | ${n.format(i.dossier.rowsPerSecond)} rows/s (${(i.dossier.ms / 1000).toFixed(1)} s) | ${n.format(i.loadCsv.rowsPerSecond)} rows/s (${(i.loadCsv.ms / 1000).toFixed(1)} s) | ${ratio(i.ratio)} | ${i.sameCounts ? `yes (${n.format(i.dossier.nodes)} nodes, ${n.format(i.dossier.relationships)} relationships)` : `**no**: ${i.dossier.nodes}/${i.dossier.relationships} vs ${i.loadCsv.nodes}/${i.loadCsv.relationships}`} |`,
    ),
    '',
    'The 10k graph (12,000 rows) is too small to measure throughput: fixed costs (constraints, one statement per file and label group, query planning) dominate it, so it is shown but not judged.',
  ];
}

function firstGraphSection(r: BenchResults): string[] {
  const f = r.firstGraph;
  if (!f) return ['Not run.'];
  const kB = (b: number): string => `${(b / 1000).toFixed(1)} kB`;
  return [
    `What the explorer loads before it draws (the entry chunk and its static imports in dist/client's Vite manifest, gzip level 9; \`npx tsx scripts/first-page-size.ts\`): **${kB(f.firstPage.totalGzipBytes)}** (JavaScript ${kB(f.firstPage.jsGzipBytes)}, CSS ${kB(f.firstPage.cssGzipBytes)}; index.html ${kB(f.firstPage.htmlGzipBytes)} more). Loaded when first used: ${f.firstPage.lazy
      .slice(0, 6)
      .map((x) => `${x.file.replace(/^assets\//, '')} ${kB(x.gzipBytes)}`)
      .join(', ')}.`,
    '',
    `Navigation start to \`body[data-ready]\` (the first screen fetched, laid out and drawn) in headless Chromium, each run in a fresh browser context (empty cache), ${f.runs} runs after a discarded one, interleaved with a bare page that loads Cytoscape's bundle and draws the same elements at the same positions.`,
    '',
    '| Graph | First screen | Explorer p50 | Bare Cytoscape p50 | Ratio | Runs (explorer / bare) |',
    '| --- | --- | ---: | ---: | ---: | --- |',
    ...f.rows.map(
      (x) =>
        `| ${x.dataset} | ${x.nodes} nodes, ${x.edges} edges | ${ms(x.explorerP50Ms)} | ${ms(x.bareP50Ms)} | ${ratio(x.ratio)} | ${x.explorerMs.join(', ')} / ${x.bareMs.join(', ')} |`,
    ),
  ];
}

/** The structure row: each picture measured, with its time and longest main-thread task. */
function structureTarget(r: BenchResults): string {
  const runs = r.render?.structure ?? [];
  if (!runs.length) return '–';
  return runs
    .map(
      (x) =>
        `${n.format(x.nodes)} nodes + ${n.format(x.edges)} relationships: ${ms(x.ms)} (communities at ${ms(x.firstColoursMs)}), longest task ${ms(x.longestTaskMs)}${x.workerRuns ? ', in a worker' : ', on the main thread'}`,
    )
    .join('; ');
}

function renderSection(r: BenchResults): string[] {
  const x = r.render;
  if (!x) return ['Not run.'];
  type Stats = NonNullable<NonNullable<BenchResults['render']>['sizes'][number]['explorer']>;
  const row = (
    name: string,
    s: Stats | null,
    missing = `not measured (over ${PAGE_LIMIT}, or skipped)`,
  ): string =>
    s
      ? `| ${name} (${s.webgl ? 'WebGL' : 'canvas'}) | ${ms(s.ttffMs)} | ${ms(s.frameMeanMs)} | ${ms(s.frameP50Ms)} | ${ms(s.frameP95Ms)} | ${ms(s.frameMaxMs)} | ${s.heapMb === undefined || s.heapMb === null ? '–' : `${s.heapMb} MB`} |`
      : `| ${name} | ${missing} | | | | | |`;
  const out = [
    `${x.browser}, headless, 1280×800. Synthetic graphs of n nodes and about 1.5 n edges with fixed positions, handed to the explorer (\`explorer.add\`, the same call its expand and search use) and to a bare Cytoscape page (default options, labels on); then up to ${x.framesPerRun} animation frames of scripted pan and zoom (stopped early after ${x.maxRunMs / 1000} s)${x.target ? `; at ${x.target.nodes.toLocaleString('en-GB')} nodes, the target size, the canvas rows take ${x.target.frames} frames over the same zoom path instead (in and back out, whatever the frame count), with up to ${x.target.maxRunMs / 1000} s, so a slow page is not judged on fewer, different frames` : ''}. Frame time is the time between animation frames, so never below one 60 Hz vsync (16.7 ms).`,
    '',
    `Two browsers: one without WebGL (\`--disable-3d-apis\`), where the explorer draws with canvas, and one with WebGL on ${x.webglRenderer} — software rendering on the CPU, because this machine has no GPU. The explorer switches to Cytoscape's WebGL renderer by itself from 1,500 elements only where WebGL2 runs on a GPU: it reads the renderer's name (\`WEBGL_debug_renderer_info\`) and keeps canvas on SwiftShader, llvmpipe and other software rasterisers. The last row (measured at ${n.format(x.sizes[0]?.nodes ?? 0)} nodes only) shows the choice it made in the browser with software WebGL.`,
    '',
  ];
  for (const s of x.sizes) {
    out.push(`**${n.format(s.nodes)} nodes** (${n.format(s.bareCanvas?.edges ?? 0)} edges)`, '');
    out.push(
      '| Page | Time to first frame | Mean frame | p50 frame | p95 frame | Worst frame | JS heap |',
      '| --- | ---: | ---: | ---: | ---: | ---: | ---: |',
    );
    out.push(
      row('Explorer, no WebGL in the browser', s.explorer),
      row('Bare Cytoscape', s.bareCanvas),
      row('Bare Cytoscape, WebGL renderer', s.bareWebgl),
      row(
        'Explorer, software WebGL available',
        s.explorerWebglAvailable,
        'not measured at this size (see above)',
      ),
      ...(s.explorerWheel !== undefined && s.nodes >= 10_000
        ? [
            row('Explorer, zoomed with the mouse wheel', s.explorerWheel),
            row('Bare Cytoscape, zoomed with the mouse wheel', s.bareWheel ?? null),
          ]
        : []),
      '',
    );
  }
  out.push(
    '**Layouts** (explorer page, no animation, random start):',
    '',
    '| Layout | Nodes | Time |',
    '| --- | ---: | ---: |',
  );
  for (const l of x.layouts)
    out.push(
      `| ${l.name} | ${n.format(l.nodes)} | ${l.ms === null ? `over ${PAGE_LIMIT}` : ms(l.ms)} |`,
    );
  out.push(
    '',
    `**Expanding a hub into ${x.expand.nodesAdded} neighbours** in the explorer (fetch the neighbourhood from the server, add it next to the hub, incremental placement, three frames): ${ms(x.expand.ms)} in all; longest main-thread task ${ms(x.expand.longestTaskMs)} (${x.expand.longTasks} tasks over 50 ms).`,
  );
  if (x.structure?.length) {
    out.push(
      '',
      '**Centrality and communities** (the structure panel: colour by community and size by betweenness on a synthetic picture of twenty clusters, from the click until every measure is back and styled; graphology in a Web Worker):',
      '',
      '| Picture | Communities and PageRank | All measures | Longest main-thread task | Tasks over 50 ms | Longest task switching theme (same picture) |',
      '| --- | ---: | ---: | ---: | ---: | ---: |',
      ...x.structure.map(
        (s) =>
          `| ${n.format(s.nodes)} nodes + ${n.format(s.edges)} relationships | ${ms(s.firstColoursMs)} | ${ms(s.ms)} | ${ms(s.longestTaskMs)} | ${s.longTasks} | ${ms(s.themeSwitchLongestTaskMs)} |`,
      ),
    );
  }
  return out;
}

/** "median (runs a, b, c)", or the one value of a result written before runs were kept. */
function runsText(runs: readonly number[] | undefined, median: number | undefined): string {
  if (runs === undefined || runs.length < 2) return ms(median);
  return `median ${ms(median)} (runs ${runs.map((x) => ms(x)).join(', ')})`;
}

function coldSection(r: BenchResults): string[] {
  const c = r.coldStart;
  if (!c) return ['Not run.'];
  return [
    `\`${c.command}\` (what \`npm start\` runs after its checks) with its own local Neo4j on a data directory that already holds the story graph, from spawn until \`/ready\` answers 200; against \`startLocalNeo4j\` alone on the same directory until Bolt answers. ${c.appToReadyMs.length} runs each, alternated.`,
    '',
    '| | Runs | Median |',
    '| --- | --- | ---: |',
    `| Dossier to /ready | ${c.appToReadyMs.map((x) => ms(x)).join(', ')} | ${ms(c.appMedianMs)} |`,
    `| Bare local Neo4j | ${c.bareNeo4jMs.map((x) => ms(x)).join(', ')} | ${ms(c.bareMedianMs)} |`,
    ...(c.npmStartMs === undefined
      ? []
      : [
          `| \`npm start\` to /ready (build current) | ${c.npmStartMs.map((x) => ms(x)).join(', ')} | ${ms(c.npmStartMedianMs)} |`,
        ]),
    ...(c.firstStartMs === undefined
      ? []
      : [
          '',
          `First start on an empty data directory (Neo4j creates its store, Dossier loads the story), spawn to \`/ready\`: ${runsText(c.firstStartsMs, c.firstStartMs)}; loading the story within it (constraints, the seed transaction; from the app's log timestamps): ${runsText(c.seedsMs, c.seedMs)}.${c.noArchive ? ` Before those, one first start with no class-data archive, as a fresh clone's very first \`npm start\` runs (its stop writes the archive the others map; jars already fetched): ${ms(c.noArchive.firstStartMs)} to \`/ready\`, the story ${ms(c.noArchive.seedMs)}.` : ''}`,
        ]),
  ];
}

export async function writeReport(r: BenchResults, file: string): Promise<void> {
  const m = r.machine;
  const notesFile = fromRoot('bench', 'notes.md');
  const notes = existsSync(notesFile) ? readFileSync(notesFile, 'utf8').trim() : '';
  const lines = [
    '# Benchmarks',
    '',
    `Written by \`npm run bench -- --sizes ${r.sizes.join(',')}\` on ${r.startedAt.slice(0, 16).replace('T', ' ')} UTC; the run took ${Math.round(r.durationS / 60)} min. Every comparison below was measured in this one run, on the same database and machine; the raw numbers are in \`bench/results/\` (not committed). Ratios are the headline; absolute times are context, and this machine is small and shared.`,
    '',
    '## Targets',
    '',
    ...targets(r),
    '',
    ...(r.notes.length > 0 ? [...r.notes.map((x) => `- ${x}`), ''] : []),
    '## Machine',
    '',
    `- CPU: ${m.cpuModel}, \`nproc\` = ${m.nproc}`,
    `- Memory: ${m.memoryGiB} GiB; ${m.os}`,
    `- Node ${m.node}; ${m.java}; Neo4j ${r.neo4jVersion} (the local Neo4j Dossier runs, 1 GiB heap, 256 MiB page cache, Dossier's neo4j.conf)`,
    `- Load average (1 min) when the run started: ${m.loadAverageAtStart} on ${m.nproc} cores (the machine is shared with other work)`,
    '',
    '## 1. Neighbourhood and search: Dossier vs raw driver vs @neo4j/graphql',
    '',
    ...apiSection(r),
    '',
    "## 2. Import: Dossier's importer vs LOAD CSV",
    '',
    ...importSection(r),
    '',
    '## 3. Rendering in headless Chromium',
    '',
    ...renderSection(r),
    '',
    '## 3b. First page: bytes and time to the first graph',
    '',
    ...firstGraphSection(r),
    '',
    '## 4. Cold start',
    '',
    ...coldSection(r),
    '',
    '## Generated graphs',
    '',
    '`npm run generate -- --relationships N --seed 42`: people, organisations and addresses (nodes ≈ N/5), Zipf-like endpoints so a few hubs collect most relationships.',
    '',
    '| Size | Nodes | Relationships | Biggest hubs (degree) | Median node degree |',
    '| --- | ---: | ---: | --- | ---: |',
    ...Object.entries(r.graphs).map(
      ([size, g]) =>
        `| ${size} | ${n.format(Object.values(g.nodes).reduce((a, b) => a + b, 0))} | ${n.format(Object.values(g.relationships).reduce((a, b) => a + b, 0))} | ${g.hubs
          .slice(0, 3)
          .map((h) => `${h.name} ${n.format(h.degree)}`)
          .join(', ')} | ${g.median.degree} |`,
    ),
    '',
    ...(notes ? [notes, ''] : []),
  ];
  // Formatted as `npm run check` expects (prettier --check covers the whole repository).
  const options = (await resolveConfig(file)) ?? {};
  writeFileSync(file, await format(lines.join('\n'), { ...options, parser: 'markdown' }));
}
