import type { NodeSingular } from 'cytoscape';
import { fetchShortestPaths } from '../api/graph-api.js';
import { addConnected, type ExplorerContext } from '../graph/connect.js';
import { busy } from '../ui/busy.js';
import { h } from '../ui/dom.js';
import { errorMessage } from '../ui/toast.js';

/**
 * The path finder: pick two nodes (on the canvas, or from a node's menu), get every shortest
 * path between them added to the view and highlighted, each path listed step by step.
 */
export class PathFinder {
  from: string | null = null;
  to: string | null = null;
  /** True while the panel is open: node taps fill the empty slot. */
  active = false;

  constructor(
    private readonly root: HTMLElement,
    private readonly ctx: ExplorerContext,
    private readonly onClose: () => void,
  ) {}

  open(from: string | null = null, to: string | null = null): void {
    this.active = true;
    this.from = from;
    this.to = to;
    this.render();
    if (this.from && this.to) void this.find();
  }

  close(): void {
    this.active = false;
    this.ctx.explorer.clearPathHighlight();
    this.onClose();
  }

  /** A node was tapped while the panel is open. */
  pick(node: NodeSingular): void {
    if (!this.from || (this.from && this.to)) {
      this.from = node.id();
      this.to = null;
    } else {
      this.to = node.id();
    }
    this.render();
    if (this.from && this.to) void this.find();
  }

  private caption(id: string | null): string {
    if (!id) return '';
    const n = this.ctx.explorer.cy.getElementById(id);
    return n.nonempty() ? String(n.data('caption')) : id;
  }

  private render(result?: HTMLElement): void {
    const slot = (name: string, id: string | null): HTMLElement =>
      h(
        'div',
        { class: `slot${id ? ' filled' : ''}`, 'data-slot': name },
        h('strong', {}, `${name}:`),
        id ? this.caption(id) : h('span', { class: 'muted' }, 'click a node on the canvas'),
      );
    this.root.replaceChildren(
      h(
        'div',
        { class: 'section' },
        h(
          'div',
          { class: 'head', style: 'justify-content:space-between' },
          h('h3', {}, 'Shortest paths'),
          h(
            'button',
            { type: 'button', onclick: () => this.close(), 'aria-label': 'Close the path finder' },
            'Close',
          ),
        ),
        h('div', { class: 'path-pick' }, slot('From', this.from), slot('To', this.to)),
        h(
          'div',
          { class: 'actions-row' },
          h(
            'button',
            {
              type: 'button',
              class: 'primary',
              disabled: !(this.from && this.to),
              onclick: () => void this.find(),
            },
            'Find paths',
          ),
          h(
            'button',
            {
              type: 'button',
              onclick: () => ((this.from = this.to), (this.to = null), this.render()),
            },
            'Swap / reset',
          ),
        ),
      ),
      result ??
        h(
          'div',
          { class: 'section muted' },
          'Every shortest path (up to 8 hops) is added to the view and highlighted.',
        ),
    );
  }

  private async find(): Promise<void> {
    const { from, to } = this;
    if (!from || !to) return;
    try {
      const result = await busy('Finding shortest paths…', () => fetchShortestPaths(from, to));
      if (!result.paths.length) {
        this.render(
          h(
            'div',
            { class: 'section', 'data-testid': 'path-result' },
            h(
              'p',
              {},
              `No path of up to 8 relationships joins ${this.caption(from)} and ${this.caption(to)}.`,
            ),
          ),
        );
        return;
      }
      await addConnected(this.ctx, result.subgraph, { kind: 'near', near: from });
      const nodeIds = result.paths.flatMap((p) => p.nodeIds);
      const edgeIds = result.paths.flatMap((p) => p.edgeIds);
      this.ctx.explorer.highlightPaths(nodeIds, edgeIds);
      const list = h(
        'ol',
        { class: 'side-list' },
        ...result.paths
          .slice(0, 50)
          .map((p) => h('li', {}, p.nodeIds.map((id) => this.caption(id)).join(' → '))),
      );
      this.render(
        h(
          'div',
          { class: 'section', 'data-testid': 'path-result' },
          h(
            'h2',
            {},
            `${result.paths.length} shortest path${result.paths.length === 1 ? '' : 's'} · ${result.length ?? 0} hops`,
          ),
          list,
        ),
      );
    } catch (e) {
      this.render(
        h('div', { class: 'section' }, h('p', {}, `Paths could not be found: ${errorMessage(e)}`)),
      );
    }
  }
}
