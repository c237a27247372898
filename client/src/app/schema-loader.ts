import { fetchSchema, type SchemaOverview } from '../api/graph-api.js';
import type { ExplorerContext } from '../graph/connect.js';
import { schemaFromScreen } from '../panels/schema-from-screen.js';
import type { SchemaPanel } from '../panels/schema-panel.js';
import { byId, h } from '../ui/dom.js';
import { errorMessage } from '../ui/toast.js';

/**
 * Loads the schema overview, trying a few times before showing the error (a busy server
 * recovers); without it the legend and filters work from what is on screen.
 */
export async function loadSchema(
  ctx: ExplorerContext,
  panel: SchemaPanel,
  onSchema: (schema: SchemaOverview) => void,
  attempt = 1,
): Promise<void> {
  const { explorer } = ctx;
  const totals = byId('overview-totals');
  totals.textContent = attempt > 1 ? `loading… (try ${attempt})` : 'loading…';
  try {
    const schema = await fetchSchema();
    explorer.labelPriority = schema.labels.map((l) => l.name);
    panel.render(schema);
    onSchema(schema);
  } catch (e) {
    if (attempt < 3) {
      setTimeout(() => void loadSchema(ctx, panel, onSchema, attempt + 1), 2000 * attempt);
      return;
    }
    // Keep the legend and filters working from what is on screen.
    const cy = explorer.cy;
    panel.render(
      schemaFromScreen(
        cy.nodes().map((n) => ({ id: n.id(), labels: n.data('labels') as string[] })),
        cy.edges().map((e) => ({
          source: e.data('source') as string,
          target: e.data('target') as string,
          type: e.data('type') as string,
        })),
      ),
    );
    totals.replaceChildren(
      h(
        'button',
        {
          type: 'button',
          class: 'link-button',
          title: `The server's schema overview could not be read (${errorMessage(e)}). Counts are of what is on screen. Click to try again.`,
          onclick: () => void loadSchema(ctx, panel, onSchema),
        },
        'on screen only · retry',
      ),
    );
  }
}
