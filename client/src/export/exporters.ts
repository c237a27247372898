import cytoscape, { type Core } from 'cytoscape';
import svg from 'cytoscape-svg';
import type { EdgeData, NodeData } from '../graph/to-elements.js';
import type { Explorer } from '../graph/explorer.js';
import { THEME_COLORS } from '../style/style-rules.js';
import { svgSafeStylesheet } from '../style/stylesheet.js';
import { copyText, download } from '../ui/dom.js';
import { asCypher, asGraphQL } from './copy-as.js';
import { edgesToCsv, nodesToCsv } from './csv.js';
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

/** Runs one export of the visible view; returns a message to show. */
export async function runExport(kind: ExportKind, explorer: Explorer): Promise<string> {
  const cy = explorer.cy;
  // Transient highlights (just added, search hit) are not part of the picture.
  cy.elements().removeClass('new search-hit');
  const visible = explorer.visible();
  const nodes = visible.nodes().map((n) => n.data() as NodeData);
  const edges = visible.edges().map((e) => e.data() as EdgeData);
  const bg = THEME_COLORS[explorer.view.theme].bg;
  const base = `dossier-${stamp()}`;
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
      return 'PNG downloaded.';
    }
    case 'svg': {
      cy.style(svgSafeStylesheet(explorer.stylesheet()));
      try {
        download(`${base}.svg`, cy.svg({ full: true, scale: 1, bg }), 'image/svg+xml');
      } finally {
        cy.style(explorer.stylesheet());
      }
      return 'SVG downloaded.';
    }
    case 'json':
      download(
        `${base}.json`,
        JSON.stringify({ elements: visible.jsons(), style: styleJson(cy) }, null, 2),
        'application/json',
      );
      return 'Cytoscape JSON downloaded.';
    case 'graphml': {
      const positions = new Map(visible.nodes().map((n) => [n.id(), n.position()] as const));
      download(`${base}.graphml`, toGraphML(nodes, edges, positions), 'application/xml');
      return 'GraphML downloaded.';
    }
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
        elements: visible.jsons() as never,
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
