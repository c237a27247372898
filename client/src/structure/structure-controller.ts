import type { Core } from 'cytoscape';
import type { ExplorerContext } from '../graph/connect.js';
import type { CentralityMeasure, StructureStyle } from '../state/analysis.js';
import { pictureOf, shownElements, type Picture } from '../state/picture.js';
import type { View } from '../state/view.js';
import type { QuickMeasures, StructureInput } from './compute-structure.js';
import { StructureClient } from './structure-client.js';
import { applyStructure } from './structure-style.js';

/** Where a computation stands, for the panel's progress line. */
export type StructureStatus = 'idle' | 'quick' | 'betweenness' | 'done' | 'cancelled' | 'error';

/** The measures of the nodes on screen, by node id (never in the View: they are derived). */
export interface StructureData {
  readonly nodes: readonly string[];
  readonly quick: QuickMeasures | null;
  readonly betweenness: Readonly<Record<string, number>> | null;
}

/**
 * Keeps the structure of what is on screen up to date while anyone needs it (the panel is open,
 * or the View sizes or colours by structure): after every change it reads the nodes and
 * relationships on screen from the View's whole picture (state/picture.ts: label, time, property
 * and evidence filters and groups all count; a simplified picture's undrawn part too), recomputes
 * in the worker when they differ from the last run, and styles what is drawn, again whenever a
 * simplified picture is re-planned and draws other nodes.
 */
export class StructureController {
  data: StructureData = { nodes: [], quick: null, betweenness: null };
  status: StructureStatus = 'idle';
  error = '';
  /** When the run under way started (performance.now()), for the elapsed time shown. */
  startedAt = 0;
  /** Runs whose results came back from a worker scope (exposed for tests; 0 if inline). */
  workerRuns = 0;
  runs = 0;
  private readonly client = new StructureClient();
  private readonly listeners = new Set<() => void>();
  private signature = '';
  private panelOpen = false;
  private applied: { style: StructureStyle; data: StructureData } | null = null;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private pendingRedraw = false;

  constructor(private readonly ctx: ExplorerContext) {
    ctx.store.subscribe((next, prev) => this.onView(next, prev));
    // A renderer switch builds a new Cytoscape instance: style it again.
    ctx.explorer.onCy((cy) => {
      const was = this.applied;
      this.applied = null;
      if (was) this.restyle(cy, true);
    });
    // A re-plan of a simplified picture draws nodes the measures know but the canvas did not have.
    ctx.explorer.onReplanned(() => this.restyle(ctx.explorer.cy, true));
    this.schedule();
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** The panel opens or closes: an open panel keeps the measures fresh even with no styling. */
  setPanelOpen(open: boolean): void {
    this.panelOpen = open;
    if (open) this.schedule();
  }

  /** Stops the run under way (betweenness stays unknown until the picture changes or Recompute). */
  cancel(): void {
    if (this.status !== 'quick' && this.status !== 'betweenness') return;
    this.client.cancel();
    this.status = 'cancelled';
    this.emit();
  }

  /** Runs again on the same picture (after a cancel or an error). */
  recompute(): void {
    this.signature = '';
    this.schedule();
  }

  private get needed(): boolean {
    const s = this.ctx.store.view.analysis.structure;
    return this.panelOpen || s.sizeBy !== null || s.colourByCommunity;
  }

  private onView(next: View, prev: View): void {
    const drawnChanged =
      next.nodes !== prev.nodes ||
      next.edges !== prev.edges ||
      next.hidden !== prev.hidden ||
      next.hiddenLabels !== prev.hiddenLabels ||
      next.hiddenTypes !== prev.hiddenTypes ||
      next.time !== prev.time ||
      next.timeProperty !== prev.timeProperty ||
      next.analysis.propertyFilters !== prev.analysis.propertyFilters ||
      next.analysis.evidence !== prev.analysis.evidence ||
      next.analysis.grouping !== prev.analysis.grouping;
    if (drawnChanged) this.schedule(true);
    else if (next.analysis.structure !== prev.analysis.structure) {
      this.schedule();
      void this.ctx.explorer.idle().then(() => this.restyle(this.ctx.explorer.cy));
    }
  }

  /** Checks the picture once the Explorer has drawn the latest View (coalescing bursts). */
  private schedule(drawnChanged = false): void {
    clearTimeout(this.timer);
    this.pendingRedraw ||= drawnChanged;
    this.timer = setTimeout(() => {
      void this.ctx.explorer.idle().then(() => {
        // Elements drawn again (an undo, a reload) come without the structure classes.
        this.restyle(this.ctx.explorer.cy, this.pendingRedraw);
        this.pendingRedraw = false;
        this.check();
      });
    }, 60);
  }

  private check(): void {
    if (!this.needed) return;
    const { store, cache, explorer } = this.ctx;
    const input = timed('read', () =>
      visibleGraph(pictureOf(store.view, cache, explorer.labelPriority)),
    );
    const signature = `${input.nodes.join('\n')}|${input.edges.map((e) => e.join('>')).join('\n')}`;
    if (signature === this.signature) return;
    this.signature = signature;
    this.runs++;
    this.status = 'quick';
    this.startedAt = performance.now();
    this.emit();
    this.client.run(input, {
      quick: (quick, inWorker) => {
        this.data = { nodes: input.nodes, quick, betweenness: null };
        this.status = 'betweenness';
        if (inWorker) this.workerRuns++;
        this.restyle(this.ctx.explorer.cy);
        this.emit();
      },
      betweenness: (betweenness) => {
        this.data = { ...this.data, betweenness };
        this.status = 'done';
        this.restyle(this.ctx.explorer.cy);
        this.emit();
      },
      error: (message) => {
        this.status = 'error';
        this.error = message;
        this.emit();
      },
    });
  }

  /** Sets the structure classes for the View's styling, when the styling or the data changed. */
  private restyle(cy: Core, force = false): void {
    const style = this.ctx.store.view.analysis.structure;
    const last = this.applied;
    if (!force && last?.style === style && last.data === this.data) return;
    const off = (s: StructureStyle): boolean => s.sizeBy === null && !s.colourByCommunity;
    this.applied = { style, data: this.data };
    // Nothing to set and nothing set before: leave a large canvas alone.
    if (off(style) && (!last || off(last.style))) return;
    timed('style', () =>
      applyStructure(cy, {
        sizeBy: style.sizeBy,
        values: measureValues(this.data, style.sizeBy),
        community: style.colourByCommunity ? (this.data.quick?.community ?? null) : null,
      }),
    );
  }

  private emit(): void {
    for (const l of this.listeners) l();
  }
}

/**
 * Runs `work` as a `structure:<name>` performance measure: the bench reads them to tell which
 * main-thread part of a structure run is long (the computation itself is in the worker).
 */
export function timed<T>(name: string, work: () => T): T {
  const start = performance.now();
  try {
    return work();
  } finally {
    performance.measure(`structure:${name}`, { start, end: performance.now() });
  }
}

/** A measure's values by node id; null when it is not known (yet). */
export function measureValues(
  data: StructureData,
  measure: CentralityMeasure | null,
): Readonly<Record<string, number>> | null {
  if (!measure || !data.quick) return null;
  if (measure === 'betweenness') return data.betweenness;
  return measure === 'degree' ? data.quick.degree : data.quick.pagerank;
}

/**
 * The nodes and relationships a user sees: whatever a filter or grouping leaves out is not on
 * screen, so it is not part of the structure either. Read from the View, so a simplified picture
 * is measured whole.
 */
export function visibleGraph(picture: Picture): StructureInput {
  const { nodes, edges } = shownElements(picture);
  const pairs: [string, string][] = [];
  for (const id of edges) {
    const e = picture.ends.get(id);
    if (e) pairs.push([e.source, e.target]);
  }
  return { nodes: nodes.sort(), edges: pairs.sort((a, b) => cmp(a, b)) };
}

function cmp(a: readonly [string, string], b: readonly [string, string]): number {
  return a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0;
}
