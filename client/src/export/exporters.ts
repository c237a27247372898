import cytoscape, { type Core, type ElementDefinition } from 'cytoscape';
import svg from 'cytoscape-svg';
import type { EdgeData, NodeData } from '../graph/to-elements.js';
import type { Explorer } from '../graph/explorer.js';
import { pictureOf } from '../state/picture.js';
import { THEME_COLORS } from '../style/style-rules.js';
import { svgSafeStylesheet } from '../style/stylesheet.js';
import { copyText, download } from '../ui/dom.js';
import { asCypher, asGraphQL } from './copy-as.js';
import { edgesToCsv, nodesToCsv } from './csv.js';
import { exportElements, type ExportElements } from './export-elements.js';
import { toGraphML } from './graphml.js';

// Core.svg() is registered here, not with the renderer: this module loads on the first export,
// so the first page does not carry cytoscape-svg.
cytoscape.use(svg);

/** The export formats the menu offers. */
export type ExportKind =
  | 'png'
  | 'svg'
  | 'html'
  | 'json'
  | 'graphml'
  | 'csv-nodes'
  | 'csv-edges'
  | 'copy-graphql'
  | 'copy-cypher';

/** The stylesheet as JSON (Style.json() exists at run time but not in the type declarations). */
function styleJson(cy: Core): unknown {
  return (cy.style() as unknown as { json(): unknown }).json();
}

function stamp(): string {
  return new Date().toISOString().slice(0, 16).replace(/[:T]/g, '-');
}

/**
 * What the data exports carry: the elements on screen. Drawn in full, that is what Cytoscape
 * holds; a simplified picture holds only the part near the viewport, so it is the View's whole
 * picture (export-elements.ts).
 */
function dataOf(explorer: Explorer): ExportElements {
  if (explorer.simplified) {
    const cy = explorer.cy;
    return exportElements(
      pictureOf(explorer.view, explorer.cache, explorer.labelPriority),
      explorer.view,
      explorer.cache,
      explorer.labelPriority,
      (id) => {
        const e = cy.getElementById(id);
        return e.nonempty() ? (e.json() as unknown as ElementDefinition) : undefined;
      },
    );
  }
  const visible = explorer.visible();
  return {
    elements: visible.jsons() as unknown as ElementDefinition[],
    nodes: visible.nodes().map((n) => n.data() as NodeData),
    edges: visible.edges().map((e) => e.data() as EdgeData),
    positions: new Map(visible.nodes().map((n) => [n.id(), n.position()] as const)),
  };
}

/** Runs one export of the visible view; returns a message to show. */
export async function runExport(kind: ExportKind, explorer: Explorer): Promise<string> {
  const cy = explorer.cy;
  // Transient highlights (just added, search hit) are not part of the picture.
  cy.elements().removeClass('new search-hit');
  const { elements, nodes, edges, positions } = dataOf(explorer);
  const bg = THEME_COLORS[explorer.view.theme].bg;
  const base = `dossier-${stamp()}`;
  // PNG and SVG are pictures of what is drawn: of a simplified picture, its simplification.
  const simplified = explorer.simplified;
  const asDrawn = simplified
    ? ` It shows the simplified picture as drawn (${simplified.drawn.toLocaleString('en-US')} of ${simplified.total.toLocaleString('en-US')} elements); data exports carry every element.`
    : '';
  switch (kind) {
    case 'png': {
      const blob = cy.png({
        output: 'blob',
        full: true,
        scale: 2,
        bg,
        maxWidth: 8000,
        maxHeight: 8000,
      }) as unknown as Blob;
      download(`${base}.png`, blob);
      return `PNG downloaded.${asDrawn}`;
    }
    case 'svg': {
      cy.style(svgSafeStylesheet(explorer.stylesheet()));
      try {
        download(`${base}.svg`, cy.svg({ full: true, scale: 1, bg }), 'image/svg+xml');
      } finally {
        cy.style(explorer.stylesheet());
      }
      return `SVG downloaded.${asDrawn}`;
    }
    case 'json':
      download(
        `${base}.json`,
        JSON.stringify({ elements, style: styleJson(cy) }, null, 2),
        'application/json',
      );
      return 'Cytoscape JSON downloaded.';
    case 'graphml':
      download(`${base}.graphml`, toGraphML(nodes, edges, positions), 'application/xml');
      return 'GraphML downloaded.';
    case 'csv-nodes':
      download(`${base}-nodes.csv`, nodesToCsv(nodes), 'text/csv');
      return 'Nodes CSV downloaded.';
    case 'csv-edges':
      download(`${base}-relationships.csv`, edgesToCsv(edges), 'text/csv');
      return 'Relationships CSV downloaded.';
    case 'html': {
      const { buildInteractiveHtml } = await import('./html-export.js');
      const theme = THEME_COLORS[explorer.view.theme];
      const html = buildInteractiveHtml({
        title: 'Dossier view',
        subtitle: `Exported ${new Date().toISOString().slice(0, 10)} · ${nodes.length} nodes · ${edges.length} relationships`,
        elements: elements as never,
        style: styleJson(cy) as never,
        background: theme.bg,
        text: theme.text,
      });
      download(`${base}.html`, html, 'text/html');
      return 'Interactive HTML downloaded: it opens offline, in any browser.';
    }
    case 'copy-graphql':
      await copyText(asGraphQL(nodes.map((n) => n.id)));
      return 'GraphQL query copied (with its variables).';
    case 'copy-cypher':
      await copyText(
        asCypher(
          nodes.map((n) => n.id),
          [...explorer.view.hiddenTypes],
        ),
      );
      return 'Cypher copied.';
  }
}
