import './styles/app.css';
import type { NodeSingular } from 'cytoscape';
import {
  fetchCentralSubgraph,
  fetchNeighbourhood,
  fetchNodesByLabel,
  fetchSchema,
  fetchSubgraph,
  type SearchHit,
} from './api/graph-api.js';
import { Explorer } from './graph/explorer.js';
import { LAYOUT_LABELS } from './graph/layouts.js';
import type { Direction } from './generated/graphql.js';
import { mountContextMenu } from './panels/context-menu.js';
import { DetailsPanel } from './panels/details-panel.js';
import { PathFinder } from './panels/path-finder.js';
import { SchemaPanel } from './panels/schema-panel.js';
import { schemaFromScreen } from './panels/schema-from-screen.js';
import { mountSearchBox } from './panels/search-box.js';
import { TimeFilter } from './panels/time-filter.js';
import { shareUrl, viewFromHash } from './state/url-state.js';
import { LAYOUT_NAMES, type LayoutName, type ViewState } from './state/view-state.js';
import { busy } from './ui/busy.js';
import { byId, copyText, fmt, h } from './ui/dom.js';
import { installShortcuts } from './ui/shortcuts.js';
import { explorerShortcuts } from './ui/explorer-shortcuts.js';
import { mountExportMenu } from './ui/export-menu.js';
import { errorMessage, toast } from './ui/toast.js';
import { mountConsole, type ConsoleHandle } from './console/console-panel.js';
import { DisagreementsPanel } from './panels/disagreements-panel.js';

/** How many central entities the first screen shows. */
const FIRST_SCREEN_NODES = 30;
/** "Load more" adds this many relationships per click. */
const PAGE = 100;

const explorer = new Explorer(byId('cy'));
const inspector = byId('inspector');
const details = new DetailsPanel(inspector, {
  expand: (id, o) => void expand(id, o),
  collapse: (id) => collapse(id),
  hide: (id) => explorer.hide(explorer.cy.getElementById(id)),
  pin: (id) => explorer.togglePin(explorer.cy.getElementById(id)),
  selectNeighbours: (id) =>
    explorer.selectNeighbours(explorer.cy.getElementById(id) as NodeSingular),
  pathFrom: (id) => paths.open(id),
  focus: (id) => focusNode(id),
});
const paths = new PathFinder(inspector, explorer, () => showSelection());
const disagreements = new DisagreementsPanel(inspector, explorer, {
  focus: (id) => focusNode(id),
  close: () => setDisagreements(false),
});
const schemaPanel = new SchemaPanel(explorer, { addLabel: (label) => void addLabel(label) });
const timeFilter = new TimeFilter(explorer);
let consolePanel: ConsoleHandle | undefined;
/** The last expansion that did not show everything: "showing 100 of N — load more". */
let capped: {
  id: string;
  shown: number;
  total: number;
  types?: string[];
  direction?: Direction;
} | null = null;

// --- actions ---------------------------------------------------------------------------------

async function expand(
  id: string,
  options: { types?: string[]; direction?: Direction; limit?: number } = {},
): Promise<void> {
  const node = explorer.cy.getElementById(id);
  const caption = node.nonempty() ? String(node.data('caption')) : 'node';
  try {
    const result = await busy(`Expanding ${caption}…`, async () => {
      const around = await fetchNeighbourhood([id], { ...options, limit: options.limit ?? PAGE });
      // Then every relationship among the new nodes and those on screen, as Neo4j Browser's
      // "connect result nodes" does: the picture is the same one a shared link reopens.
      const ids = new Set([
        ...explorer.cy.nodes().map((n) => n.id()),
        ...around.subgraph.nodes.map((n) => n.id),
      ]);
      const { subgraph } = await fetchSubgraph([...ids]);
      return { subgraph, expansions: around.expansions };
    });
    explorer.checkpoint();
    const added = await explorer.add(result.subgraph, { kind: 'near', near: id });
    const exp = result.expansions.find((x) => x.id === id);
    capped =
      exp && exp.shown < exp.total ? { id, shown: exp.shown, total: exp.total, ...options } : null;
    renderCapNotice(caption);
    if (added.empty() && !capped)
      toast(
        `${caption}: every neighbour${options.types ? ` (${options.types.join(', ')})` : ''} is already on screen.`,
      );
  } catch (e) {
    toast(`Could not expand ${caption}: ${errorMessage(e)}`, 'error');
  }
}

function renderCapNotice(caption: string): void {
  const box = byId('cap-notice');
  if (!capped) {
    box.hidden = true;
    return;
  }
  const c = capped;
  box.replaceChildren(
    h(
      'span',
      { 'data-testid': 'cap-text' },
      `${caption}: showing ${fmt(c.shown)} of ${fmt(c.total)} relationships`,
    ),
    h(
      'button',
      {
        type: 'button',
        class: 'primary',
        onclick: () =>
          void expand(c.id, {
            types: c.types,
            direction: c.direction,
            limit: Math.min(1000, c.shown + PAGE),
          }),
      },
      'Load more',
    ),
    h(
      'button',
      {
        type: 'button',
        'aria-label': 'Dismiss',
        onclick: () => ((capped = null), (box.hidden = true)),
      },
      '×',
    ),
  );
  box.hidden = false;
}

function collapse(id: string): void {
  const n = explorer.cy.getElementById(id) as NodeSingular;
  const removed = explorer.collapse(n);
  toast(
    removed
      ? `Collapsed ${removed} neighbour${removed === 1 ? '' : 's'}.`
      : 'No neighbour hangs only off this node.',
  );
}

async function addLabel(label: string): Promise<void> {
  try {
    const { ids, total } = await busy(`Adding ${label} nodes…`, () => fetchNodesByLabel(label, 50));
    const onScreen = explorer.cy.nodes().map((n) => n.id());
    const { subgraph } = await fetchSubgraph([...new Set([...onScreen, ...ids])]);
    explorer.checkpoint();
    await explorer.add(subgraph, { kind: 'layout' });
    if (total > ids.length) toast(`Added ${ids.length} of ${fmt(total)} ${label} nodes.`);
  } catch (e) {
    toast(`Could not add ${label} nodes: ${errorMessage(e)}`, 'error');
  }
}

async function openHit(hit: SearchHit): Promise<void> {
  if (explorer.cy.getElementById(hit.node.id).empty()) {
    const onScreen = explorer.cy.nodes().map((n) => n.id());
    try {
      const { subgraph } = await busy(`Opening ${hit.node.caption}…`, () =>
        fetchSubgraph([...onScreen, hit.node.id]),
      );
      explorer.checkpoint();
      await explorer.add(subgraph, { kind: 'near', near: onScreen[0] ?? hit.node.id });
    } catch (e) {
      toast(`Could not open ${hit.node.caption}: ${errorMessage(e)}`, 'error');
      return;
    }
  }
  focusNode(hit.node.id);
}

function focusNode(id: string): void {
  const n = explorer.cy.getElementById(id);
  if (n.empty()) return;
  explorer.cy.$(':selected').unselect();
  n.select();
  n.addClass('search-hit');
  setTimeout(() => n.removeClass('search-hit'), 2500);
  explorer.cy.animate(
    { center: { eles: n }, zoom: Math.max(explorer.cy.zoom(), 1) },
    { duration: 300 },
  );
}

function showSelection(): void {
  if (paths.active || disagreements.active) return;
  const sel = explorer.cy.$(':selected');
  const last = sel.last();
  if (last.empty()) details.showHint();
  else if (last.isNode()) details.showNode(last);
  else details.showEdge(last as never);
}

function setDisagreements(on: boolean): void {
  explorer.setDisagreements(on);
  byId('btn-disagreements').setAttribute('aria-pressed', String(on));
  if (on) void disagreements.open();
  else {
    disagreements.active = false;
    showSelection();
  }
}

function setTheme(theme: 'light' | 'dark'): void {
  document.documentElement.dataset['theme'] = theme;
  explorer.setTheme(theme);
  schemaPanel.retheme();
  consolePanel?.retheme(theme);
  localStorage.setItem('dossier.theme', theme);
}

function currentQuery(): string {
  return consolePanel?.query() ?? '';
}

async function share(): Promise<void> {
  const url = shareUrl(location.href, explorer.captureView(currentQuery()));
  history.replaceState(null, '', url);
  await copyText(url);
  toast(
    `Link copied (${fmt(url.length)} characters): it reopens this view — elements, positions, filters, query.`,
  );
}

function updateStatus(): void {
  const cy = explorer.cy;
  const shown = explorer.visible();
  const filtered = cy.elements().length - shown.length;
  byId('status').textContent =
    `${fmt(shown.nodes().length)} nodes · ${fmt(shown.edges().length)} relationships` +
    (filtered ? ` · ${fmt(filtered)} filtered` : '') +
    (explorer.usingWebgl ? ' · WebGL' : '');
  (byId('btn-undo') as HTMLButtonElement).disabled = !explorer.canUndo;
  (byId('btn-redo') as HTMLButtonElement).disabled = !explorer.canRedo;
  const empty = byId('empty-state');
  if (cy.elements().empty() && !empty.querySelector('.error')) {
    empty.replaceChildren(
      h(
        'div',
        { class: 'box' },
        h('h3', {}, 'Nothing on the canvas'),
        h(
          'p',
          {},
          'Search for an entity above, click a label on the left to add its nodes, or run a Cypher query.',
        ),
        h(
          'button',
          { type: 'button', class: 'primary', onclick: () => void firstScreen() },
          'Show the central entities',
        ),
      ),
    );
    empty.hidden = false;
  } else if (!cy.elements().empty()) empty.hidden = true;
}

function showFatal(title: string, message: string): void {
  const empty = byId('empty-state');
  empty.replaceChildren(
    h(
      'div',
      { class: 'box error', role: 'alert' },
      h('h3', {}, title),
      h('p', {}, message),
      h(
        'button',
        { type: 'button', class: 'primary', onclick: () => location.reload() },
        'Try again',
      ),
    ),
  );
  empty.hidden = false;
}

// --- start -----------------------------------------------------------------------------------

async function firstScreen(): Promise<void> {
  const sub = await busy('Loading the central entities…', () =>
    fetchCentralSubgraph(FIRST_SCREEN_NODES),
  );
  await explorer.add(sub, { kind: 'layout' });
}

async function restoreView(view: ViewState): Promise<void> {
  explorer.applySettings(view);
  document.documentElement.dataset['theme'] = view.theme;
  syncToggles();
  const { subgraph, missing } = await busy('Reopening the shared view…', () =>
    fetchSubgraph(view.nodes.map((n) => n.id)),
  );
  const positions = new Map(view.nodes.map((n) => [n.id, { x: n.x, y: n.y }] as const));
  await explorer.add(subgraph, { kind: 'positions', positions });
  for (const n of view.nodes)
    if (n.pinned) explorer.cy.getElementById(n.id).lock().addClass('pinned');
  explorer.applyFilters();
  if (view.zoom !== null && view.pan) explorer.cy.viewport({ zoom: view.zoom, pan: view.pan });
  else explorer.cy.fit(undefined, 40);
  if (view.selected) explorer.cy.getElementById(view.selected).select();
  if (view.query) consolePanel?.setQuery(view.query);
  timeFilter.render(true);
  if (view.disagreements) setDisagreements(true);
  explorer.changed();
  if (missing.length)
    toast(`${missing.length} node(s) of this view are no longer in the graph.`, 'error');
}

function syncToggles(): void {
  byId('btn-edge-labels').setAttribute('aria-pressed', String(explorer.settings.edgeLabels));
  (byId('layout-select') as HTMLSelectElement).value = explorer.settings.layout;
}

function bindCanvas(): void {
  explorer.onCy((cy) => {
    cy.on('select unselect', () => showSelection());
    cy.on('tap', 'node', (e) => {
      if (paths.active) paths.pick(e.target as NodeSingular);
    });
    cy.on('dbltap', 'node', (e) => void expand((e.target as NodeSingular).id()));
    cy.on('free', 'node', () => explorer.changed());
  });
  mountContextMenu((fn) => explorer.onCy(fn), {
    expand: (id, o) => void expand(id, o),
    collapse,
    hide: (ids) => explorer.hide(explorer.byIds(ids)),
    pin: (ids) => explorer.togglePin(explorer.byIds(ids)),
    selectNeighbours: (id) =>
      explorer.selectNeighbours(explorer.cy.getElementById(id) as NodeSingular),
    pathFrom: (id) => paths.open(id),
    pathTo: (id) => paths.open(null, id),
    fit: () => explorer.cy.animate({ fit: { eles: explorer.cy.elements(), padding: 40 } }),
    relayout: () => void explorer.relayout(),
  });
  explorer.onChange(updateStatus);
}

function bindToolbar(): void {
  const layout = byId<HTMLSelectElement>('layout-select');
  layout.replaceChildren(...LAYOUT_NAMES.map((n) => h('option', { value: n }, LAYOUT_LABELS[n])));
  layout.addEventListener('change', () => void explorer.relayout(layout.value as LayoutName));
  byId('btn-relayout').addEventListener('click', () => void explorer.relayout());
  byId('btn-path').addEventListener('click', () => openPathFinder());
  byId('btn-disagreements').addEventListener('click', () =>
    setDisagreements(!explorer.settings.disagreements),
  );
  byId('btn-console').addEventListener('click', () => toggleConsole());
  byId('btn-share').addEventListener('click', () => void share());
  byId('btn-theme').addEventListener('click', () =>
    setTheme(explorer.settings.theme === 'dark' ? 'light' : 'dark'),
  );
  byId('btn-undo').addEventListener('click', () => explorer.undo());
  byId('btn-redo').addEventListener('click', () => explorer.redo());
  byId('btn-fit').addEventListener('click', () =>
    explorer.cy.animate({ fit: { eles: explorer.cy.elements(), padding: 40 } }),
  );
  byId('btn-clear').addEventListener('click', () => explorer.clear());
  byId('btn-edge-labels').addEventListener('click', () => {
    explorer.setEdgeLabels(!explorer.settings.edgeLabels);
    syncToggles();
  });
  mountExportMenu(explorer);
}

function openPathFinder(): void {
  const sel = explorer.cy.$('node:selected');
  paths.open(sel[0]?.id() ?? null, sel[1]?.id() ?? null);
}

function toggleConsole(force?: boolean): void {
  const box = byId('console');
  const open = force ?? box.hidden;
  box.hidden = !open;
  byId('btn-console').setAttribute('aria-pressed', String(open));
  explorer.cy.resize();
  if (open) consolePanel?.focus();
}

function bindShortcuts(search: { focus: () => void }): void {
  const { showHelp } = installShortcuts(
    explorerShortcuts({
      explorer,
      focusSearch: () => search.focus(),
      expand: (id) => void expand(id),
      openPathFinder,
      closePathFinder: () => (paths.active ? (paths.close(), true) : false),
      toggleDisagreements: () => setDisagreements(!explorer.settings.disagreements),
      toggleConsole: () => toggleConsole(),
      share: () => void share(),
      showHelp: () => showHelp(),
    }),
  );
  byId('btn-help').addEventListener('click', showHelp);
}

async function start(): Promise<void> {
  bindCanvas();
  bindToolbar();
  const search = mountSearchBox((hit) => void openHit(hit));
  bindShortcuts(search);
  details.showHint();
  consolePanel = mountConsole(byId('console'), explorer, { onResult: () => undefined });
  const saved = localStorage.getItem('dossier.theme');
  const view = viewFromHash(location.hash);
  if (!view && (saved === 'dark' || saved === 'light')) setTheme(saved);
  syncToggles();
  // The schema overview and the first picture load side by side: a slow or failing overview
  // must not keep the user from the graph.
  void loadSchema();
  try {
    if (view) await restoreView(view);
    else await firstScreen();
    if (explorer.cy.elements().empty() && !view) {
      showFatal(
        'The graph is empty',
        'Load the story with `npm run seed`, or import your own data, then reload this page.',
      );
    }
    updateStatus();
    document.body.dataset['ready'] = 'true';
  } catch (e) {
    showFatal(
      'Dossier cannot read the graph',
      `${errorMessage(e)} — check that the server and Neo4j are running, then try again.`,
    );
    document.body.dataset['ready'] = 'error';
  }
}

/** Tries the schema overview a few times before showing the error (a busy server recovers). */
async function loadSchema(attempt = 1): Promise<void> {
  const totals = byId('overview-totals');
  totals.textContent = attempt > 1 ? `loading… (try ${attempt})` : 'loading…';
  try {
    const schema = await fetchSchema();
    explorer.labelPriority = schema.labels.map((l) => l.name);
    schemaPanel.render(schema);
    consolePanel?.setSchema(schema);
    explorer.changed();
  } catch (e) {
    if (attempt < 3) {
      setTimeout(() => void loadSchema(attempt + 1), 2000 * attempt);
      return;
    }
    // Keep the legend and filters working from what is on screen.
    const cy = explorer.cy;
    schemaPanel.render(
      schemaFromScreen(
        cy.nodes().map((n) => ({ id: n.id(), labels: n.data('labels') as string[] })),
        cy.edges().map((e) => ({
          source: e.data('source') as string,
          target: e.data('target') as string,
          type: e.data('type') as string,
        })),
      ),
    );
    totals.replaceChildren(
      h(
        'button',
        {
          type: 'button',
          class: 'link-button',
          title: `The server's schema overview could not be read (${errorMessage(e)}). Counts are of what is on screen. Click to try again.`,
          onclick: () => void loadSchema(),
        },
        'on screen only · retry',
      ),
    );
  }
}

/** A handle for the browser console and the end-to-end tests: the live Cytoscape instance. */
declare global {
  interface Window {
    dossier: { cy: () => Explorer['cy']; explorer: Explorer };
  }
}
window.dossier = { cy: () => explorer.cy, explorer };

void start();
