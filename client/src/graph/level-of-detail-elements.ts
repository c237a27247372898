import type { Core, ElementDefinition, StylesheetJson } from 'cytoscape';
import { THEME_COLORS, type Theme } from '../style/style-rules.js';
import type { LodCell, LodLink, LodPlan } from './level-of-detail.js';

/**
 * The Cytoscape side of a simplified picture (graph/level-of-detail.ts): the aggregate nodes and
 * counted links as elements, and their style. Aggregates are neither selectable nor grabbable:
 * they are not in the View, so selecting or moving one would have nothing to record.
 */

function cellData(c: LodCell): Record<string, unknown> {
  return {
    caption: c.caption,
    count: c.count,
    size: c.size,
    fontSize: c.fontSize,
    x1: c.x1,
    y1: c.y1,
    x2: c.x2,
    y2: c.y2,
  };
}

function linkData(l: LodLink, unit: number): Record<string, unknown> {
  return { count: l.count, width: (1 + Math.log2(l.count)) * unit };
}

/** Definitions of the aggregates and links of `plan` not on the canvas yet. */
export function lodDefinitions(
  plan: LodPlan,
  onCanvas: (id: string) => boolean,
): ElementDefinition[] {
  const out: ElementDefinition[] = [];
  for (const c of plan.cells) {
    if (onCanvas(c.id)) continue;
    out.push({
      group: 'nodes',
      // Empty labels and props: filters and panels that read every node find nothing to match.
      data: { id: c.id, labels: [], label: '', props: {}, degree: 0, cited: true, ...cellData(c) },
      position: { x: c.x, y: c.y },
      classes: 'lod',
      selectable: false,
      grabbable: false,
    });
  }
  for (const l of plan.links) {
    if (onCanvas(l.id)) continue;
    out.push({
      group: 'edges',
      data: {
        id: l.id,
        source: l.source,
        target: l.target,
        type: '',
        props: {},
        cited: true,
        ...linkData(l, plan.unit),
      },
      classes: 'lod-link',
      selectable: false,
    });
  }
  return out;
}

/** Brings aggregates already drawn up to date: a cell keeps its id while its count or centre moves. */
export function refreshLodData(cy: Core, plan: LodPlan): void {
  for (const c of plan.cells) {
    const n = cy.getElementById(c.id);
    if (n.empty()) continue;
    if (n.data('count') !== c.count || n.data('size') !== c.size) n.data(cellData(c));
    const p = n.position();
    if (p.x !== c.x || p.y !== c.y) n.position({ x: c.x, y: c.y });
  }
  for (const l of plan.links) {
    const e = cy.getElementById(l.id);
    if (e.nonempty() && e.data('count') !== l.count) e.data(linkData(l, plan.unit));
  }
}

/**
 * Aggregates read as "1,204 nodes" at any zoom (their size and caption are in model units chosen
 * for the zoom of the plan), in the theme's colours, behind the real nodes.
 */
export function lodStylesheet(theme: Theme): StylesheetJson {
  const c = THEME_COLORS[theme];
  const dark = theme === 'dark';
  return [
    {
      selector: 'node.lod',
      style: {
        shape: 'ellipse',
        width: 'data(size)',
        height: 'data(size)',
        'background-color': dark ? '#2b3547' : '#d5dceb',
        'background-opacity': 0.9,
        'background-image': 'none',
        'border-width': 1.5,
        'border-color': dark ? '#8fa3c4' : '#5b6b86',
        label: 'data(caption)',
        'font-size': 'data(fontSize)',
        'font-weight': 600,
        color: c.text,
        'text-valign': 'center',
        'text-halign': 'center',
        'text-margin-y': 0,
        'text-outline-width': 0,
        'min-zoomed-font-size': 0,
        'z-index': 0,
      },
    },
    {
      selector: 'edge.lod-link',
      style: {
        width: 'data(width)',
        'line-color': c.edge,
        opacity: 0.45,
        'curve-style': 'haystack',
        'target-arrow-shape': 'none',
        label: '',
        'z-index': 0,
      },
    },
  ];
}
