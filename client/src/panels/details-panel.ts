import type { EdgeSingular, NodeSingular } from 'cytoscape';
import type { QuoteRange } from '../api/quote-ranges.js';
import type { Direction } from '../generated/graphql.js';
import { fetchNodeDetails } from '../api/graph-api.js';
import { citationsOf } from '../graph/model.js';
import { iconDataUri } from '../style/icons.js';
import { styleForLabel } from '../style/style-rules.js';
import { displayValue, fmt, h } from '../ui/dom.js';
import { errorMessage } from '../ui/toast.js';
import { openSource } from './source-dialog.js';
import { detailsHint } from './details-hint.js';
import { renderHistory, retractControl } from './details-history.js';
import { quoteRanges, renderSources } from './sources-section.js';

/** What the details panel can ask the explorer to do. */
export interface DetailsActions {
  readonly expand: (id: string, options?: { types?: string[]; direction?: Direction }) => void;
  readonly collapse: (id: string) => void;
  readonly hide: (id: string) => void;
  readonly pin: (id: string) => void;
  readonly selectNeighbours: (id: string) => void;
  readonly pathFrom: (id: string) => void;
  readonly focus: (id: string) => void;
}

/** Properties shown elsewhere in the panel (sources and quotes as citations). */
const HIDDEN_PROPS = new Set(['sources', 'quotes', 'text']);

/**
 * The details of the selected node or relationship: labels or type, properties, degree per
 * relationship type (each a button that expands that type), and its sources — each quote with
 * its article and a button that opens the article at the quote.
 */
export class DetailsPanel {
  private token = 0;

  constructor(
    private readonly root: HTMLElement,
    private readonly actions: DetailsActions,
  ) {}

  showNode(node: NodeSingular): void {
    const token = ++this.token;
    const id = node.id();
    const labels = node.data('labels') as string[];
    const props = node.data('props') as Record<string, unknown>;
    const style = styleForLabel(String(node.data('label')));
    const disputed = node.data('disputed') === true;
    const degreeBox = h(
      'div',
      { class: 'section' },
      h('h2', {}, 'Relationships'),
      h('p', { class: 'muted' }, 'Counting…'),
    );
    const sourcesBox = h('div', { class: 'section', 'data-testid': 'sources' });
    const historyBox = h('div', { class: 'section', 'data-testid': 'history-section' });
    const caption = String(node.data('caption'));
    this.root.replaceChildren(
      h(
        'div',
        { class: 'section' },
        h(
          'div',
          { class: 'head' },
          h(
            'span',
            { class: 'icon', style: `background:${style.color}` },
            h('img', { src: iconDataUri(style.icon, '#fff'), alt: '' }),
          ),
          h(
            'div',
            {},
            h('h3', { 'data-testid': 'details-title' }, String(node.data('caption'))),
            h(
              'div',
              { class: 'chips' },
              ...labels.map((l) => h('span', { class: 'chip' }, `:${l}`)),
              disputed ? h('span', { class: 'chip disputed' }, 'disputed') : null,
            ),
          ),
        ),
        h(
          'div',
          { class: 'actions-row', style: 'margin-top:10px' },
          h(
            'button',
            {
              type: 'button',
              class: 'primary',
              onclick: () => this.actions.expand(id),
              title: 'Expand neighbours (double-click, X)',
            },
            'Expand',
          ),
          h(
            'button',
            {
              type: 'button',
              onclick: () => this.actions.collapse(id),
              title: 'Remove neighbours that hang only off this node',
            },
            'Collapse',
          ),
          h(
            'button',
            { type: 'button', onclick: () => this.actions.selectNeighbours(id) },
            'Select neighbours',
          ),
          h(
            'button',
            {
              type: 'button',
              onclick: () => this.actions.pin(id),
              'aria-pressed': node.locked() ? 'true' : 'false',
            },
            node.locked() ? 'Unpin' : 'Pin',
          ),
          h(
            'button',
            { type: 'button', onclick: () => this.actions.pathFrom(id) },
            'Path from here',
          ),
          labels.includes('Article') && typeof props['id'] === 'string'
            ? h(
                'button',
                { type: 'button', onclick: () => void openSource(String(props['id']), '', null) },
                'Read the article',
              )
            : null,
          h(
            'button',
            {
              type: 'button',
              class: 'danger',
              onclick: () => this.actions.hide(id),
              title: 'Hide from the view (Delete)',
            },
            'Hide',
          ),
        ),
        retractControl(id, caption),
      ),
      sourcesBox,
      h('div', { class: 'section' }, h('h2', {}, 'Properties'), propertyList(props)),
      degreeBox,
      historyBox,
    );
    const current = (): boolean => token === this.token;
    void renderSources(
      sourcesBox,
      citationsOf(props),
      current,
      withHistory(quoteRanges(props['id']), renderHistory(historyBox, id, caption, current)),
    );
    void fetchNodeDetails(id)
      .then((details) => {
        if (token !== this.token) return;
        if (!details) {
          degreeBox.replaceChildren(
            h('h2', {}, 'Relationships'),
            h('p', {}, 'This node is no longer in the database.'),
          );
          return;
        }
        const rows = details.degreeByType.map((d) =>
          h(
            'tr',
            {},
            h('td', {}, `${d.direction === 'OUTGOING' ? '→' : '←'} ${d.type}`),
            h('td', {}, fmt(d.count)),
            h(
              'td',
              {},
              h(
                'button',
                {
                  type: 'button',
                  title: `Expand ${d.type} (${d.direction.toLowerCase()})`,
                  onclick: () =>
                    this.actions.expand(id, { types: [d.type], direction: d.direction }),
                },
                'expand',
              ),
            ),
          ),
        );
        degreeBox.replaceChildren(
          h('h2', {}, `Relationships · ${fmt(details.degree)} in the graph`),
          rows.length
            ? h('table', { class: 'degree-table' }, h('tbody', {}, ...rows))
            : h('p', { class: 'muted' }, 'No relationships.'),
        );
      })
      .catch((e: unknown) => {
        if (token === this.token)
          degreeBox.replaceChildren(h('h2', {}, 'Relationships'), h('p', {}, errorMessage(e)));
      });
  }

  showEdge(edge: EdgeSingular): void {
    const token = ++this.token;
    const props = edge.data('props') as Record<string, unknown>;
    const sourcesBox = h('div', { class: 'section', 'data-testid': 'sources' });
    const historyBox = h('div', { class: 'section', 'data-testid': 'history-section' });
    const caption = `${String(edge.source().data('caption'))} –${String(edge.data('type'))}→ ${String(edge.target().data('caption'))}`;
    const end = (n: NodeSingular): HTMLElement =>
      h(
        'button',
        { type: 'button', class: 'link', onclick: () => this.actions.focus(n.id()) },
        String(n.data('caption')),
      );
    this.root.replaceChildren(
      h(
        'div',
        { class: 'section' },
        h('h3', { 'data-testid': 'details-title' }, String(edge.data('type'))),
        h(
          'div',
          { class: 'chips' },
          h('span', { class: 'chip' }, 'relationship'),
          edge.data('disputed') === true ? h('span', { class: 'chip disputed' }, 'disputed') : null,
        ),
        h(
          'p',
          { class: 'side-list', style: 'margin:10px 0 0' },
          end(edge.source()),
          ` —[${String(edge.data('type'))}]→ `,
          end(edge.target()),
        ),
        retractControl(edge.id(), caption),
      ),
      sourcesBox,
      h('div', { class: 'section' }, h('h2', {}, 'Properties'), propertyList(props)),
      historyBox,
    );
    const subject = (edge.source().data('props') as Record<string, unknown>)['id'];
    const current = (): boolean => token === this.token;
    void renderSources(
      sourcesBox,
      citationsOf(props),
      current,
      withHistory(
        quoteRanges(subject, edge.id()),
        renderHistory(historyBox, edge.id(), caption, current),
      ),
    );
  }

  /** What the panel shows with nothing selected: how to start (see details-hint.ts). */
  showHint(hasSources = true): void {
    ++this.token;
    this.root.replaceChildren(detailsHint(hasSources));
  }
}

/** The story API's quote positions, completed by those the history records (facts written here). */
async function withHistory(
  story: Promise<Map<string, QuoteRange>>,
  history: Promise<Map<string, QuoteRange>>,
): Promise<Map<string, QuoteRange>> {
  const [a, b] = await Promise.all([story, history]);
  return new Map([...b, ...a]);
}

function propertyList(props: Record<string, unknown>): HTMLElement {
  const entries = Object.entries(props).filter(([k]) => !HIDDEN_PROPS.has(k));
  if (!entries.length) return h('p', { class: 'muted' }, 'No other properties.');
  entries.sort(([a], [b]) => a.localeCompare(b));
  return h(
    'dl',
    { class: 'props' },
    ...entries.flatMap(([k, v]) => [h('dt', {}, k), h('dd', {}, displayValue(v))]),
  );
}
