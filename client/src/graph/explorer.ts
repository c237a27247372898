import type {
  CollectionReturnValue,
  Core,
  ElementDefinition,
  NodeSingular,
  Position,
  StylesheetJson,
} from 'cytoscape';
import type { GraphCache } from '../state/graph-cache.js';
import { emptyView, type View } from '../state/view.js';
import { groupDefinitions, planDrawing, refreshGroupData } from '../grouping/group-elements.js';
import { buildStylesheet } from '../style/stylesheet.js';
import { inBatches } from './add-in-batches.js';
import { addInBatches, definitions } from './draw-elements.js';
import { createCy, renderProfile, type RenderProfile } from './cy-factory.js';
import { applyViewClasses } from './view-classes.js';
import { DISC_ABOVE, placeIncrementally, runLayout } from './layouts.js';

/**
 * The Cytoscape layer: it owns the Cytoscape instance and draws the difference between the View it
 * drew last and the next one (elements added and removed, positions, pins, selection, filters,
 * theme). It holds no state of its own that a user can change: that is the View, in the Store.
 */
export class Explorer {
  cy: Core;
  /** Labels in priority order (the schema's, most frequent first): styles key on the first one a node has. */
  labelPriority: string[] = [];
  /** The View last drawn. */
  view: View = emptyView();
  /** True while the Explorer itself changes the selection (its events are not the user's). */
  syncing = false;
  private queue: Promise<unknown> = Promise.resolve();
  private readonly cyListeners: ((cy: Core) => void)[] = [];
  private readonly styledLabels = new Set<string>();
  private profile: RenderProfile = renderProfile(0);

  constructor(
    private readonly container: HTMLElement,
    private readonly cache: GraphCache,
  ) {
    this.cy = this.create([], 0);
  }

  /** Called with each new Cytoscape instance (the first, and after a renderer switch), to bind events. */
  onCy(bind: (cy: Core) => void): void {
    this.cyListeners.push(bind);
    bind(this.cy);
  }

  /** Draws `next` (queued behind any drawing still under way); resolves with the nodes it added. */
  draw(next: View): Promise<string[]> {
    const run = this.queue.then(() => this.drawNow(next));
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** Resolves once everything asked of the Explorer so far is drawn. */
  idle(): Promise<unknown> {
    return this.queue;
  }

  private async drawNow(next: View): Promise<string[]> {
    const prev = this.view;
    this.view = next;
    // What is drawn, with grouping applied (group nodes stand in for collapsed members).
    const want = planDrawing(next, this.cache, this.labelPriority);
    const wanted = new Set([...want.nodes, ...want.edges]);
    const gone = this.cy.elements().filter((e) => !wanted.has(e.id()));
    if (gone.nonempty()) gone.remove();
    const newNodes = want.nodes.filter((id) => this.cy.getElementById(id).empty());
    const newEdges = want.edges.filter((id) => this.cy.getElementById(id).empty());
    const defs = definitions(this.cache, next, newNodes, newEdges, {
      labelPriority: this.labelPriority,
      markNew: Object.keys(prev.nodes).length > 0,
    });
    defs.push(...groupDefinitions(want, new Set([...newNodes, ...newEdges])));
    this.ensureRenderer(want.nodes.length + want.edges.length);
    this.refreshStyle(
      defs.flatMap((d) => (d.group === 'nodes' ? (d.data['labels'] as string[]) : [])),
      prev.theme !== next.theme || prev.edgeLabels !== next.edgeLabels,
    );
    if (defs.length && newNodes.length > DISC_ABOVE && Object.keys(prev.nodes).length) {
      await addInBatches(this.cy, defs);
    } else if (defs.length) this.cy.add(defs);
    this.cy.batch(() => {
      for (const id of want.nodes) {
        const n = this.cy.getElementById(id);
        const v = next.nodes[id] ?? want.positions.get(id);
        if (!v || n.empty()) continue;
        const p = n.position();
        if (Math.abs(p.x - v.x) > 0.5 || Math.abs(p.y - v.y) > 0.5) n.position({ x: v.x, y: v.y });
        if (!!v.pinned !== n.locked()) {
          if (v.pinned) n.lock().addClass('pinned');
          else n.unlock().removeClass('pinned');
        }
      }
      refreshGroupData(this.cy, want);
      if (defs.length || gone.nonempty() || filtersChanged(prev, next)) {
        applyViewClasses(this.cy, next, this.cache);
      }
    });
    this.syncSelection(next.selected);
    if (next.viewport && next.viewport !== prev.viewport) this.cy.viewport(next.viewport);
    if (newNodes.length) {
      setTimeout(() => void inBatches(this.cy.nodes('.new'), (b) => b.removeClass('new')), 1800);
    }
    return newNodes;
  }

  private syncSelection(ids: readonly string[]): void {
    const want = new Set(ids);
    const now = this.cy.$(':selected');
    if (now.length === want.size && now.filter((e) => want.has(e.id())).length === want.size) {
      return;
    }
    this.syncing = true;
    try {
      this.cy.batch(() => {
        now.filter((e) => !want.has(e.id())).unselect();
        for (const id of ids) this.cy.getElementById(id).select();
      });
    } finally {
      this.syncing = false;
    }
  }

  /** Where every drawn node is now (after a layout or a drag), rounded to whole pixels. */
  positions(): Record<string, { x: number; y: number }> {
    const out: Record<string, { x: number; y: number }> = {};
    this.cy.nodes().forEach((n) => {
      const p = n.position();
      out[n.id()] = { x: Math.round(p.x), y: Math.round(p.y) };
    });
    return out;
  }

  /**
   * Runs the View's layout over the whole drawing (fCoSE keeps pinned nodes where they are);
   * `fromScratch`: nothing was on the canvas before, so there is nothing to animate from.
   */
  async layout(fromScratch = false): Promise<void> {
    await this.idle();
    const name = this.view.layout;
    const pinned = this.cy
      .nodes(':locked')
      .map((n) => ({ id: n.id(), position: { ...n.position() } }));
    await runLayout(
      this.cy,
      name,
      name === 'fcose' || name === 'coordinates' ? pinned : [],
      fromScratch,
    );
  }

  /** Lets newly drawn nodes find their place while the rest stay exactly where they are. */
  async relax(newIds: readonly string[]): Promise<void> {
    await this.idle();
    const fresh = new Set(newIds);
    const nodes = this.cy.nodes().filter((n) => fresh.has(n.id()));
    if (nodes.empty() || this.cy.nodes().length >= 1500 || nodes.length > DISC_ABOVE) return;
    const fixed = this.cy
      .nodes()
      .filter((n) => !fresh.has(n.id()))
      .map((n) => ({ id: n.id(), position: { ...(n as NodeSingular).position() } }));
    await placeIncrementally(this.cy, nodes, fixed);
  }

  /** Zooms out to the whole drawing when some of these nodes landed outside the view. */
  reveal(ids: readonly string[]): void {
    const ext = this.cy.extent();
    const outside = ids
      .map((id) => this.cy.getElementById(id))
      .filter((n) => n.nonempty())
      .map((n) => n.position())
      .some((p: Position) => p.x < ext.x1 || p.x > ext.x2 || p.y < ext.y1 || p.y > ext.y2);
    if (outside) this.fit();
  }

  fit(): void {
    this.cy.animate(
      { fit: { eles: this.cy.elements(':visible'), padding: 40 } },
      { duration: 350 },
    );
  }

  /** Highlights paths (node and edge ids); everything else fades until the path finder closes. */
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
    this.cy.batch(() => applyViewClasses(this.cy, this.view, this.cache));
  }

  /** The elements drawn and not filtered out, for exports. */
  visible(): CollectionReturnValue {
    return this.cy.elements().not('.f-hidden, .t-hidden, .p-hidden, .ev-hidden');
  }

  /** The stylesheet in force: theme, edge labels and every label seen so far. */
  stylesheet(): StylesheetJson {
    return buildStylesheet({
      theme: this.view.theme,
      labels: [...this.styledLabels],
      edgeLabels: this.view.edgeLabels,
      detail: this.profile.large ? 'light' : 'full',
    });
  }

  private refreshStyle(labels: readonly string[], force: boolean): void {
    const before = this.styledLabels.size;
    for (const l of labels) this.styledLabels.add(l);
    if (!force && this.styledLabels.size === before) return;
    this.cy.style(this.stylesheet());
  }

  private create(elements: ElementDefinition[], expected: number): Core {
    return createCy({
      container: this.container,
      theme: this.view.theme,
      labels: [...this.styledLabels],
      edgeLabels: this.view.edgeLabels,
      elements,
      expectedElements: expected,
    });
  }

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

  /** Whether the WebGL renderer is drawing right now (shown in the status line). */
  get usingWebgl(): boolean {
    return this.profile.webgl;
  }

  /** Whether the graph is drawn in the light style of large graphs. */
  get lightDetail(): boolean {
    return this.profile.large;
  }
}

/** Whether anything the filter classes depend on changed between two Views. */
function filtersChanged(a: View, b: View): boolean {
  return (
    a.hiddenLabels !== b.hiddenLabels ||
    a.hiddenTypes !== b.hiddenTypes ||
    a.time !== b.time ||
    a.timeProperty !== b.timeProperty ||
    a.disagreements !== b.disagreements ||
    // Structure styling sets no filter class (structure/ styles the canvas itself): on 10,000
    // nodes a pass over every element for it costs half a second on the main thread.
    (a.analysis !== b.analysis &&
      (a.analysis.propertyFilters !== b.analysis.propertyFilters ||
        a.analysis.evidence !== b.analysis.evidence ||
        a.analysis.grouping !== b.analysis.grouping))
  );
}
