import { fetchNeighbourhood } from '../api/graph-api.js';
import { request } from '../api/graphql-client.js';
import { DisagreementsDocument, type DisagreementsQuery } from '../generated/graphql.js';
import { addConnected, type ExplorerContext } from '../graph/connect.js';
import { busy } from '../ui/busy.js';
import { h } from '../ui/dom.js';
import { errorMessage } from '../ui/toast.js';
import { openSource } from './source-dialog.js';
import type { QuoteRange } from '../api/quote-ranges.js';

/** One disagreement and the accounts it opposes, each with its own sources. */
type Dispute = DisagreementsQuery['disagreements'][number];

/**
 * The disagreements view: where sources disagree, both accounts stand side by side, each with
 * its quote and a link to its article; the canvas fades everything but the disputed facts.
 * One request to the story API's `disagreements` gives every disagreement with both accounts.
 */
export class DisagreementsPanel {
  active = false;

  constructor(
    private readonly root: HTMLElement,
    private readonly ctx: ExplorerContext,
    private readonly actions: {
      focus: (id: string) => void;
      close: () => void;
      showDisputed: () => void;
    },
  ) {}

  async open(): Promise<void> {
    this.active = true;
    this.root.replaceChildren(
      this.header(),
      h('div', { class: 'section muted' }, 'Loading the disagreements…'),
    );
    try {
      const disputes = await busy('Loading disagreements…', () => this.load());
      if (!this.active) return;
      const disputed = this.ctx.explorer.cy.elements('.disputed').length;
      this.root.replaceChildren(
        this.header(),
        h(
          'div',
          { class: 'section muted' },
          `${disputes.length} disagreement${disputes.length === 1 ? '' : 's'} between sources · ${disputed} disputed fact${disputed === 1 ? '' : 's'} on screen (red, dashed). Everything else is faded.`,
        ),
        ...(disputes.length
          ? disputes.map((d) => this.renderDispute(d))
          : [
              h(
                'div',
                { class: 'section' },
                'This graph records no :Disagreement nodes. Facts with disputed: true are still marked on the canvas.',
              ),
            ]),
      );
    } catch (e) {
      this.root.replaceChildren(
        this.header(),
        h('div', { class: 'section' }, `Disagreements could not be loaded: ${errorMessage(e)}`),
      );
    }
  }

  private header(): HTMLElement {
    return h(
      'div',
      { class: 'section' },
      h(
        'div',
        { class: 'head', style: 'justify-content:space-between' },
        h('h3', {}, 'Where sources disagree'),
        h('button', { type: 'button', onclick: () => this.actions.close() }, 'Close'),
      ),
    );
  }

  private async load(): Promise<Dispute[]> {
    return (await request(DisagreementsDocument, {})).disagreements;
  }

  private renderDispute(d: Dispute): HTMLElement {
    return h(
      'div',
      { class: 'section', 'data-testid': 'disagreement' },
      h('h3', { style: 'font-size:14px' }, d.name),
      d.question ? h('p', { class: 'muted', style: 'margin:4px 0 8px' }, d.question) : null,
      h(
        'div',
        { class: 'sides' },
        ...d.claims.flatMap((side, i) => [
          i > 0 ? h('span', { class: 'versus', 'aria-hidden': 'true' }, 'VERSUS') : null,
          h(
            'div',
            { class: 'side' },
            h('h4', {}, side.value ?? side.name),
            ...side.sources.map((c) =>
              h(
                'div',
                { class: 'citation' },
                h('blockquote', {}, `“${c.quote}”`),
                h(
                  'div',
                  { class: 'meta' },
                  h('span', {}, c.title ?? c.articleId),
                  h(
                    'button',
                    {
                      type: 'button',
                      onclick: () => void openSource(c.articleId, c.quote, rangeOf(c)),
                    },
                    'Open',
                  ),
                ),
              ),
            ),
          ),
        ]),
      ),
      h(
        'div',
        { class: 'actions-row', style: 'margin-top:8px' },
        h('button', { type: 'button', onclick: () => void this.show(d) }, 'Show on graph'),
      ),
    );
  }

  /** Adds the disagreement, its accounts and what they are about to the canvas. */
  private async show(d: Dispute): Promise<void> {
    try {
      const ids = [d.nodeId, ...d.claims.map((c) => c.nodeId)];
      const around = await fetchNeighbourhood(ids, { limit: 30 });
      const first = Object.keys(this.ctx.store.view.nodes)[0] ?? d.nodeId;
      await addConnected(this.ctx, around.subgraph, { kind: 'near', near: first });
      this.actions.showDisputed();
      this.actions.focus(d.nodeId);
    } catch (e) {
      this.root.append(h('div', { class: 'section' }, `Could not show it: ${errorMessage(e)}`));
    }
  }
}

/** The API's position of a quote, when it found one. */
function rangeOf(c: { start?: number | null; end?: number | null }): QuoteRange | null {
  return typeof c.start === 'number' && typeof c.end === 'number'
    ? { start: c.start, end: c.end }
    : null;
}
