import type { StylesheetJson } from 'cytoscape';
import { iconDataUri } from './icons.js';

/** How one kind of node is drawn. */
export interface LabelStyle {
  readonly color: string;
  readonly shape: NodeShape;
  readonly icon: string;
}

export type NodeShape =
  | 'ellipse'
  | 'round-rectangle'
  | 'round-hexagon'
  | 'round-diamond'
  | 'round-tag'
  | 'rectangle'
  | 'barrel'
  | 'round-octagon'
  | 'round-triangle';

export type Theme = 'light' | 'dark';

/** The story's labels get hand-picked styles; every other label gets one from the palette. */
export const KNOWN_LABEL_STYLES: Readonly<Record<string, LabelStyle>> = {
  Person: { color: '#4C8EDA', shape: 'ellipse', icon: 'person' },
  Organization: { color: '#D9668E', shape: 'round-rectangle', icon: 'building' },
  Team: { color: '#6DBE7B', shape: 'round-hexagon', icon: 'team' },
  Outlet: { color: '#F08A4B', shape: 'round-tag', icon: 'newspaper' },
  Article: { color: '#A77BCA', shape: 'rectangle', icon: 'document' },
  Event: { color: '#E0AC2B', shape: 'round-diamond', icon: 'calendar' },
  Data: { color: '#3FB6D3', shape: 'barrel', icon: 'data' },
  Claim: { color: '#8C97A8', shape: 'round-rectangle', icon: 'quote' },
  Disagreement: { color: '#E5484D', shape: 'round-octagon', icon: 'split' },
};

/** Colour-blind-aware palette for labels the story does not know (any other Neo4j graph). */
export const PALETTE = [
  '#4C8EDA',
  '#D9668E',
  '#6DBE7B',
  '#F08A4B',
  '#A77BCA',
  '#E0AC2B',
  '#3FB6D3',
  '#C46A4A',
  '#7A8CE0',
  '#58A89A',
  '#B5894F',
  '#9B6BB0',
] as const;

const FALLBACK_SHAPES: readonly NodeShape[] = [
  'ellipse',
  'round-rectangle',
  'round-hexagon',
  'round-diamond',
];

/** The style of a label: hand-picked for the story's labels, else stable by the label's hash. */
export function styleForLabel(label: string): LabelStyle {
  const known = KNOWN_LABEL_STYLES[label];
  if (known) return known;
  const h = hash(label);
  return {
    color: PALETTE[h % PALETTE.length] ?? '#888888',
    shape: FALLBACK_SHAPES[(h >> 4) % FALLBACK_SHAPES.length] ?? 'ellipse',
    icon: 'dot',
  };
}

/** Node diameter in pixels: grows with the square root of the degree, within [26, 72]. */
export function sizeForDegree(degree: number): number {
  const d = Number.isFinite(degree) && degree > 0 ? degree : 0;
  return Math.round(Math.min(72, 26 + 6 * Math.sqrt(d)));
}

/** A relationship type's colour: neutral by default, so node colours carry the meaning. */
export function colorForType(type: string, theme: Theme): string {
  const h = hash(type);
  const tones =
    theme === 'dark' ? ['#7b8494', '#8a93a3', '#6f7888'] : ['#9aa3b2', '#8a93a3', '#a6aebb'];
  return tones[h % tones.length] ?? '#999999';
}

/** Colours of the canvas and its text per theme. */
export const THEME_COLORS: Readonly<
  Record<
    Theme,
    {
      bg: string;
      text: string;
      textOutline: string;
      edge: string;
      accent: string;
      disputed: string;
    }
  >
> = {
  light: {
    bg: '#f6f7f9',
    text: '#1c2230',
    textOutline: '#f6f7f9',
    edge: '#a3abb8',
    accent: '#2563eb',
    disputed: '#d93036',
  },
  dark: {
    bg: '#12151b',
    text: '#e4e8ef',
    textOutline: '#12151b',
    edge: '#566072',
    accent: '#60a5fa',
    disputed: '#ff6369',
  },
};

export interface StylesheetOptions {
  readonly theme: Theme;
  /** Labels on screen: each gets a selector with its colour, shape and icon. */
  readonly labels: readonly string[];
  /** Draw the relationship type along each edge. */
  readonly edgeLabels: boolean;
  /**
   * `light` for large graphs (see {@link LARGE_GRAPH_THRESHOLD}): no icons, borders or text
   * outlines, straight edges without arrowheads or type labels, captions only once readable.
   * Colour and shape still tell labels apart; the selected elements and a path keep their full
   * detail. Default `full`.
   */
  readonly detail?: Detail;
}

/** How much a stylesheet draws: everything, or what stays legible (and fast) on a large graph. */
export type Detail = 'full' | 'light';

/**
 * The Cytoscape stylesheet: nodes by label (colour, shape, icon), sized by degree, captions that
 * vanish when zoomed out (`min-zoomed-font-size`), edge types along edges, and the states the
 * explorer sets as classes (selected, path, disputed, faded, pinned, search hit).
 */
export function buildStylesheet(options: StylesheetOptions): StylesheetJson {
  const c = THEME_COLORS[options.theme];
  const light = options.detail === 'light';
  const sheet: StylesheetJson = [
    {
      selector: 'node',
      style: {
        'background-color': '#888',
        'border-width': 1.5,
        'border-color': options.theme === 'dark' ? '#0b0d11' : '#ffffff',
        // Precomputed by toElements (sizeForDegree) so the stylesheet stays plain JSON for exports.
        width: 'data(size)',
        height: 'data(size)',
        label: 'data(caption)',
        color: c.text,
        'font-size': 12,
        'font-weight': 500,
        'font-family': 'Inter, "Segoe UI", system-ui, sans-serif',
        'text-valign': 'bottom',
        'text-margin-y': 4,
        'text-wrap': 'wrap',
        'text-max-width': '120px',
        'text-outline-color': c.textOutline,
        'text-outline-width': 2,
        // Captions vanish when they would be smaller than this on screen: cheap and uncluttered.
        'min-zoomed-font-size': 6,
        'background-fit': 'contain',
        'background-width': '58%',
        'background-height': '58%',
        'background-clip': 'none',
        // Every node drawn in full costs a shape, a border, an image and an outlined caption; on a
        // large graph the border and outline are sub-pixel when zoomed out, so they go, and
        // captions wait until they are comfortably readable.
        ...(light ? { 'border-width': 0, 'text-outline-width': 0, 'min-zoomed-font-size': 9 } : {}),
      },
    },
    {
      selector: 'edge',
      style: {
        width: 1.4,
        'line-color': c.edge,
        'target-arrow-color': c.edge,
        'target-arrow-shape': 'triangle',
        'arrow-scale': 0.8,
        'curve-style': 'bezier',
        'font-size': 8.5,
        color: c.text,
        'text-rotation': 'autorotate',
        'text-outline-color': c.textOutline,
        'text-outline-width': 2,
        'min-zoomed-font-size': 8,
        label: options.edgeLabels ? 'data(type)' : '',
        // Haystack edges are plain straight lines, the cheapest Cytoscape draws (no control
        // points, no arrowheads: on thousands of edges those are most of a frame).
        ...(light
          ? {
              'curve-style': 'haystack',
              'haystack-radius': 0,
              'target-arrow-shape': 'none',
              label: '',
            }
          : {}),
      },
    },
  ];
  for (const label of options.labels) {
    const s = styleForLabel(label);
    sheet.push({
      selector: `node[label = ${JSON.stringify(label)}]`,
      style: {
        'background-color': s.color,
        shape: s.shape,
        'background-image': light ? 'none' : iconDataUri(s.icon, '#ffffff'),
      },
    });
  }
  sheet.push(
    {
      selector: 'node.uncited',
      style: { 'border-style': 'dashed', 'border-color': '#8a93a3', 'border-width': 1.5 },
    },
    {
      selector: 'node.disputed',
      style: { 'border-color': c.disputed, 'border-width': 3, 'border-style': 'double' },
    },
    {
      selector: 'edge.disputed',
      style: { 'line-style': 'dashed', 'line-color': c.disputed, 'target-arrow-color': c.disputed },
    },
    {
      selector: 'node.pinned',
      style: {
        'outline-width': 2,
        'outline-color': c.text,
        'outline-offset': 2,
        'outline-opacity': 0.6,
      },
    },
    // Filtered out (label/type filter, time window): hidden, not removed, so filters can undo.
    { selector: '.f-hidden, .t-hidden', style: { display: 'none' } },
    { selector: '.faded', style: { opacity: 0.14, 'text-opacity': 0 } },
    {
      selector: '.search-hit',
      style: { 'underlay-color': '#f5c518', 'underlay-opacity': 0.45, 'underlay-padding': 8 },
    },
    { selector: 'node.path', style: { 'border-color': c.accent, 'border-width': 4 } },
    {
      selector: 'edge.path',
      style: {
        ...(light ? DIRECTED_EDGE : {}),
        'line-color': c.accent,
        'target-arrow-color': c.accent,
        width: 4,
        label: 'data(type)',
        'z-index': 10,
      },
    },
    {
      selector: 'node.new',
      style: { 'underlay-color': c.accent, 'underlay-opacity': 0.25, 'underlay-padding': 6 },
    },
    {
      selector: 'node:selected',
      style: {
        ...(light ? { 'text-outline-width': 2, 'min-zoomed-font-size': 0 } : {}),
        'border-color': c.accent,
        'border-width': 4,
        'underlay-color': c.accent,
        'underlay-opacity': 0.18,
        'underlay-padding': 6,
      },
    },
    {
      selector: 'edge:selected',
      style: {
        ...(light ? DIRECTED_EDGE : {}),
        'line-color': c.accent,
        'target-arrow-color': c.accent,
        width: 3,
        label: 'data(type)',
      },
    },
  );
  return sheet;
}

/** What a light stylesheet gives back to the edges the user picked: their direction. */
const DIRECTED_EDGE = { 'curve-style': 'straight', 'target-arrow-shape': 'triangle' } as const;

/** FNV-1a: a stable, cheap hash so a label keeps its colour across sessions and machines. */
export function hash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/**
 * The stylesheet adjusted for SVG export (cytoscape-svg draws through canvas2svg, which cannot
 * draw rounded polygons or outlined text): rounded polygons become their sharp versions and text
 * outlines are dropped. Round rectangles and ellipses are drawn fine and kept.
 */
export function svgSafeStylesheet(sheet: StylesheetJson): StylesheetJson {
  return sheet.map((block) => {
    if (!('style' in block)) return block;
    const style = { ...(block.style as Record<string, unknown>) };
    const shape = style['shape'];
    if (typeof shape === 'string' && shape.startsWith('round-') && shape !== 'round-rectangle') {
      style['shape'] = shape.slice('round-'.length);
    }
    if ('text-outline-width' in style) style['text-outline-width'] = 0;
    return { ...block, style } as StylesheetJson[number];
  });
}
