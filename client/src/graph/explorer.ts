import type {
  CollectionReturnValue,
  Core,
  ElementDefinition,
  NodeCollection,
  NodeSingular,
  Position,
  StylesheetJson,
} from 'cytoscape';
import { buildStylesheet, type Theme } from '../style/style-rules.js';
import { UndoStack } from '../state/undo-stack.js';
import type { LayoutName, ViewState } from '../state/view-state.js';
import { emptyViewState } from '../state/view-state.js';
import { createCy, renderProfile, type RenderProfile } from './cy-factory.js';
import { batchElements, EXPAND_BATCH_NODES, inBatches, nextFrame } from './add-in-batches.js';
import { DISC_ABOVE, discBeside, placeIncrementally, ringAround, runLayout } from './layouts.js';
import type { Subgraph } from './model.js';
import { toElements } from './to-elements.js';
import { inWindow } from './explorer-window.js';

/** What undo/redo restore: the elements (with positions, classes, locks) and the viewport. */
interface Snapshot {
  readonly elements: ElementDefinition[];
  readonly zoom: number;
  readonly pan: Position;
}

/** Settings of the view that are not elements. */
export interface ViewSettings {
  theme: Theme;
  edgeLabels: boolean;
  layout: LayoutName;
  hiddenLabels: Set<string>;
  hiddenTypes: Set<string>;
  time: { from: string; to: string } | null;
  disagreements: boolean;
}

export type AddPlacement =
  /** Lay out everything anew (first screen, Cypher results). */
  | { kind: 'layout' }
  /** Put new nodes around `near` and relax them with the rest fixed (expand). */
  | { kind: 'near'; near: string }
  /** Use the given positions (restoring a shared view). */
  | { kind: 'positions'; positions: ReadonlyMap<string, Position> };

/**
 * Owns the Cytoscape instance and every change to what is on screen: adding subgraphs, hiding,
 * pinning, filters, the time window, the disagreements view, themes, layouts, undo and redo.
 * Panels call it and listen for changes; it knows nothing of the DOM around the canvas.
 */
export class Explorer {
  cy: Core;
  readonly settings: ViewSettings = {
    theme: 'light',
    edgeLabels: true,
    layout: 'fcose',
    hiddenLabels: new Set(),
    hiddenTypes: new Set(),
    time: null,
    disagreements: false,
  };
  /** Labels in priority order (the schema's, most frequent first): styles key on the first one a node has. */
  labelPriority: string[] = [];
  /** Relationships the user hid one by one: kept out of later expansions and saved in links. */
  readonly hiddenEdgeIds = new Set<string>();
  private readonly history = new UndoStack<Snapshot>(60);
  private readonly listeners = new Set<() => void>();
  private readonly cyListeners: ((cy: Core) => void)[] = [];

  constructor(private readonly container: HTMLElement) {
    this.cy = this.create([], 0);
  }

  /** Called after every change of elements or settings (panels refresh from it). */
  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Called with each new Cytoscape instance (the first, and after a renderer switch), to bind events. */
  onCy(bind: (cy: Core) => void): void {
    this.cyListeners.push(bind);
    bind(this.cy);
  }

  changed(): void {
    for (const l of this.listeners) l();
  }

  /** Records the current state for undo; call before a change. */
  checkpoint(): void {
    this.history.push(this.snapshot());
  }

  undo(): boolean {
    const s = this.history.undo(this.snapshot());
    if (!s) return false;
    this.restore(s);
    return true;
  }

  redo(): boolean {
    const s = this.history.redo(this.snapshot());
    if (!s) return false;
    this.restore(s);
    return true;
  }

  get canUndo(): boolean {
    return this.history.canUndo;
  }

  get canRedo(): boolean {
    return this.history.canRedo;
  }

  /**
   * Adds a subgraph (nodes already on screen are kept as they are) and places the new nodes.
   * Returns the nodes that were new.
   */
  async add(subgraph: Subgraph, placement: AddPlacement): Promise<NodeCollection> {
    const known = new Set(this.cy.nodes().map((n) => n.id()));
    const defs = toElements(subgraph, {
      knownNodeIds: known,
      labelPriority: this.labelPriority,
    }).filter((d) => this.cy.getElementById(String(d.data.id)).empty());
    this.ensureRenderer(this.cy.elements().length + defs.length);
    this.refreshStyle(subgraph.nodes.flatMap((n) => n.labels));
    const fixed = this.cy.nodes().map((n) => ({ id: n.id(), position: { ...n.position() } }));
    const centre = this.centre();
    if (placement.kind === 'positions') {
      for (const d of defs) {
        const p = placement.positions.get(String(d.data.id));
        if (p) d.position = { ...p };
      }
    } else if (placement.kind === 'near' || fixed.length) {
      // New nodes start next to their parent (or around the drawing's centre) and relax from there.
      const parent =
        placement.kind === 'near' ? this.cy.getElementById(placement.near) : this.cy.collection();
      const at = parent.nonempty() ? (parent as NodeSingular).position() : centre;
      const newNodes = defs.filter((d) => d.group === 'nodes');
      const place = newNodes.length > DISC_ABOVE ? discBeside : ringAround;
      place(at, newNodes.length, centre).forEach((p, i) => {
        const d = newNodes[i];
        if (d) d.position = p;
      });
    }
    // New nodes are marked as such from the start (a class added afterwards would restyle and
    // redraw them all once more); a restored view is not news.
    if (placement.kind !== 'positions') {
      for (const d of defs) if (d.group === 'nodes') d.classes = `${d.classes ?? ''} new`.trim();
    }
    const parent = placement.kind === 'near' ? this.cy.getElementById(placement.near) : null;
    const manyNear = parent !== null && defs.filter((d) => d.group === 'nodes').length > DISC_ABOVE;
    const newNodes = manyNear ? await this.addInBatches(defs, known) : this.addAtOnce(defs).nodes();
    // A result that outnumbers what is on screen gets a fresh layout; a few new nodes are fitted
    // in around the existing picture instead.
    if (placement.kind === 'layout' && (fixed.length === 0 || newNodes.length > fixed.length)) {
      await runLayout(this.cy, this.settings.layout);
    } else if (manyNear) {
      // Many at once: they keep the disc (a force layout would thread them through the picture),
      // filled in batch by batch.
    } else if (
      placement.kind !== 'positions' &&
      newNodes.nonempty() &&
      this.cy.nodes().length < 1500
    ) {
      await placeIncrementally(this.cy, newNodes, fixed);
    }
    if (placement.kind === 'near') this.revealIfOutside(newNodes);
    if (placement.kind !== 'positions') {
      setTimeout(() => void inBatches(newNodes, (b) => b.removeClass('new')), 1800);
    }
    this.changed();
    return newNodes;
  }

  private addAtOnce(defs: ElementDefinition[]): CollectionReturnValue {
    const added = this.cy.add(defs);
    this.applyFilters();
    return added;
  }

  /**
   * Adds an expansion a few nodes per animation frame (with their edges), each batch filtered as it
   * lands, so the page stays responsive however many arrive. Edges whose ends were removed
   * meanwhile (the user hid or cleared something) are dropped.
   */
  private async addInBatches(
    defs: ElementDefinition[],
    known: ReadonlySet<string>,
  ): Promise<NodeCollection> {
    const batches = batchElements(defs, EXPAND_BATCH_NODES, (id) => known.has(id));
    const ids = new Set<string>();
    for (const [i, batch] of batches.entries()) {
      if (i > 0) await nextFrame();
      const cy = this.cy;
      const arriving = new Set(batch.filter((d) => d.group === 'nodes').map((d) => d.data.id));
      const exists = (id: unknown): boolean =>
        arriving.has(String(id)) || cy.getElementById(String(id)).nonempty();
      const addable = batch.filter(
        (d) => d.group === 'nodes' || (exists(d.data['source']) && exists(d.data['target'])),
      );
      const added = cy.add(addable);
      this.applyFilters(added);
      // No glide out of the parent here: animating every batch doubled the work of each frame.
      added.nodes().forEach((n) => {
        ids.add(n.id());
      });
    }
    return this.cy.nodes().filter((n) => ids.has(n.id()));
  }

  /** Removes elements from the view (they stay in the database); undoable. */
  hide(elements: CollectionReturnValue): void {
    if (elements.empty()) return;
    this.checkpoint();
    elements.edges().forEach((e) => {
      this.hiddenEdgeIds.add(e.id());
    });
    elements.union(elements.connectedEdges()).remove();
    this.changed();
  }

  /**
   * Collapses a node: removes the neighbours that hang only off it (leaves on screen), keeping
   * everything that is also connected elsewhere.
   */
  collapse(node: NodeSingular): number {
    const leaves = node
      .neighborhood('node')
      .filter((n) => (n as NodeSingular).degree(false) <= 1 || n.neighborhood('node').same(node));
    if (leaves.empty()) return 0;
    this.checkpoint();
    leaves.remove();
    this.changed();
    return leaves.length;
  }

  togglePin(nodes: CollectionReturnValue): void {
    this.checkpoint();
    nodes.forEach((n) => {
      if (n.locked()) n.unlock().removeClass('pinned');
      else n.lock().addClass('pinned');
    });
    this.changed();
  }

  selectNeighbours(node: NodeSingular): void {
    node.closedNeighborhood().select();
  }

  clear(): void {
    if (this.cy.elements().empty()) return;
    this.checkpoint();
    this.cy.elements().remove();
    this.changed();
  }

  async relayout(name: LayoutName = this.settings.layout): Promise<void> {
    this.checkpoint();
    this.settings.layout = name;
    const pinned = this.cy
      .nodes(':locked')
      .map((n) => ({ id: n.id(), position: { ...n.position() } }));
    await runLayout(this.cy, name, name === 'fcose' ? pinned : []);
    this.changed();
  }

  setTheme(theme: Theme): void {
    this.settings.theme = theme;
    this.refreshStyle([], true);
    this.changed();
  }

  setEdgeLabels(on: boolean): void {
    this.settings.edgeLabels = on;
    this.refreshStyle([], true);
    this.changed();
  }

  /** Applies label and type filters and the time window: filtered elements are hidden, not removed. */
  applyFilters(scope: CollectionReturnValue = this.cy.elements()): void {
    const { hiddenLabels, hiddenTypes, time } = this.settings;
    this.cy.batch(() => {
      scope.nodes().forEach((n) => {
        const labels = n.data('labels') as string[];
        n.toggleClass(
          'f-hidden',
          labels.some((l) => hiddenLabels.has(l)),
        );
        n.toggleClass('t-hidden', !inWindow(n.data('start'), n.data('end'), time));
      });
      scope.edges().forEach((e) => {
        e.toggleClass('f-hidden', hiddenTypes.has(String(e.data('type'))));
        e.toggleClass('t-hidden', !inWindow(e.data('start'), e.data('end'), time));
      });
      this.applyDisagreementView();
    });
  }

  setDisagreements(on: boolean): void {
    this.settings.disagreements = on;
    this.cy.batch(() => this.applyDisagreementView());
    this.changed();
  }

  private applyDisagreementView(): void {
    const all = this.cy.elements();
    all.removeClass('faded');
    if (!this.settings.disagreements) return;
    const disputed = all.filter('.disputed, node[label = "Disagreement"], node[label = "Claim"]');
    const keep = disputed.union(
      disputed
        .connectedEdges()
        .filter((e) => disputed.contains(e.source()) && disputed.contains(e.target())),
    );
    all.not(keep).addClass('faded');
  }

  /** Highlights paths (node and edge ids); everything else fades. */
  highlightPaths(nodeIds: readonly string[], edgeIds: readonly string[]): void {
    this.clearPathHighlight();
    const ids = new Set([...nodeIds, ...edgeIds]);
    const onPath = this.cy.elements().filter((e) => ids.has(e.id()));
    onPath.addClass('path');
    this.cy.elements().not(onPath).addClass('faded');
    this.cy.animate({ fit: { eles: onPath, padding: 80 } }, { duration: 350 });
  }

  clearPathHighlight(): void {
    this.cy.elements().removeClass('path');
    this.applyDisagreementView();
  }

  /** Everything a link needs to redraw this picture. */
  captureView(query: string): ViewState {
    return {
      ...emptyViewState(),
      nodes: this.cy.nodes().map((n) => ({
        id: n.id(),
        ...roundPos(n.position()),
        ...(n.locked() ? { pinned: true } : {}),
      })),
      hiddenEdges: [...this.hiddenEdgeIds],
      hiddenLabels: [...this.settings.hiddenLabels],
      hiddenTypes: [...this.settings.hiddenTypes],
      time: this.settings.time,
      layout: this.settings.layout,
      theme: this.settings.theme,
      edgeLabels: this.settings.edgeLabels,
      disagreements: this.settings.disagreements,
      query,
      selected: this.cy.$(':selected').first().id() || null,
      zoom: this.cy.zoom(),
      pan: { ...this.cy.pan() },
    };
  }

  /** Ids of relationships in the view that the subgraph would bring back but the user removed. */
  /** The elements with these ids that are on screen. */
  byIds(ids: readonly string[]): CollectionReturnValue {
    return ids.reduce((c, id) => c.union(this.cy.getElementById(id)), this.cy.collection());
  }

  hiddenEdgesAmong(subgraphEdgeIds: readonly string[]): string[] {
    return subgraphEdgeIds.filter((id) => this.cy.getElementById(id).empty());
  }

  /** Applies the non-element settings of a view (theme, filters, …) before its elements are added. */
  applySettings(view: ViewState): void {
    this.settings.theme = view.theme;
    this.settings.edgeLabels = view.edgeLabels;
    this.settings.layout = view.layout;
    this.settings.hiddenLabels = new Set(view.hiddenLabels);
    this.settings.hiddenTypes = new Set(view.hiddenTypes);
    this.settings.time = view.time;
    this.settings.disagreements = view.disagreements;
    this.hiddenEdgeIds.clear();
    for (const id of view.hiddenEdges) this.hiddenEdgeIds.add(id);
    this.refreshStyle([], true);
  }

  /** Visible elements' data, for exports. */
  visible(): CollectionReturnValue {
    return this.cy.elements().not('.f-hidden, .t-hidden');
  }

  private snapshot(): Snapshot {
    return {
      elements: this.cy.elements().jsons() as unknown as ElementDefinition[],
      zoom: this.cy.zoom(),
      pan: { ...this.cy.pan() },
    };
  }

  private restore(s: Snapshot): void {
    this.ensureRenderer(s.elements.length);
    this.cy.batch(() => {
      this.cy.elements().remove();
      this.cy.add(s.elements);
    });
    this.refreshStyle(
      s.elements.flatMap((e) =>
        e.group === 'nodes' ? ((e.data['labels'] as string[] | undefined) ?? []) : [],
      ),
    );
    this.cy.viewport({ zoom: s.zoom, pan: s.pan });
    this.applyFilters();
    this.changed();
  }

  private styledLabels = new Set<string>();

  /** The stylesheet in force: theme, edge labels and every label seen so far. */
  stylesheet(): StylesheetJson {
    return buildStylesheet({
      theme: this.settings.theme,
      labels: [...this.styledLabels],
      edgeLabels: this.settings.edgeLabels,
      detail: this.profile.large ? 'light' : 'full',
    });
  }

  private refreshStyle(labels: readonly string[], force = false): void {
    const before = this.styledLabels.size;
    for (const l of labels) this.styledLabels.add(l);
    if (!force && this.styledLabels.size === before) return;
    this.cy.style(this.stylesheet());
  }

  private create(elements: ElementDefinition[], expected: number): Core {
    const cy = createCy({
      container: this.container,
      theme: this.settings.theme,
      labels: [...(this.styledLabels ?? [])],
      edgeLabels: this.settings.edgeLabels,
      elements,
      expectedElements: expected,
    });
    return cy;
  }

  private profile: RenderProfile = renderProfile(0);

  /**
   * Recreates the instance when the graph crosses a size threshold (and back): the renderer
   * (WebGL on a GPU for large graphs) and the viewport options of large graphs are fixed when an
   * instance is created.
   */
  private ensureRenderer(count: number): void {
    const want = renderProfile(count);
    if (want.webgl === this.profile.webgl && want.large === this.profile.large) return;
    this.profile = want;
    const elements = this.cy.elements().jsons() as unknown as ElementDefinition[];
    const viewport = { zoom: this.cy.zoom(), pan: { ...this.cy.pan() } };
    this.cy.destroy();
    this.cy = this.create(elements, count);
    this.cy.viewport(viewport);
    for (const bind of this.cyListeners) bind(this.cy);
  }

  private centre(): Position {
    const nodes = this.cy.nodes();
    if (nodes.empty()) return { x: 0, y: 0 };
    const bb = nodes.boundingBox();
    return { x: (bb.x1 + bb.x2) / 2, y: (bb.y1 + bb.y2) / 2 };
  }

  /** Zooms out to the whole drawing when some of `nodes` landed outside the view. */
  private revealIfOutside(nodes: NodeCollection): void {
    const ext = this.cy.extent();
    const outside = nodes
      .map((n) => n.position())
      .some((p) => p.x < ext.x1 || p.x > ext.x2 || p.y < ext.y1 || p.y > ext.y2);
    if (outside)
      this.cy.animate(
        { fit: { eles: this.cy.elements(':visible'), padding: 40 } },
        { duration: 350 },
      );
  }

  /** Whether the WebGL renderer is drawing right now (shown in the status line). */
  get usingWebgl(): boolean {
    return this.profile.webgl;
  }

  /** Whether the graph is drawn in the light style of large graphs. */
  get lightDetail(): boolean {
    return this.profile.large;
  }
}

function roundPos(p: Position): { x: number; y: number } {
  return { x: Math.round(p.x), y: Math.round(p.y) };
}
