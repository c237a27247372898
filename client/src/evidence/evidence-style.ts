import type { StylesheetJson } from 'cytoscape';

/** Node diameter and relationship width for 0, 1, 2 and 3+ independent sources. */
export const SOURCE_NODE_SIZES = [22, 34, 52, 70] as const;
export const SOURCE_EDGE_WIDTHS = [1, 1.6, 3.6, 6] as const;

/**
 * The evidence rules of the stylesheet: facts a legend toggle hides are not displayed (kept in the
 * picture, so the toggle and undo bring them back), and while sizing by sources the size steps
 * override the degree-based size. Uncited facts are drawn dotted at step 0.
 */
export function evidenceStylesheet(): StylesheetJson {
  return [
    ...SOURCE_NODE_SIZES.map((size, s) => ({
      selector: `node.ev-s${s}`,
      style: { width: size, height: size },
    })),
    ...SOURCE_EDGE_WIDTHS.map((width, s) => ({
      selector: `edge.ev-s${s}`,
      style: s === 0 ? { width, 'line-style': 'dotted' as const } : { width },
    })),
    { selector: '.ev-hidden', style: { display: 'none' } },
  ];
}
