import type { NodeSingular } from 'cytoscape';
import { fetchShortestPaths, type FoundPath, type PathsResult } from '../api/graph-api.js';
import { addConnected, type ExplorerContext } from '../graph/connect.js';
import { busy } from '../ui/busy.js';
import { h } from '../ui/dom.js';
import { errorMessage } from '../ui/toast.js';
import './path-finder.css';

/** The options a search runs with: the API's ranking by evidence (issue 15). */
interface SearchOptions {
  /** Also list paths this many hops longer than the shortest. */
  longerBy: number;
  /** Follow only relationships with at least this many independent sources. */
  minSources: number;
  excludeDisputed: boolean;
}

const MAX_LENGTH = 8;

/**
 * The path finder: pick two nodes (on the canvas, or from a node's menu), get every shortest
 * path between them added to the view and highlighted, each path listed step by step with the
 * independent sources of each link and its weakest link, best supported first.
 */
export class PathFinder {
  from: string | null = null;
  to: string | null = null;
  /** True while the panel is open: node taps fill the empty slot. */
  active = false;
  private options: SearchOptions = { longerBy: 0, minSources: 0, excludeDisputed: false };

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
    if (n.nonempty()) return String(n.data('caption'));
    return this.ctx.cache.node(id)?.caption ?? id;
  }

  /** Changes a search option and searches again when both ends are picked. */
  private setOption<K extends keyof SearchOptions>(key: K, value: SearchOptions[K]): void {
    this.options = { ...this.options, [key]: value };
    if (this.from && this.to) void this.find();
  }

  private optionsForm(): HTMLElement {
    const o = this.options;
    const longer = h(
      'select',
      {
        id: 'path-longer',
        onchange: (e: Event) =>
          this.setOption('longerBy', Number((e.target as HTMLSelectElement).value)),
      },
      ...[
        [0, 'Shortest only'],
        [1, 'Up to 1 hop longer'],
        [2, 'Up to 2 hops longer'],
      ].map(([v, text]) =>
        h('option', { value: String(v), selected: v === o.longerBy }, String(text)),
      ),
    );
    const min = h('input', {
      id: 'path-min-sources',
      type: 'number',
      min: 0,
      max: 100,
      step: 1,
      value: String(o.minSources),
      onchange: (e: Event) => {
        const v = Math.trunc(Number((e.target as HTMLInputElement).value));
        this.setOption('minSources', Number.isFinite(v) ? Math.min(100, Math.max(0, v)) : 0);
      },
    });
    const disputed = h('input', {
      id: 'path-exclude-disputed',
      type: 'checkbox',
      checked: o.excludeDisputed,
      onchange: (e: Event) =>
        this.setOption('excludeDisputed', (e.target as HTMLInputElement).checked),
    });
    return h(
      'fieldset',
      { class: 'path-options' },
      h('legend', {}, 'Evidence'),
      h('label', { for: 'path-longer' }, 'Paths'),
      longer,
      h('label', { for: 'path-min-sources' }, 'At least … sources per link'),
      min,
      h('label', { class: 'check' }, disputed, 'Leave out disputed links'),
    );
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
        this.optionsForm(),
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
          `Every shortest path (up to ${MAX_LENGTH} hops) is added to the view and highlighted, best supported by sources first.`,
        ),
    );
  }

  private async find(): Promise<void> {
    const { from, to } = this;
    if (!from || !to) return;
    try {
      const result = await busy('Finding shortest paths…', () =>
        fetchShortestPaths(from, to, { maxLength: MAX_LENGTH, ...this.options }),
      );
      if (!result.paths.length) {
        const filtered = this.options.minSources > 0 || this.options.excludeDisputed;
        this.ctx.explorer.clearPathHighlight();
        this.render(
          h(
            'div',
            { class: 'section', 'data-testid': 'path-result' },
            h(
              'p',
              {},
              `No path of up to ${MAX_LENGTH} relationships joins ${this.caption(from)} and ${this.caption(to)}${filtered ? ' through the links the evidence options keep' : ''}.`,
            ),
          ),
        );
        return;
      }
      await addConnected(this.ctx, result.subgraph, { kind: 'near', near: from });
      this.highlight(result.paths);
      this.render(this.resultSection(result));
    } catch (e) {
      this.render(
        h('div', { class: 'section' }, h('p', {}, `Paths could not be found: ${errorMessage(e)}`)),
      );
    }
  }

  private highlight(paths: readonly FoundPath[]): void {
    this.ctx.explorer.highlightPaths(
      paths.flatMap((p) => p.nodeIds),
      paths.flatMap((p) => p.edgeIds),
    );
  }

  private resultSection(result: PathsResult): HTMLElement {
    const lengths = result.paths.map((p) => p.edgeIds.length);
    const shortest = Math.min(...lengths);
    const longest = Math.max(...lengths);
    const n = result.paths.length;
    const heading =
      shortest === longest
        ? `${n} shortest path${n === 1 ? '' : 's'} · ${shortest} hops`
        : `${n} paths · ${shortest}–${longest} hops`;
    return h(
      'div',
      { class: 'section', 'data-testid': 'path-result' },
      h('h2', {}, heading),
      h(
        'p',
        {
          class: `muted path-note${result.supportAvailable ? '' : ' no-support'}`,
          'data-testid': 'path-support-note',
        },
        result.supportNote,
      ),
      h(
        'ol',
        { class: 'side-list path-list' },
        ...result.paths.slice(0, 50).map((p, i) => this.pathItem(p, i)),
      ),
      n > 50 ? h('p', { class: 'muted' }, `The first 50 of ${n} are listed.`) : null,
      n > 1
        ? h(
            'button',
            { type: 'button', onclick: () => this.highlight(result.paths) },
            'Highlight all paths',
          )
        : null,
    );
  }

  private pathItem(p: FoundPath, index: number): HTMLElement {
    const s = p.support;
    const names = p.nodeIds.map((id) => this.caption(id));
    const steps = names.join(' → ');
    const body: (HTMLElement | null)[] = [];
    if (s) {
      const weakIndex = s.links.findIndex((l) => l.edgeId === s.weakestLink.edgeId);
      const weakText = `${s.weakestLink.type} (${names[weakIndex] ?? ''} – ${names[weakIndex + 1] ?? ''})`;
      body.push(
        h(
          'div',
          { class: 'path-links', 'data-testid': 'path-links' },
          'Sources per link: ',
          ...s.links.map((l, i) =>
            h(
              'span',
              {
                class: `link-count${l.edgeId === s.weakestLink.edgeId ? ' weakest' : ''}${l.disputed ? ' disputed' : ''}`,
                title: `${names[i] ?? ''} – ${l.type} – ${names[i + 1] ?? ''}: ${l.sources} independent source${l.sources === 1 ? '' : 's'} (${l.documents} document${l.documents === 1 ? '' : 's'})${l.disputed ? ', disputed' : ''}${l.inferred ? ', inferred' : ''}`,
              },
              `${l.type} ${l.sources}`,
            ),
          ),
        ),
        h(
          'div',
          { class: 'path-weakest', 'data-testid': 'path-weakest' },
          `Weakest link: ${weakText}, ${s.minSources} source${s.minSources === 1 ? '' : 's'}`,
        ),
        s.disputed || s.inferredLinks
          ? h(
              'div',
              { class: 'chips' },
              s.disputed ? h('span', { class: 'chip disputed' }, 'disputed link') : null,
              s.inferredLinks
                ? h(
                    'span',
                    { class: 'chip' },
                    `${s.inferredLinks} inferred link${s.inferredLinks === 1 ? '' : 's'}`,
                  )
                : null,
            )
          : null,
      );
    }
    return h(
      'li',
      {
        'data-testid': 'path-item',
        'data-min-sources': s ? s.minSources : null,
        'data-disputed': s ? String(s.disputed) : null,
      },
      h(
        'button',
        {
          type: 'button',
          class: 'link',
          'aria-label': `Highlight path ${index + 1}: ${steps}`,
          onclick: () => this.highlight([p]),
        },
        steps,
      ),
      ...body,
    );
  }
}
