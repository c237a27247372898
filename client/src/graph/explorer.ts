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
import { groupDefinitions, refreshGroupData, type DrawPlan } from '../grouping/group-elements.js';
import { onScreen, pictureOf, type Picture } from '../state/picture.js';
import { buildStylesheet } from '../style/stylesheet.js';
import { inBatches } from './add-in-batches.js';
import { addInBatches, definitions } from './draw-elements.js';
import { createCy, renderProfile, type RenderProfile } from './cy-factory.js';
import { applyViewClasses, unfiltered } from './view-classes.js';
import { DISC_ABOVE, LAYOUT_LABELS, placeIncrementally, runLayout } from './layouts.js';
import {
  indexDrawing,
  LOD_THRESHOLD,
  planLevelOfDetail,
  type LodCell,
  type LodIndex,
  type LodPlan,
  type LodViewport,
} from './level-of-detail.js';
import { lodDefinitions, lodStylesheet, refreshLodData } from './level-of-detail-elements.js';
import { LevelOfDetailPanel } from './level-of-detail-panel.js';
import { layoutWholePicture } from './level-of-detail-layout.js';
import { toast } from '../ui/toast.js';

/** How long the viewport must rest after a pan or zoom before a simplified picture is re-planned. */
const REPLAN_AFTER_MS = 180;
/** Share of the viewport's width and height planned in detail on each side beyond it. */
const LOD_MARGIN = 0.25;

/**
 * Above how many elements a picture is simplified. `localStorage['dossier.levelOfDetail'] = 'off'`
 * draws every element whatever the size: the render bench measures both on one build. A number
 * there is the threshold: an end-to-end test simplifies a picture of a few thousand elements.
 */
function lodThreshold(): number {
  try {
    const set = localStorage.getItem('dossier.levelOfDetail');
    if (set === 'off') return Infinity;
    const n = Number(set);
    return set && Number.isFinite(n) && n > 0 ? n : LOD_THRESHOLD;
  } catch {
    return LOD_THRESHOLD;
  }
}

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
  /** The level-of-detail plan drawn last; null while the picture is drawn in full. */
  private lod: LodPlan | null = null;
  /** The spatial index of the picture, kept while the View's nodes, edges and grouping stay. */
  private lodIndex: {
    key: readonly unknown[];
    index: LodIndex;
    pinned: readonly string[];
  } | null = null;
  private replanTimer: ReturnType<typeof setTimeout> | undefined;
  /** What the plan drawn covers: the viewport it was made for with its margin, and the zoom. */
  private plannedFor: LodViewport | null = null;
  private readonly lodPanel: LevelOfDetailPanel | null;
  private readonly lodThreshold = lodThreshold();

  constructor(
    private readonly container: HTMLElement,
    /** The data of the elements the View names (public: exports build undrawn ones from it). */
    readonly cache: GraphCache,
  ) {
    this.cy = this.create([], 0);
    this.lodPanel = container.parentElement
      ? new LevelOfDetailPanel(container.parentElement, (c) => this.zoomInto(c))
      : null;
    // A simplified picture is planned for a viewport: once a pan or zoom comes to rest, plan again.
    this.onCy((cy) => {
      cy.on('viewport', () => this.scheduleReplan());
      cy.on('dbltap', 'node.lod', (e) => {
        const d = (e.target as NodeSingular).data() as Record<string, number>;
        this.zoomInto({ x1: d['x1']!, y1: d['y1']!, x2: d['x2']!, y2: d['y2']! });
      });
    });
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
    // What is drawn, with grouping applied (group nodes stand in for collapsed members); derived
    // once per change of what it depends on, not on every command (a selection keeps it).
    const picture = pictureOf(next, this.cache, this.labelPriority);
    const want = picture.plan;
    const total = want.nodes.length + want.edges.length;
    // A very large picture is simplified: detail near the viewport, aggregates for the rest.
    const lod = total > this.lodThreshold ? this.planDetail(next, picture, prev) : null;
    this.lod = lod;
    const drawNodes = lod ? lod.nodes : want.nodes;
    const drawEdges = lod ? lod.edges : want.edges;
    const wanted = new Set([...drawNodes, ...drawEdges]);
    for (const c of lod?.cells ?? []) wanted.add(c.id);
    for (const l of lod?.links ?? []) wanted.add(l.id);
    const gone = this.cy.elements().filter((e) => !wanted.has(e.id()));
    if (gone.nonempty()) gone.remove();
    const newNodes = drawNodes.filter((id) => this.cy.getElementById(id).empty());
    const newEdges = drawEdges.filter((id) => this.cy.getElementById(id).empty());
    const defs = definitions(this.cache, next, newNodes, newEdges, {
      labelPriority: this.labelPriority,
      // Nodes a re-plan brings back into detail were in the picture already: not new.
      markNew: lod ? (id) => !prev.nodes[id] : Object.keys(prev.nodes).length > 0,
    });
    defs.push(...groupDefinitions(want, new Set([...newNodes, ...newEdges])));
    if (lod) defs.push(...lodDefinitions(lod, (id) => this.cy.getElementById(id).nonempty()));
    // The whole picture's size picks the renderer, so zooming in a simplified one never recreates it.
    this.ensureRenderer(total);
    this.refreshStyle(
      defs.flatMap((d) => (d.group === 'nodes' ? (d.data['labels'] as string[]) : [])),
      prev.theme !== next.theme || prev.edgeLabels !== next.edgeLabels,
    );
    // A simplified picture is added at once: it is within the budget, and spreading its few
    // thousand elements over frames (twenty nodes each) would take seconds.
    if (defs.length && !lod && newNodes.length > DISC_ABOVE && Object.keys(prev.nodes).length) {
      await addInBatches(this.cy, defs);
    } else if (defs.length) this.cy.add(defs);
    this.cy.batch(() => {
      for (const id of drawNodes) {
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
      if (lod) refreshLodData(this.cy, lod);
      if (defs.length || gone.nonempty() || filtersChanged(prev, next)) {
        applyViewClasses(this.cy, picture, next, this.cache);
      }
    });
    this.syncSelection(next.selected);
    if (next.viewport && next.viewport !== prev.viewport) this.cy.viewport(next.viewport);
    if (newNodes.length) {
      setTimeout(() => void inBatches(this.cy.nodes('.new'), (b) => b.removeClass('new')), 1800);
    }
    this.lodPanel?.show(lod, (c) => this.onScreen(c));
    return newNodes;
  }

  private readonly replanListeners: (() => void)[] = [];
  /** Called after each re-plan of a simplified picture (no command ran: the status line listens). */
  onReplanned(fn: () => void): void {
    this.replanListeners.push(fn);
  }

  /** The level-of-detail plan of a large picture for the viewport it is about to be shown in. */
  private planDetail(view: View, picture: Picture, prev: View): LodPlan {
    const want: DrawPlan = picture.plan;
    // The picture changes with the View's elements, grouping and filters; pins live in the nodes.
    const key = [picture, view.nodes];
    if (!this.lodIndex || this.lodIndex.key.some((k, i) => k !== key[i])) {
      // Only what the filters keep: an aggregate must not count nodes a filter hides.
      const edges = want.edges.flatMap((id) => {
        const e = picture.ends.get(id);
        return e && onScreen(picture, id) ? [{ id, source: e.source, target: e.target }] : [];
      });
      const index = indexDrawing(
        want.nodes.filter((id) => onScreen(picture, id)),
        edges,
        (id) => view.nodes[id] ?? want.positions.get(id),
      );
      // Pins live in the View's nodes, which the key holds: found once, not on every re-plan.
      const pinned = Object.keys(view.nodes).filter((id) => view.nodes[id]!.pinned);
      this.lodIndex = { key, index, pinned };
    }
    // Kept in detail wherever they are: the selection (with the ends of selected relationships)
    // and the pinned nodes.
    const keep = new Set<string>();
    for (const id of view.selected) {
      keep.add(id);
      const e = view.edges[id];
      if (e) keep.add(e.source).add(e.target);
    }
    for (const id of this.lodIndex.pinned) keep.add(id);
    // A View that brings its own viewport (a link) is planned for it: it is applied after drawing.
    const vp = view.viewport && view.viewport !== prev.viewport ? view.viewport : null;
    const zoom = vp?.zoom ?? this.cy.zoom();
    const pan = vp?.pan ?? this.cy.pan();
    const w = this.cy.width() || 1280;
    const h = this.cy.height() || 800;
    const extent = {
      x1: -pan.x / zoom,
      y1: -pan.y / zoom,
      x2: (w - pan.x) / zoom,
      y2: (h - pan.y) / zoom,
    };
    const mx = (extent.x2 - extent.x1) * LOD_MARGIN;
    const my = (extent.y2 - extent.y1) * LOD_MARGIN;
    this.plannedFor = {
      x1: extent.x1 - mx,
      y1: extent.y1 - my,
      x2: extent.x2 + mx,
      y2: extent.y2 + my,
      zoom,
    };
    return planLevelOfDetail(
      this.lodIndex.index,
      { ...extent, zoom },
      { keep, margin: LOD_MARGIN },
    );
  }

  private scheduleReplan(): void {
    if (!this.lod) return;
    clearTimeout(this.replanTimer);
    this.replanTimer = setTimeout(() => {
      // A short pan inside the margin, or a zoom within a factor of √2, keeps the plan: a re-plan
      // costs a pass over every node, and on a busy machine a scripted zoom re-planned each frame.
      if (!this.planStale()) {
        this.lodPanel?.show(this.lod, (c) => this.onScreen(c));
        return;
      }
      void this.draw(this.view).then(() => {
        for (const fn of this.replanListeners) fn();
      });
    }, REPLAN_AFTER_MS);
  }

  private planStale(): boolean {
    const p = this.plannedFor;
    if (!p) return true;
    const e = this.cy.extent();
    const z = this.cy.zoom();
    return (
      z > p.zoom * Math.SQRT2 ||
      z < p.zoom / Math.SQRT2 ||
      e.x1 < p.x1 ||
      e.y1 < p.y1 ||
      e.x2 > p.x2 ||
      e.y2 > p.y2
    );
  }

  /** Whether an aggregate's centre is in the viewport. */
  private onScreen(c: LodCell): boolean {
    const e = this.cy.extent();
    return c.x >= e.x1 && c.x <= e.x2 && c.y >= e.y1 && c.y <= e.y2;
  }

  /** Zooms to an aggregate's cell; the re-plan that follows draws its nodes. */
  zoomInto(cell: { x1: number; y1: number; x2: number; y2: number }): void {
    const w = this.cy.width();
    const h = this.cy.height();
    const zoom = Math.min(
      this.cy.maxZoom(),
      0.9 * Math.min(w / (cell.x2 - cell.x1), h / (cell.y2 - cell.y1)) || 1,
    );
    const cx = (cell.x1 + cell.x2) / 2;
    const cy = (cell.y1 + cell.y2) / 2;
    this.cy.animate(
      { zoom, pan: { x: w / 2 - zoom * cx, y: h / 2 - zoom * cy } },
      { duration: 300 },
    );
  }

  /**
   * When the picture is simplified: how many elements are drawn of how many; null when it is
   * drawn in full.
   */
  get simplified(): { drawn: number; total: number } | null {
    const p = this.lod;
    if (!p) return null;
    return {
      drawn: p.nodes.length + p.edges.length + p.cells.length + p.links.length,
      total: p.total,
    };
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

  /** Positions a layout of a simplified picture gave every node, until positions() hands them on. */
  private laidOut: Record<string, { x: number; y: number }> | null = null;

  /**
   * Where every drawn node is now (after a layout or a drag), rounded to whole pixels; after a
   * layout of a simplified picture, where it put every node of the picture, drawn or not.
   */
  positions(): Record<string, { x: number; y: number }> {
    const whole = this.laidOut;
    this.laidOut = null;
    const out: Record<string, { x: number; y: number }> = { ...whole };
    this.cy.nodes().forEach((n) => {
      if (n.hasClass('lod')) return;
      if (whole?.[n.id()]) return;
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
    if (this.lod) {
      this.layoutWhole();
      return;
    }
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

  /**
   * A layout of a simplified picture: a grid or rings by degree are placed for every node of the
   * picture (level-of-detail-layout.ts) and the view fitted to them; the plan is made again from
   * the positions the caller settles. Other layouts are not run there, and the user is told why.
   */
  private layoutWhole(): void {
    const name = this.view.layout;
    const picture = pictureOf(this.view, this.cache, this.labelPriority);
    const nodes = picture.plan.nodes.filter((id) => onScreen(picture, id));
    const degree = (id: string): number => this.cache.node(id)?.degree ?? 0;
    const placed = layoutWholePicture(name, nodes, degree);
    if (!placed) {
      toast(
        `${LAYOUT_LABELS[name]} is not run on a simplified picture (${nodes.length.toLocaleString('en-US')} nodes): ` +
          'over every node it would take minutes, and over the drawn part alone it would tear it from the rest. ' +
          'Grid and Concentric lay out the whole picture; filter it below the threshold for the others.',
      );
      return;
    }
    this.laidOut = placed;
    let x1 = Infinity;
    let y1 = Infinity;
    let x2 = -Infinity;
    let y2 = -Infinity;
    for (const p of Object.values(placed)) {
      x1 = Math.min(x1, p.x);
      y1 = Math.min(y1, p.y);
      x2 = Math.max(x2, p.x);
      y2 = Math.max(y2, p.y);
    }
    if (!Number.isFinite(x1)) return;
    const w = this.cy.width() || 1280;
    const h = this.cy.height() || 800;
    const zoom = Math.max(
      this.cy.minZoom(),
      Math.min(this.cy.maxZoom(), (w - 80) / (x2 - x1 || 1), (h - 80) / (y2 - y1 || 1)),
    );
    this.cy.viewport({
      zoom,
      pan: { x: w / 2 - (zoom * (x1 + x2)) / 2, y: h / 2 - (zoom * (y1 + y2)) / 2 },
    });
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
      { fit: { eles: unfiltered(this.cy.elements()), padding: 40 } },
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
    const picture = pictureOf(this.view, this.cache, this.labelPriority);
    this.cy.batch(() => applyViewClasses(this.cy, picture, this.view, this.cache));
  }

  /** The elements drawn and not filtered out, for exports. */
  visible(): CollectionReturnValue {
    return unfiltered(this.cy.elements()).not('.lod, .lod-link');
  }

  /** The stylesheet in force: theme, edge labels and every label seen so far. */
  stylesheet(): StylesheetJson {
    return [
      ...buildStylesheet({
        theme: this.view.theme,
        labels: [...this.styledLabels],
        edgeLabels: this.view.edgeLabels,
        detail: this.profile.large ? 'light' : 'full',
      }),
      ...lodStylesheet(this.view.theme),
    ];
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
