import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../../scripts/chromium.js';
import { startSeededApp, type RunningApp } from './support/app-server.js';

/**
 * The explorer under load, in a real Chromium: an expansion into hundreds of nodes is spread over
 * many frames, large graphs get the light style, and software WebGL is not chosen over canvas.
 * Structure only: how fast any of it is belongs to `npm run bench`.
 */

/** Opens the explorer on the seeded story and waits until it is ready. */
async function openExplorer(browser: Browser, url: string): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.goto(url);
  await page.waitForSelector('body[data-ready="true"]', { timeout: 60_000 });
  return page;
}

/**
 * In the page: a synthetic graph of `nodes` nodes (labels Person and Bench) with a chain of edges,
 * handed to the dev handle's `explorer.add` (through the store) with fixed positions; resolves to the number of elements on screen.
 */
function addSyntheticGraph(page: Page, nodes: number): Promise<number> {
  return page.evaluate(async (n) => {
    const explorer = window.dossier.explorer;
    explorer.clear();
    const graph = {
      nodes: Array.from({ length: n }, (_, i) => ({
        id: `big-${i}`,
        labels: [i % 2 ? 'Person' : 'Bench'],
        caption: `Big ${i}`,
        properties: { name: `Big ${i}` },
        degree: 2,
      })),
      edges: Array.from({ length: n - 1 }, (_, i) => ({
        id: `big-e${i}`,
        type: 'NEXT',
        source: `big-${i}`,
        target: `big-${i + 1}`,
        properties: {},
      })),
    };
    const positions = new Map(graph.nodes.map((x, i) => [x.id, { x: (i % 50) * 40, y: i * 0.8 }]));
    await explorer.add(graph, { kind: 'positions', positions });
    return window.dossier.cy().elements().length;
  }, nodes);
}

describe('the explorer with many elements', () => {
  let app: RunningApp;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    app = await startSeededApp();
    browser = await launchChromium();
    page = await openExplorer(browser, app.url);
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('adds an expansion of 300 nodes over many frames, never more than 20 new nodes in one, and every node lands laid out, filtered and selectable', async () => {
    const r = await page.evaluate(async () => {
      const explorer = window.dossier.explorer;
      const cy = window.dossier.cy();
      const hub = cy.nodes().first();
      const hubId = hub.id();
      const nodes = Array.from({ length: 300 }, (_, i) => ({
        id: `member-${i}`,
        labels: [i % 10 === 0 ? 'Filtered' : 'Member'],
        caption: `Member ${i}`,
        properties: { name: `Member ${i}` },
        degree: 1,
      }));
      const edges = nodes.map((m, i) => ({
        id: `member-e${i}`,
        type: 'MEMBER_OF',
        source: m.id,
        target: hubId,
        properties: {},
      }));
      const { store, commands } = window.dossier;
      store.dispatch(commands.filterLabel, { label: 'Filtered', visible: false });
      // Which animation frame each new node arrived in: a frame counter ticks on every frame.
      let frame = 0;
      let ticking = true;
      const tick = (): void => {
        frame++;
        if (ticking) requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
      const perFrame = new Map<number, number>();
      const onAdd = (e: { target: { isNode(): boolean } }): void => {
        if (e.target.isNode()) perFrame.set(frame, (perFrame.get(frame) ?? 0) + 1);
      };
      cy.on('add', onAdd);
      const added = await explorer.add({ nodes, edges }, { kind: 'near', near: hubId });
      ticking = false;
      cy.off('add', onAdd);
      const now = window.dossier.cy();
      const positions = added.nodes().map((n) => n.position());
      const member = now.getElementById('member-1');
      member.select();
      return {
        added: added.length,
        framesWithAdds: perFrame.size,
        mostInOneFrame: Math.max(...perFrame.values()),
        allPlaced: positions.every((p) => Number.isFinite(p.x) && Number.isFinite(p.y)),
        distinctPositions: new Set(positions.map((p) => `${Math.round(p.x)},${Math.round(p.y)}`))
          .size,
        edgesToHub: now.getElementById(hubId).connectedEdges('[type = "MEMBER_OF"]').length,
        filtered: now.nodes('.f-hidden').length,
        selected: now.$('node:selected').id(),
      };
    });
    expect(r, JSON.stringify(r)).toMatchObject({ added: 300, edgesToHub: 300, filtered: 30 });
    expect(r.framesWithAdds).toBeGreaterThanOrEqual(15);
    expect(r.mostInOneFrame).toBeLessThanOrEqual(20);
    expect(r.allPlaced).toBe(true);
    expect(r.distinctPositions).toBe(300);
    expect(r.selected).toBe('member-1');
    await page.evaluate(() => {
      const { store, commands } = window.dossier;
      store.dispatch(commands.filterLabel, { label: 'Filtered', visible: true });
    });
  });

  it('draws a graph above the large-graph threshold in the light style, and a small one in full', async () => {
    expect(await addSyntheticGraph(page, 2_000)).toBe(3_999);
    const big = await page.evaluate(() => {
      const cy = window.dossier.cy();
      return {
        light: window.dossier.explorer.lightDetail,
        icon: cy.nodes('[label = "Person"]').first().style('background-image') as string,
        curve: cy.edges().first().style('curve-style') as string,
        arrow: cy.edges().first().style('target-arrow-shape') as string,
      };
    });
    expect(big).toEqual({ light: true, icon: 'none', curve: 'haystack', arrow: 'none' });

    expect(await addSyntheticGraph(page, 20)).toBe(39);
    const small = await page.evaluate(() => {
      const cy = window.dossier.cy();
      return {
        light: window.dossier.explorer.lightDetail,
        icon: cy.nodes('[label = "Person"]').first().style('background-image') as string,
        arrow: cy.edges().first().style('target-arrow-shape') as string,
      };
    });
    expect(small.light).toBe(false);
    expect(small.icon).toMatch(/^data:image\/svg\+xml/);
    expect(small.arrow).toBe('triangle');
  });

  it('simplifies a picture of 50,000 nodes: Cytoscape holds no more than the budget at any zoom, zooming in draws the real nodes there, and one is selected with a click', async () => {
    const budget = 6_000;
    // 50,000 nodes on a 250 × 200 grid, 40 apart, in a chain: 99,999 elements.
    const total = await page.evaluate(async () => {
      const explorer = window.dossier.explorer;
      explorer.clear();
      const n = 50_000;
      const graph = {
        nodes: Array.from({ length: n }, (_, i) => ({
          id: `lod-${i}`,
          labels: ['Person'],
          caption: `Lod ${i}`,
          properties: { name: `Lod ${i}` },
          degree: 2,
        })),
        edges: Array.from({ length: n - 1 }, (_, i) => ({
          id: `lod-e${i}`,
          type: 'NEXT',
          source: `lod-${i}`,
          target: `lod-${i + 1}`,
          properties: {},
        })),
      };
      const positions = new Map(
        graph.nodes.map((x, i) => [x.id, { x: (i % 250) * 40, y: Math.floor(i / 250) * 40 }]),
      );
      await explorer.add(graph, { kind: 'positions', positions });
      window.dossier.cy().fit(undefined, 20);
      return Object.keys(window.dossier.store.view.nodes).length;
    });
    expect(total).toBe(50_000);
    // Seen whole, after the re-plan that follows the fit: aggregates only, within the budget.
    await page.waitForFunction(
      () =>
        /simplified: [\d,]+ of 99,999 elements drawn/.test(
          document.getElementById('status')!.textContent ?? '',
        ) &&
        window.dossier.cy().nodes('.lod').length > 0 &&
        window.dossier.cy().zoom() < 0.2,
      undefined,
      { timeout: 120_000 },
    );
    const whole = await page.evaluate(() => {
      const cy = window.dossier.cy();
      return {
        elements: cy.elements().length,
        aggregates: cy.nodes('.lod').length,
        counted: cy.nodes('.lod').reduce((s, n) => s + Number(n.data('count')), 0),
        real: cy.nodes().not('.lod').length,
        caption: String(cy.nodes('.lod').first().data('caption')),
      };
    });
    expect(whole.elements).toBeLessThanOrEqual(budget);
    expect(whole.counted + whole.real).toBe(50_000);
    expect(whole.caption).toMatch(/^[\d,]+ nodes$/);

    // Zoom in on node lod-25125 (column 125, row 100, at 5000, 4000): it and its neighbours are
    // drawn as themselves once the viewport comes to rest.
    await page.evaluate(() => {
      const cy = window.dossier.cy();
      cy.viewport({
        zoom: 2,
        pan: { x: cy.width() / 2 - 2 * 5000, y: cy.height() / 2 - 2 * 4000 },
      });
    });
    await page.waitForFunction(
      () => window.dossier.cy().getElementById('lod-25125').nonempty(),
      undefined,
      { timeout: 60_000 },
    );
    const near = await page.evaluate(() => {
      const cy = window.dossier.cy();
      const node = cy.getElementById('lod-25125');
      return {
        elements: cy.elements().length,
        neighbours: ['lod-25124', 'lod-25126', 'lod-24875', 'lod-25375'].filter((id) =>
          cy.getElementById(id).nonempty(),
        ).length,
        edge: cy.getElementById('lod-e25124').nonempty(),
        at: node.renderedPosition(),
        box: cy.container()!.getBoundingClientRect(),
      };
    });
    expect(near.elements).toBeLessThanOrEqual(budget);
    expect(near.neighbours).toBe(4);
    expect(near.edge).toBe(true);

    await page.mouse.click(near.box.left + near.at.x, near.box.top + near.at.y);
    await page.waitForFunction(() => window.dossier.store.view.selected.includes('lod-25125'));
    // Zoomed out again, the selected node stays drawn as itself among the aggregates.
    // (void: fit returns the Cytoscape instance, which page.evaluate would serialise.)
    await page.evaluate(() => void window.dossier.cy().fit(undefined, 20));
    await page.waitForFunction(
      () =>
        window.dossier.cy().zoom() < 0.2 &&
        window.dossier.cy().getElementById('lod-e25124').empty(),
      undefined,
      { timeout: 60_000 },
    );
    expect(
      await page.evaluate(() => window.dossier.cy().getElementById('lod-25125').selected()),
    ).toBe(true);

    // The keyboard way in: the panel lists the largest aggregates on screen; Enter zooms into one.
    const zoomBefore = await page.evaluate(() => window.dossier.cy().zoom());
    await page.focus('.lod-panel .lod-zoom');
    await page.keyboard.press('Enter');
    await page.waitForFunction((z) => window.dossier.cy().zoom() > z * 2, zoomBefore);
    await page.evaluate(() => window.dossier.explorer.clear());
  });

  it('keeps the canvas renderer for a large graph where WebGL2 is SwiftShader (software)', async () => {
    const gl = await launchChromium(['--use-angle=swiftshader', '--enable-unsafe-swiftshader']);
    try {
      const glPage = await openExplorer(gl, app.url);
      const renderer = await glPage.evaluate(() => {
        const c = document.createElement('canvas').getContext('webgl2');
        const d = c?.getExtension('WEBGL_debug_renderer_info');
        return c && d ? String(c.getParameter(d.UNMASKED_RENDERER_WEBGL)) : 'none';
      });
      // The premise: this browser has WebGL2, and it is software.
      expect(renderer).toMatch(/SwiftShader/i);
      expect(await addSyntheticGraph(glPage, 2_000)).toBe(3_999);
      expect(await glPage.evaluate(() => window.dossier.explorer.usingWebgl)).toBe(false);
    } finally {
      await gl.close();
    }
  });
});
