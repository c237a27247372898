import type { SchemaOverview } from '../api/graph-api.js';
import { mountEvidenceSection } from '../evidence/evidence-section.js';
import { mountPropertyFilterSection } from '../filters/property-filter-section.js';
import type { ExplorerContext } from '../graph/connect.js';
import { timeProperties } from '../graph/explorer-window.js';
import { DetailsPanel } from '../panels/details-panel.js';
import { DisagreementsPanel } from '../panels/disagreements-panel.js';
import { PathFinder } from '../panels/path-finder.js';
import { SchemaPanel } from '../panels/schema-panel.js';
import { hide } from '../state/commands/hide.js';
import { selectNeighbours } from '../state/commands/select.js';
import { toggleDisagreements } from '../state/commands/toggle-disagreements.js';
import { togglePin } from '../state/commands/toggle-pin.js';
import { byId } from '../ui/dom.js';
import type { ExplorerActions } from './actions.js';
import { lazyConsole } from './lazy-console.js';

/**
 * The panels around the canvas, each reading the View and dispatching commands or actions: the
 * inspector (details, paths, disagreements), the left column (schema), the timeline and the console.
 */
export function mountPanels(ctx: ExplorerContext, actions: ExplorerActions) {
  const { store, explorer } = ctx;
  const inspector = byId('inspector');
  let hasSources = true;
  const details = new DetailsPanel(inspector, {
    expand: (id, o) => void actions.expand(id, o),
    collapse: (id) => actions.collapse(id),
    hide: (id) => void store.dispatch(hide, [id]),
    pin: (id) => void store.dispatch(togglePin, [id]),
    selectNeighbours: (id) => void store.dispatch(selectNeighbours, [id]),
    pathFrom: (id) => paths.open(id),
    focus: (id) => actions.focus(id),
  });
  const paths = new PathFinder(inspector, ctx, () => showSelection());
  const disagreements = new DisagreementsPanel(inspector, ctx, {
    focus: (id) => actions.focus(id),
    close: () => store.view.disagreements && void store.dispatch(toggleDisagreements, undefined),
    showDisputed: () =>
      !store.view.disagreements && void store.dispatch(toggleDisagreements, undefined),
  });
  const schemaPanel = new SchemaPanel(ctx, { addLabel: (label) => void actions.addLabel(label) });
  mountPropertyFilterSection(ctx);
  mountEvidenceSection(ctx);
  // The timeline (issue 15) is loaded after the first graph is drawn, off the first page's bundle.
  let timeProps: string[] = [];
  let timeline: { setProperties(p: readonly string[]): void } | null = null;
  const loadTimeline = async (): Promise<void> => {
    if (timeline) return;
    const { mountTimeline } = await import('../timeline/timeline-panel.js');
    timeline ??= mountTimeline(byId('timeline'), ctx);
    timeline.setProperties(timeProps);
  };
  const consolePanel = lazyConsole(byId('console'), ctx);

  /** The inspector shows the last selected element, unless paths or disagreements hold it. */
  const showSelection = (): void => {
    if (paths.active || disagreements.active) return;
    const last = explorer.cy.getElementById(store.view.selected.at(-1) ?? '');
    // A group node or a counted edge between groups is not in the database: nothing to detail.
    if (last.empty() || last.hasClass('group') || last.hasClass('group-edge')) {
      details.showHint(hasSources);
    } else if (last.isNode()) details.showNode(last);
    else details.showEdge(last as never);
  };

  /** What the schema overview tells the panels: completion, date properties, whether facts cite. */
  const onSchema = (schema: SchemaOverview): void => {
    consolePanel.setSchema(schema);
    timeProps = timeProperties([...schema.labels, ...schema.relationshipTypes]);
    timeline?.setProperties(timeProps);
    hasSources = schema.propertyKeys.includes('sources');
    showSelection();
  };

  return {
    paths,
    disagreements,
    schemaPanel,
    consolePanel,
    showSelection,
    onSchema,
    loadTimeline,
  };
}
