import type { StylesheetJson } from 'cytoscape';
import { structureRules } from '../structure/structure-style.js';
import { evidenceStylesheet } from '../evidence/evidence-style.js';
import { iconDataUri } from './icons.js';
import { styleForLabel, THEME_COLORS, type Theme } from './style-rules.js';

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
  // Size by centrality and colour by community override the label's size and colour only.
  sheet.push(...structureRules(options.theme));
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
    // Group nodes (grouping/) stand for many: a double ring, a bold "Label (count)" caption, and
    // relationships between groups as wide as the log of how many they count.
    {
      selector: 'node.group',
      style: {
        'border-width': 5,
        'border-style': 'double',
        'border-color': c.text,
        'font-weight': 700,
        'font-size': 14,
      },
    },
    { selector: 'edge.group-edge', style: { width: 'data(width)' } },
    // Sized by sources, and facts the evidence legend hides (issue 15).
    ...evidenceStylesheet(),
    // Filtered out (label/type filter, time window): hidden, not removed, so filters can undo.
    { selector: '.f-hidden, .t-hidden, .p-hidden', style: { display: 'none' } },
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
