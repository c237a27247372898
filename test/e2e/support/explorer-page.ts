import type { Page } from 'playwright-core';

/**
 * Explorer steps several e2e files take the same way, as a user (the search box) or through the
 * API the explorer itself uses.
 */

/** Opens a story entity from the search box, as a user would, and waits until it is drawn. */
export async function openFromSearch(page: Page, text: string, caption: string): Promise<void> {
  await page.getByRole('combobox', { name: 'Search the graph' }).fill(text);
  const hit = page.locator('#search-results li', { hasText: caption }).first();
  await hit.waitFor({ timeout: 30_000 });
  await hit.click();
  await page.waitForFunction(
    (c) =>
      window.dossier
        .cy()
        .nodes()
        .map((n) => n.id())
        .some((id) => window.dossier.cache.captionOf(id) === c),
    caption,
    { timeout: 30_000 },
  );
  await page.evaluate(() => window.dossier.explorer.idle());
}

/**
 * In the page: the first `count` Crime nodes, read through the API as the explorer reads nodes,
 * put on screen on a grid of `columns` columns `spacing` apart (no layout run). Resolves to the
 * number of nodes drawn.
 */
export function crimesOnGrid(
  page: Page,
  count: number,
  grid: { columns: number; spacing: number },
): Promise<number> {
  return page.evaluate(
    async ({ first, columns, spacing }) => {
      const res = await fetch('/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          query: `query ($first: Int) { nodes(label: "Crime", first: $first) {
            nodes { id labels caption properties degree stableKey } } }`,
          variables: { first },
        }),
      });
      const body = (await res.json()) as { data: { nodes: { nodes: { id: string }[] } } };
      const nodes = body.data.nodes.nodes;
      const positions = new Map(
        nodes.map((n, i) => [
          n.id,
          { x: (i % columns) * spacing, y: Math.floor(i / columns) * spacing },
        ]),
      );
      window.dossier.explorer.clear();
      await window.dossier.explorer.add({ nodes, edges: [] } as never, {
        kind: 'positions',
        positions,
      });
      return window.dossier.cy().nodes().length;
    },
    { first: count, ...grid },
  );
}
