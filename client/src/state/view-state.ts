import type { Theme } from '../style/style-rules.js';

/** Layout names the explorer offers (see graph/layouts.ts). */
export type LayoutName = 'fcose' | 'concentric' | 'dagre' | 'breadthfirst' | 'grid';

/** One node on screen: where it is and whether the user pinned it. */
export interface PlacedNode {
  readonly id: string;
  readonly x: number;
  readonly y: number;
  readonly pinned?: boolean;
}

/**
 * An investigation state: enough to redraw the same picture elsewhere. Elements are stored as
 * ids (the graph is fetched again with `subgraph(ids)`), so a link stays short and never carries
 * stale data.
 */
export interface ViewState {
  readonly nodes: readonly PlacedNode[];
  /** Relationships the user hid one by one (types hidden by filter are in hiddenTypes). */
  readonly hiddenEdges: readonly string[];
  readonly hiddenLabels: readonly string[];
  readonly hiddenTypes: readonly string[];
  /** Dated facts outside [from, to] are hidden; undated ones always stay. */
  readonly time: { readonly from: string; readonly to: string } | null;
  readonly layout: LayoutName;
  readonly theme: Theme;
  readonly edgeLabels: boolean;
  /** The disagreements view: disputed facts highlighted, the rest faded. */
  readonly disagreements: boolean;
  /** The Cypher console's text. */
  readonly query: string;
  readonly selected: string | null;
  readonly zoom: number | null;
  readonly pan: { readonly x: number; readonly y: number } | null;
}

export const LAYOUT_NAMES: readonly LayoutName[] = [
  'fcose',
  'concentric',
  'dagre',
  'breadthfirst',
  'grid',
];

/** The state of a fresh explorer. */
export function emptyViewState(): ViewState {
  return {
    nodes: [],
    hiddenEdges: [],
    hiddenLabels: [],
    hiddenTypes: [],
    time: null,
    layout: 'fcose',
    theme: 'light',
    edgeLabels: true,
    disagreements: false,
    query: '',
    selected: null,
    zoom: null,
    pan: null,
  };
}
