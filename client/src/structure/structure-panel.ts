import './structure.css';
import type { ExplorerContext } from '../graph/connect.js';
import type { CentralityMeasure } from '../state/analysis.js';
import { select } from '../state/commands/select.js';
import { setStructureCommunities, setStructureSize } from '../state/commands/set-structure.js';
import { fmt, h } from '../ui/dom.js';
import { StructureController, timed, type StructureData } from './structure-controller.js';
import { communityColour } from './structure-style.js';

type Column = 'node' | 'label' | 'degree' | 'betweenness' | 'pagerank' | 'community';

const COLUMNS: readonly { key: Column; title: string; numeric: boolean }[] = [
  { key: 'node', title: 'Node', numeric: false },
  { key: 'label', title: 'Label', numeric: false },
  { key: 'degree', title: 'Degree', numeric: true },
  { key: 'betweenness', title: 'Betweenness', numeric: true },
  { key: 'pagerank', title: 'PageRank', numeric: true },
  { key: 'community', title: 'Community', numeric: true },
];

/** Rows drawn at once: the table is for the top of a ranking; sorting brings any node up. */
const ROW_LIMIT = 200;

interface Row {
  readonly id: string;
  readonly node: string;
  readonly label: string;
  readonly degree: number;
  readonly betweenness: number | null;
  readonly pagerank: number;
  readonly community: number;
}

let controller: StructureController | null = null;

/** The one structure controller of the page (created on first need, with the panel's module). */
export function structureController(ctx: ExplorerContext): StructureController {
  controller ??= new StructureController(ctx);
  return controller;
}

/**
 * The structure panel, over the canvas's right edge: how to size and colour nodes, the progress
 * of the computation (with Cancel), and a sortable table of every node on screen; a row selects
 * its node. `data-worker-runs` counts the runs whose results came from the worker.
 */
export class StructurePanel {
  readonly root: HTMLElement;
  private sort: { key: Column; descending: boolean } = { key: 'degree', descending: true };
  private readonly controller: StructureController;
  private readonly body: HTMLTableSectionElement;
  private readonly status: HTMLElement;
  private readonly progress: HTMLProgressElement;
  private readonly cancelButton: HTMLButtonElement;
  private readonly recomputeButton: HTMLButtonElement;
  private readonly sizeSelect: HTMLSelectElement;
  private readonly communityBox: HTMLInputElement;
  private readonly headRow: HTMLTableRowElement;
  private readonly note: HTMLElement;
  private ticker: ReturnType<typeof setInterval> | undefined;
  private drawnData: StructureData | null = null;

  constructor(
    private readonly ctx: ExplorerContext,
    private readonly onClose: () => void,
  ) {
    this.controller = structureController(ctx);
    this.sizeSelect = h(
      'select',
      { id: 'structure-size', onchange: () => this.dispatchSize() },
      h('option', { value: '' }, 'Stored degree (usual)'),
      h('option', { value: 'degree' }, 'Degree on screen'),
      h('option', { value: 'betweenness' }, 'Betweenness'),
      h('option', { value: 'pagerank' }, 'PageRank'),
    );
    this.communityBox = h('input', {
      id: 'structure-communities',
      type: 'checkbox',
      onchange: () => void ctx.store.dispatch(setStructureCommunities, this.communityBox.checked),
    });
    this.progress = h('progress', { max: 2, value: 0, 'aria-label': 'Structure computation' });
    this.status = h('span', { class: 'structure-status-text' });
    this.cancelButton = h(
      'button',
      { type: 'button', onclick: () => this.controller.cancel() },
      'Cancel',
    );
    this.recomputeButton = h(
      'button',
      { type: 'button', onclick: () => this.controller.recompute() },
      'Recompute',
    );
    this.headRow = h('tr');
    this.body = h('tbody');
    this.note = h('p', { class: 'muted structure-note' });
    this.root = h(
      'section',
      { id: 'structure-panel', class: 'structure-panel', 'aria-labelledby': 'structure-title' },
      h(
        'header',
        {},
        h('h2', { id: 'structure-title' }, 'Structure'),
        h(
          'button',
          {
            type: 'button',
            class: 'structure-close',
            'aria-label': 'Close the structure panel',
            title: 'Close (Esc)',
            onclick: () => this.onClose(),
          },
          '×',
        ),
      ),
      h(
        'div',
        { class: 'structure-controls' },
        h('label', { for: 'structure-size' }, 'Size by'),
        this.sizeSelect,
        h('label', { class: 'structure-check' }, this.communityBox, 'Colour by community'),
      ),
      h(
        'div',
        { class: 'structure-progress', role: 'status', 'aria-live': 'polite' },
        this.progress,
        this.status,
        this.cancelButton,
        this.recomputeButton,
      ),
      h(
        'div',
        { class: 'structure-table-wrap' },
        h(
          'table',
          {
            class: 'structure-table',
            'aria-label': 'Centrality and community of each node on screen',
          },
          h('thead', {}, this.headRow),
          this.body,
        ),
      ),
      this.note,
    );
    this.root.addEventListener('keydown', (e) => {
      if (e.key === 'Escape') {
        e.stopPropagation();
        this.onClose();
      }
    });
    this.controller.subscribe(() => this.render());
    ctx.store.subscribe((next, prev) => {
      if (next.analysis.structure !== prev.analysis.structure) this.syncControls();
    });
    this.renderHead();
    this.syncControls();
    this.render();
  }

  open(): void {
    this.root.hidden = false;
    this.controller.setPanelOpen(true);
    this.ticker ??= setInterval(() => this.renderStatus(), 500);
    this.render();
    this.sizeSelect.focus();
  }

  close(): void {
    this.root.hidden = true;
    this.controller.setPanelOpen(false);
    clearInterval(this.ticker);
    this.ticker = undefined;
  }

  private dispatchSize(): void {
    const v = this.sizeSelect.value;
    const measure = v === '' ? null : (v as CentralityMeasure);
    this.ctx.store.dispatch(setStructureSize, measure);
  }

  private syncControls(): void {
    const s = this.ctx.store.view.analysis.structure;
    this.sizeSelect.value = s.sizeBy ?? '';
    this.communityBox.checked = s.colourByCommunity;
  }

  private renderHead(): void {
    this.headRow.replaceChildren(
      ...COLUMNS.map((c) => {
        const active = this.sort.key === c.key;
        const th = h(
          'th',
          {
            scope: 'col',
            class: c.numeric ? 'num' : null,
            'aria-sort': active ? (this.sort.descending ? 'descending' : 'ascending') : 'none',
          },
          h(
            'button',
            {
              type: 'button',
              'data-sort': c.key,
              title: `Sort by ${c.title.toLowerCase()}`,
              onclick: () => this.sortBy(c.key),
            },
            c.title,
            h(
              'span',
              { 'aria-hidden': 'true' },
              active ? (this.sort.descending ? ' ▾' : ' ▴') : '',
            ),
          ),
        );
        return th;
      }),
    );
  }

  private sortBy(key: Column): void {
    const col = COLUMNS.find((c) => c.key === key);
    this.sort =
      this.sort.key === key
        ? { key, descending: !this.sort.descending }
        : { key, descending: col?.numeric === true && key !== 'community' };
    this.renderHead();
    this.drawnData = null;
    this.render();
    this.headRow.querySelector<HTMLButtonElement>(`button[data-sort="${key}"]`)?.focus();
  }

  private renderStatus(): void {
    const c = this.controller;
    const n = c.data.nodes.length;
    const elapsed = ((performance.now() - c.startedAt) / 1000).toFixed(1);
    const running = c.status === 'quick' || c.status === 'betweenness';
    this.root.dataset['status'] = c.status;
    this.root.dataset['workerRuns'] = String(c.workerRuns);
    this.progress.value = c.status === 'quick' ? 0 : c.status === 'betweenness' ? 1 : 2;
    this.progress.hidden = !running;
    this.cancelButton.hidden = !running;
    this.recomputeButton.hidden = c.status !== 'cancelled' && c.status !== 'error';
    this.status.textContent =
      c.status === 'idle'
        ? 'Nothing computed yet.'
        : c.status === 'quick'
          ? `Degree, PageRank and communities… ${elapsed} s`
          : c.status === 'betweenness'
            ? `Betweenness of ${fmt(n)} nodes… ${elapsed} s`
            : c.status === 'done'
              ? `${fmt(n)} nodes, ${fmt(c.data.quick?.communityCount ?? 0)} communities${c.workerRuns ? ' (computed in a worker)' : ''}.`
              : c.status === 'cancelled'
                ? 'Cancelled: betweenness is not known for this picture.'
                : `The computation failed: ${c.error}. Recompute to try again.`;
  }

  private render(): void {
    this.renderStatus();
    if (this.root.hidden) return;
    const data = this.controller.data;
    if (data === this.drawnData) return;
    this.drawnData = data;
    const rows = timed('table', () => this.rows(data));
    const theme = this.ctx.store.view.theme;
    const shown = rows.slice(0, ROW_LIMIT);
    this.body.replaceChildren(
      ...shown.map((r) =>
        h(
          'tr',
          {
            tabindex: 0,
            'data-id': r.id,
            onclick: () => this.choose(r.id),
            onkeydown: (e: Event) => this.rowKey(e as KeyboardEvent, r.id),
          },
          h('th', { scope: 'row', class: 'structure-node', title: r.node }, r.node),
          h('td', {}, r.label),
          h('td', { class: 'num' }, fmt(r.degree)),
          h('td', { class: 'num' }, r.betweenness === null ? '…' : r.betweenness.toFixed(4)),
          h('td', { class: 'num' }, r.pagerank.toFixed(4)),
          h(
            'td',
            { class: 'num', 'data-community': r.community },
            swatch(communityColour(r.community, theme)),
            String(r.community + 1),
          ),
        ),
      ),
    );
    this.note.textContent =
      rows.length > ROW_LIMIT
        ? `The first ${fmt(ROW_LIMIT)} of ${fmt(rows.length)} nodes; sort to bring others up.`
        : rows.length
          ? `${fmt(rows.length)} nodes on screen. A row selects its node (click or Enter).`
          : 'No nodes on screen.';
  }

  private rows(data: StructureData): Row[] {
    const q = data.quick;
    if (!q) return [];
    const { cache, explorer } = this.ctx;
    // The label a node is styled by; read from the cache, since a simplified picture draws only
    // part of the nodes measured.
    const labelOf = (id: string): string => {
      const n = explorer.cy.getElementById(id);
      if (n.nonempty()) return String(n.data('label') ?? '');
      const labels = cache.node(id)?.labels ?? [];
      return explorer.labelPriority.find((l) => labels.includes(l)) ?? labels[0] ?? '';
    };
    const rows = data.nodes.map((id): Row => {
      return {
        id,
        node: cache.captionOf(id),
        label: labelOf(id),
        degree: q.degree[id] ?? 0,
        betweenness: data.betweenness ? (data.betweenness[id] ?? 0) : null,
        pagerank: q.pagerank[id] ?? 0,
        community: q.community[id] ?? 0,
      };
    });
    const { key, descending } = this.sort;
    const sign = descending ? -1 : 1;
    return rows.sort((a, b) => {
      const x = a[key];
      const y = b[key];
      const d =
        typeof x === 'string' || typeof y === 'string'
          ? String(x).localeCompare(String(y))
          : (x ?? -1) - (y ?? -1);
      return d * sign || a.node.localeCompare(b.node);
    });
  }

  /** Selects the node and brings it into view, as a click on the canvas would select it. */
  private choose(id: string): void {
    const { store, explorer } = this.ctx;
    store.dispatch(select, [id]);
    // A selected node is drawn even in a simplified picture, once the Explorer has drawn the View.
    void explorer.idle().then(() => {
      const n = explorer.cy.getElementById(id);
      if (n.nonempty()) explorer.cy.animate({ center: { eles: n } }, { duration: 250 });
    });
    for (const tr of this.body.querySelectorAll('tr')) {
      tr.setAttribute('aria-selected', String(tr.dataset['id'] === id));
    }
  }

  /** Enter or Space selects the row's node; arrows move between rows. */
  private rowKey(e: KeyboardEvent, id: string): void {
    const tr = e.currentTarget as HTMLTableRowElement;
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      this.choose(id);
    } else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      const next = e.key === 'ArrowDown' ? tr.nextElementSibling : tr.previousElementSibling;
      (next as HTMLElement | null)?.focus();
    }
  }
}

function swatch(colour: string): HTMLElement {
  const s = h('span', { class: 'structure-swatch', 'aria-hidden': 'true' });
  s.style.backgroundColor = colour;
  return s;
}
