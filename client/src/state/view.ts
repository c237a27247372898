import type { Theme } from '../style/style-rules.js';
import { emptyAnalysis, type AnalysisState } from './analysis.js';
import type { EditStep } from './edits.js';

/** Layout names the explorer offers (see graph/layouts.ts). */
export type LayoutName = 'fcose' | 'concentric' | 'dagre' | 'breadthfirst' | 'grid' | 'coordinates';

export const LAYOUT_NAMES: readonly LayoutName[] = [
  'fcose',
  'concentric',
  'dagre',
  'breadthfirst',
  'grid',
  'coordinates',
];

/** A node in the picture: where it is and whether the user pinned it. */
export interface ViewNode {
  readonly x: number;
  readonly y: number;
  readonly pinned?: boolean;
}

/** A relationship in the picture, with its ends (so commands need nothing but the View). */
export interface ViewEdge {
  readonly source: string;
  readonly target: string;
  readonly type: string;
}

/** The time window: facts whose `property` falls outside [from, to] are filtered out. */
export interface TimeWindow {
  readonly from: string;
  readonly to: string;
}

export interface Viewport {
  readonly zoom: number;
  readonly pan: { readonly x: number; readonly y: number };
}

/**
 * Everything a user can change in the explorer, as one immutable value. Commands
 * (state/commands/) turn one View into the next; the Explorer draws the difference; undo is a
 * stack of Views; links serialise it. Elements are held by element id; their data (labels,
 * properties) lives in the GraphCache, not here, so a View stays small and cheap to keep.
 */
export interface View {
  /** Every node in the picture, including those the user hid. */
  readonly nodes: Readonly<Record<string, ViewNode>>;
  /** Every relationship in the picture among `nodes`, including hidden ones. */
  readonly edges: Readonly<Record<string, ViewEdge>>;
  /**
   * Nodes and relationships the user hid: they stay in the picture's data, so an expansion, a
   * path or a console result that brings them again does not show them, until they are un-hidden.
   */
  readonly hidden: readonly string[];
  readonly hiddenLabels: readonly string[];
  readonly hiddenTypes: readonly string[];
  readonly time: TimeWindow | null;
  /** The date or year property that drives the time filter; null: `start`/`end`/`date`. */
  readonly timeProperty: string | null;
  readonly selected: readonly string[];
  readonly layout: LayoutName;
  readonly theme: Theme;
  readonly edgeLabels: boolean;
  /** The disagreements view: disputed facts highlighted, the rest faded. */
  readonly disagreements: boolean;
  /** The Cypher console's text. */
  readonly query: string;
  /** null: fit the picture to the screen. */
  readonly viewport: Viewport | null;
  /** Filters by property and evidence, grouping and structure styling (state/analysis.ts). */
  readonly analysis: AnalysisState;
  /**
   * The writes made from this explorer, in order (state/edits.ts): undo and redo compare it and
   * issue the inverse mutation. Not saved in links or cases (a write is not part of a picture).
   */
  readonly edits?: readonly EditStep[];
}

/** The View of a fresh explorer. */
export function emptyView(): View {
  return {
    nodes: {},
    edges: {},
    hidden: [],
    hiddenLabels: [],
    hiddenTypes: [],
    time: null,
    timeProperty: null,
    selected: [],
    layout: 'fcose',
    theme: 'light',
    edgeLabels: true,
    disagreements: false,
    query: '',
    viewport: null,
    analysis: emptyAnalysis(),
  };
}

/** What is drawn: the nodes not hidden, and the relationships not hidden between drawn nodes. */
export function drawn(view: View): { nodes: string[]; edges: string[] } {
  const hidden = new Set(view.hidden);
  const nodes = Object.keys(view.nodes).filter((id) => !hidden.has(id));
  const shown = new Set(nodes);
  const edges = Object.entries(view.edges)
    .filter(([id, e]) => !hidden.has(id) && shown.has(e.source) && shown.has(e.target))
    .map(([id]) => id);
  return { nodes, edges };
}

/** A set operation on a readonly list, keeping order: with `on`, `item` is in; without, out. */
export function toggled(list: readonly string[], item: string, on: boolean): string[] {
  const rest = list.filter((x) => x !== item);
  return on ? [...rest, item] : rest;
}
