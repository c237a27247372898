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
