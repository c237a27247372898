import './styles/app.css';
import { explorerActions } from './app/actions.js';
import { installDevHandle } from './app/dev-handle.js';
import { mountSources } from './sources/mount-sources.js';
import { mountStructure } from './structure/mount-structure.js';
import { startRoles } from './authoring/roles.js';
import { savedViewFromPath } from './cases/case-route.js';
import { mountPanels } from './app/panels.js';
import { bindCanvas } from './app/canvas-events.js';
import { openSaved, share } from './app/open-view.js';
import { loadSchema } from './app/schema-loader.js';
import { showFatal, updateStatus } from './app/status-line.js';
import { bindToolbar } from './app/toolbar.js';
import type { ExplorerContext } from './graph/connect.js';
import { Explorer } from './graph/explorer.js';
import { mountHiddenList } from './panels/hidden-list.js';
import { mountSearchBox } from './panels/search-box.js';
import { settlePositions } from './state/commands/move-nodes.js';
import { nextLayout, setLayout } from './state/commands/set-layout.js';
import { setQuery } from './state/commands/set-query.js';
import { GraphCache } from './state/graph-cache.js';
import { Store } from './state/store.js';
import { savedFromHash } from './state/url-state.js';
import { emptyView, type View } from './state/view.js';
import { byId } from './ui/dom.js';
import { explorerShortcuts } from './ui/explorer-shortcuts.js';
import { installShortcuts } from './ui/shortcuts.js';
import { errorMessage } from './ui/toast.js';

// The one View, its store, the data of the elements it names, and the layer that draws it.
const saved = savedFromHash(location.hash);
const storedTheme = localStorage.getItem('dossier.theme');
const store = new Store({ ...emptyView(), theme: storedTheme === 'dark' ? 'dark' : 'light' });
const cache = new GraphCache();
const explorer = new Explorer(byId('cy'), cache);
const ctx: ExplorerContext = { store, cache, explorer };
const actions = explorerActions(ctx);

const { paths, disagreements, schemaPanel, consolePanel, showSelection, onSchema, loadTimeline } =
  mountPanels(ctx, actions);

/** After every change: draw it, then what follows from it (a layout to run, panels to refresh). */
async function onChange(next: View, prev: View, command: unknown): Promise<void> {
  await explorer.draw(next);
  if (command === setLayout || command === nextLayout) {
    await explorer.layout();
    store.dispatch(settlePositions, explorer.positions());
  }
  if (next.theme !== prev.theme) {
    localStorage.setItem('dossier.theme', next.theme);
    schemaPanel.retheme();
    consolePanel.retheme(next.theme);
  }
  if (next.disagreements !== prev.disagreements) {
    if (next.disagreements) void disagreements.open();
    else disagreements.active = false;
  }
  if (next.selected !== prev.selected || next.disagreements !== prev.disagreements) showSelection();
  updateStatus(ctx, () => void actions.firstScreen());
}
store.subscribe((next, prev, command) => void onChange(next, prev, command));
// A simplified picture is re-planned after a pan or zoom without a command: refresh its counts.
explorer.onReplanned(() => updateStatus(ctx, () => void actions.firstScreen()));

function openPathFinder(): void {
  const nodes = store.view.selected.filter((id) => store.view.nodes[id]);
  paths.open(nodes[0] ?? null, nodes[1] ?? null);
}

function toggleConsole(): void {
  const box = byId('console');
  box.hidden = !box.hidden;
  byId('btn-console').setAttribute('aria-pressed', String(!box.hidden));
  explorer.cy.resize();
  // The console's code loads the first time it opens; the shortcut and the button both wait for it.
  if (!box.hidden) void consolePanel.open();
}

function shareView(): void {
  store.dispatch(setQuery, consolePanel.query());
  void share(ctx);
}

async function start(): Promise<void> {
  bindCanvas(ctx, actions, paths);
  bindToolbar(ctx, { openPathFinder, toggleConsole, share: shareView });
  mountHiddenList(store, cache);
  const search = mountSearchBox((hit) => void actions.openHit(hit));
  const { showHelp } = installShortcuts(
    explorerShortcuts({
      store,
      focusSearch: () => search.focus(),
      expand: (id) => void actions.expand(id),
      openPathFinder,
      closePathFinder: () => (paths.active ? (paths.close(), true) : false),
      toggleConsole,
      fit: () => explorer.fit(),
      share: shareView,
      showHelp: () => showHelp(),
    }),
  );
  byId('btn-help').addEventListener('click', showHelp);
  await explorer.draw(store.view);
  showSelection();
  try {
    // A link's view, else a saved case's short link /c/<slug>, else the first screen.
    const opened = saved ?? (await savedViewFromPath(location.pathname));
    if (opened) {
      await openSaved(ctx, opened);
      if (opened.view.query) consolePanel.setQuery(opened.view.query);
    } else await actions.firstScreen();
    store.forgetHistory();
    await explorer.idle();
    void loadTimeline();
    if (explorer.cy.elements().empty() && !opened) {
      showFatal(
        'The graph is empty',
        'Load the story with `npm run seed`, or import your own data, then reload this page.',
      );
    }
    updateStatus(ctx, () => void actions.firstScreen());
    document.body.dataset['ready'] = 'true';
  } catch (e) {
    showFatal(
      'Dossier cannot read the graph',
      `${errorMessage(e)} — check that the server and Neo4j are running, then try again.`,
    );
    document.body.dataset['ready'] = 'error';
  }
  // What the first picture does not need comes after it: the schema overview (legend, filters,
  // meta-graph), which the server would otherwise compute beside the first screen, and who is
  // signed in (an editor's page then loads the editing layer). A slow or failing overview must
  // not keep the user from the graph.
  void loadSchema(ctx, schemaPanel, onSchema);
  void startRoles(ctx, showSelection);
}

installDevHandle(ctx);
mountSources(ctx);
mountStructure(ctx);

void start();
