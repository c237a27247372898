import type { Core, StylesheetJson } from 'cytoscape';
import type { CentralityMeasure } from '../state/analysis.js';
import type { Theme } from '../style/style-rules.js';

/**
 * How structure shows on the canvas, without fighting the stylesheet: a node sized by centrality
 * gets the class `st-sized` and its size in `data(stSize)`; a node coloured by community gets
 * `st-c0` … `st-c9` (the ten largest communities) or `st-cx` (the rest). Shape and icon still
 * tell labels apart; selection, paths, disputes and filters keep their own rules, which come
 * later in the sheet. This module is small and free of graphology: the stylesheet imports it.
 */

/** Ten colours that stay apart for most colour-blind readers (Okabe–Ito and Tol's muted). */
export const COMMUNITY_COLOURS = [
  '#0072B2',
  '#E69F00',
  '#009E73',
  '#CC79A7',
  '#D55E00',
  '#56B4E9',
  '#882255',
  '#999933',
  '#44AA99',
  '#AA4499',
] as const;

/** The colour of the communities past the tenth, per theme. */
export const OTHER_COMMUNITY = { light: '#b8bec8', dark: '#4a5160' } as const;

const CLASS_LIST = ['st-sized', 'st-cx', ...COMMUNITY_COLOURS.map((_, i) => `st-c${i}`)];

export const STRUCTURE_CLASSES = CLASS_LIST.join(' ');

/** The community's class on the canvas. */
export function communityClass(community: number): string {
  return community < COMMUNITY_COLOURS.length ? `st-c${community}` : 'st-cx';
}

/** The community's colour (the table's swatch and the legend). */
export function communityColour(community: number, theme: Theme): string {
  return COMMUNITY_COLOURS[community] ?? OTHER_COMMUNITY[theme];
}

/** The stylesheet rules for the structure classes; placed after the label rules, which they override. */
export function structureRules(theme: Theme): StylesheetJson {
  return [
    { selector: 'node.st-sized', style: { width: 'data(stSize)', height: 'data(stSize)' } },
    ...COMMUNITY_COLOURS.map((colour, i) => ({
      selector: `node.st-c${i}`,
      style: { 'background-color': colour },
    })),
    { selector: 'node.st-cx', style: { 'background-color': OTHER_COMMUNITY[theme] } },
  ];
}

/** A node's size for a measure's value: 18 px for the least central, 80 px for the most. */
export function sizeFor(value: number, max: number): number {
  if (!(max > 0) || !(value > 0)) return 18;
  return Math.round(18 + 62 * Math.sqrt(Math.min(value / max, 1)));
}

export interface StructureStyling {
  readonly sizeBy: CentralityMeasure | null;
  /** The measure's values by node id; null while it is being computed. */
  readonly values: Readonly<Record<string, number>> | null;
  readonly community: Readonly<Record<string, number>> | null;
}

/**
 * Sets the structure classes and data on every drawn node (inside one batch): nodes the
 * computation has not seen yet (just drawn) keep their ordinary style until it has.
 */
export function applyStructure(cy: Core, s: StructureStyling): void {
  const values = s.sizeBy ? s.values : null;
  let max = 0;
  if (values) for (const v of Object.values(values)) if (v > max) max = v;
  cy.batch(() => {
    cy.nodes().forEach((n) => {
      const id = n.id();
      const v = values?.[id];
      const c = s.community?.[id];
      const want = [
        ...(v !== undefined ? ['st-sized'] : []),
        ...(c !== undefined ? [communityClass(c)] : []),
      ];
      const has = CLASS_LIST.filter((k) => n.hasClass(k));
      if (v !== undefined) {
        const size = sizeFor(v, max);
        if (n.data('stSize') !== size) n.data('stSize', size);
      }
      if (has.length === want.length && has.every((k) => want.includes(k))) return;
      n.removeClass(STRUCTURE_CLASSES);
      if (want.length) n.addClass(want.join(' '));
    });
  });
}
