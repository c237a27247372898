import cytoscape, { type Core } from 'cytoscape';
import type { SchemaOverview } from '../api/graph-api.js';
import type { ExplorerContext } from '../graph/connect.js';
import { filterLabel } from '../state/commands/filter-label.js';
import { filterType } from '../state/commands/filter-type.js';
import { pictureCounts } from '../state/picture-counts.js';
import { pictureOf } from '../state/picture.js';
import { iconDataUri } from '../style/icons.js';
import { styleForLabel, THEME_COLORS } from '../style/style-rules.js';
import { byId, fmt, h } from '../ui/dom.js';

export interface SchemaPanelActions {
  /** Adds some nodes of a label to the canvas. */
  readonly addLabel: (label: string) => void;
}

/**
 * The left column: totals, the meta-graph (labels joined by the relationship types between
 * them), and one row per label and relationship type that is at once the legend, the count and
 * the show/hide filter.
 */
export class SchemaPanel {
  private metaCy: Core | undefined;
  private schema: SchemaOverview | undefined;

  constructor(
    private readonly ctx: ExplorerContext,
    private readonly actions: SchemaPanelActions,
  ) {
    ctx.store.subscribe(() => void ctx.explorer.idle().then(() => this.renderCounts()));
  }

  render(schema: SchemaOverview): void {
    this.schema = schema;
    byId('overview-totals').textContent =
      `${fmt(schema.nodeCount)} nodes · ${fmt(schema.relationshipCount)} rels`;
    this.renderMetaGraph(schema);
    this.renderFacets(schema);
  }

  /** Redraws the meta-graph in the current theme. */
  retheme(): void {
    if (this.schema) this.renderMetaGraph(this.schema);
  }

  private renderMetaGraph(schema: SchemaOverview): void {
    this.metaCy?.destroy();
    const theme = THEME_COLORS[this.ctx.store.view.theme];
    const max = Math.max(1, ...schema.labels.map((l) => l.count));
    const elements = [
      ...schema.labels.map((l) => ({
        data: {
          id: `l:${l.name}`,
          name: l.name,
          size: 14 + 22 * Math.sqrt(l.count / max),
          color: styleForLabel(l.name).color,
        },
      })),
      ...schema.metaGraph.map((m, i) => ({
        data: {
          id: `m:${i}`,
          source: `l:${m.source}`,
          target: `l:${m.target}`,
          type: m.type,
          count: m.count,
        },
      })),
    ];
    this.metaCy = cytoscape({
      container: byId('meta-graph'),
      elements,
      userZoomingEnabled: false,
      userPanningEnabled: false,
      boxSelectionEnabled: false,
      autoungrabify: true,
      style: [
        {
          selector: 'node',
          style: {
            width: 'data(size)',
            height: 'data(size)',
            'background-color': 'data(color)',
            label: 'data(name)',
            'font-size': 8,
            color: theme.text,
            'text-valign': 'bottom',
            'text-margin-y': 2,
            'text-outline-color': theme.bg,
            'text-outline-width': 1.5,
          },
        },
        {
          selector: 'edge',
          style: {
            width: 0.8,
            'line-color': theme.edge,
            'curve-style': 'bezier',
            'target-arrow-shape': 'triangle',
            'target-arrow-color': theme.edge,
            'arrow-scale': 0.5,
          },
        },
      ],
      layout: { name: 'circle', padding: 14 },
    });
    this.metaCy.on('mouseover', 'edge', (e) => {
      byId('meta-graph').title =
        `(:${String(e.target.source().data('name'))})-[:${String(e.target.data('type'))}]->(:${String(e.target.target().data('name'))}) × ${String(e.target.data('count'))}`;
    });
    this.metaCy.on('tap', 'node', (e) => this.actions.addLabel(String(e.target.data('name'))));
  }

  private renderFacets(schema: SchemaOverview): void {
    const { hiddenLabels, hiddenTypes } = this.ctx.store.view;
    const { store } = this.ctx;
    byId('label-list').replaceChildren(
      ...schema.labels.map((l) => {
        const s = styleForLabel(l.name);
        return facetRow({
          kind: 'label',
          name: l.name,
          count: l.count,
          shown: !hiddenLabels.includes(l.name),
          title: `Show or hide :${l.name} nodes`,
          swatch: h('span', {
            class: 'swatch',
            style: `background:${s.color} url("${iconDataUri(s.icon, '#fff')}") center/10px no-repeat`,
          }),
          toggle: (visible) => store.dispatch(filterLabel, { label: l.name, visible }),
          extra: h(
            'button',
            {
              type: 'button',
              class: 'add',
              title: `Add ${l.name} nodes to the canvas`,
              'aria-label': `Add ${l.name} nodes`,
              onclick: () => this.actions.addLabel(l.name),
            },
            '+',
          ),
        });
      }),
    );
    byId('type-list').replaceChildren(
      ...schema.relationshipTypes.map((t) =>
        facetRow({
          kind: 'type',
          name: t.name,
          count: t.count,
          shown: !hiddenTypes.includes(t.name),
          title: `Show or hide ${t.name} relationships`,
          swatch: h('span', { class: 'swatch edge' }),
          toggle: (visible) => store.dispatch(filterType, { type: t.name, visible }),
          extra: null,
        }),
      ),
    );
  }

  /**
   * Shows "on screen / in the graph" per label and type, counted over the View's whole picture
   * (state/picture.ts), not the canvas: a simplified picture draws only the part near the viewport,
   * and its counts would change as the user pans. "On screen" keeps what it meant on a fully drawn
   * canvas: every node and relationship drawn, those a filter hides included (the row is also the
   * filter, so an unticked label still says how many it would bring back), a collapsed group one
   * node of its label, and counted relationships between groups of no type.
   */
  private renderCounts(): void {
    if (!this.schema) return;
    const { store, cache, explorer } = this.ctx;
    const { hiddenLabels, hiddenTypes } = store.view;
    const { labels, types } = pictureCounts(
      pictureOf(store.view, cache, explorer.labelPriority),
      cache,
    );
    for (const l of this.schema.labels) {
      const el = document.querySelector(`[data-count-label="${CSS.escape(l.name)}"]`);
      const on = labels.get(l.name) ?? 0;
      if (el) el.textContent = on ? `${fmt(on)} / ${fmt(l.count)}` : fmt(l.count);
      const box = document.querySelector<HTMLInputElement>(
        `input[data-label="${CSS.escape(l.name)}"]`,
      );
      if (box) box.checked = !hiddenLabels.includes(l.name);
    }
    for (const t of this.schema.relationshipTypes) {
      const el = document.querySelector(`[data-count-type="${CSS.escape(t.name)}"]`);
      const on = types.get(t.name) ?? 0;
      if (el) el.textContent = on ? `${fmt(on)} / ${fmt(t.count)}` : fmt(t.count);
      const box = document.querySelector<HTMLInputElement>(
        `input[data-type="${CSS.escape(t.name)}"]`,
      );
      if (box) box.checked = !hiddenTypes.includes(t.name);
    }
  }
}

/** One row of the left column: a show/hide box, the legend swatch, the name and the count. */
function facetRow(f: {
  kind: 'label' | 'type';
  name: string;
  count: number;
  shown: boolean;
  title: string;
  swatch: HTMLElement;
  toggle: (visible: boolean) => void;
  extra: HTMLElement | null;
}): HTMLElement {
  const box = h('input', { type: 'checkbox', [`data-${f.kind}`]: f.name, checked: f.shown });
  box.addEventListener('change', () => f.toggle(box.checked));
  return h(
    'li',
    {},
    h('label', { title: f.title }, box, f.swatch, h('span', { class: 'name' }, f.name)),
    h('span', { class: 'count', [`data-count-${f.kind}`]: f.name }, fmt(f.count)),
    f.extra,
  );
}
